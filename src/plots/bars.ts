/** Value arithmetic for bar charts: a domain that holds still, and what to show where a bar cannot be drawn. */
import { finiteExtent, linearDomain, logDomain } from "./scales.ts";

/**
 * The value axis of a bar chart. Given min and max win when valid for the scale (fixed axes keep bars
 * from jumping between frames); a missing one comes from the finite data: whole decades on a log scale,
 * round numbers including 0 on a linear one. Never NaN or Infinity.
 */
export function barDomain(data: ArrayLike<number>[], log: boolean, min?: number, max?: number): [number, number] {
  const ext = finiteExtent(data);
  const allZero = !ext || (ext[0] === 0 && ext[1] === 0);
  const auto: [number, number] = log
    ? logDomain(undefined, undefined, data)
    : allZero
      ? [0, 1]
      : linearDomain(undefined, undefined, [...data, [0]]);
  const lo = Number.isFinite(min) ? (min as number) : auto[0];
  const hi = Number.isFinite(max) ? (max as number) : auto[1];
  // A given bound that contradicts the other (or a non-positive log bound) is ignored: the data decide.
  return hi > lo && (!log || lo > 0) ? [lo, hi] : auto;
}

/** What stands in for a bar that cannot be drawn: "—" for a non-finite value, "0" for zero (or ≤ 0 on a log scale), else null. */
export function barMarker(v: number, log: boolean): "—" | "0" | null {
  if (!Number.isFinite(v)) return "—";
  if (v === 0 || (log && v < 0)) return "0";
  return null;
}
