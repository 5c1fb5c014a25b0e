/** Value arithmetic for bar charts: a domain that holds still, and what to show where a bar cannot be drawn. */
import { formatDecade } from "./format.ts";
import { finiteExtent, linearDomain, logDomain } from "./scales.ts";

/** The lowest a log bar axis reaches down for data (a gradient of 3×10⁻¹⁴ is worth a bar; 10⁻³⁰⁰ is "below"). */
export const LOG_BAR_FLOOR = 1e-30;

/** The smallest finite positive value, or Infinity without one. */
function minPositive(data: ArrayLike<number>[]): number {
  let m = Infinity;
  for (const a of data)
    for (let i = 0; i < a.length; i++) if ((a[i] as number) > 0 && (a[i] as number) < m) m = a[i] as number;
  return m;
}

/**
 * The value axis of a bar chart. Given min and max win when valid for the scale (fixed axes keep bars
 * from jumping between frames); a missing one comes from the finite data: whole decades on a log scale,
 * round numbers including 0 on a linear one. A log axis also reaches down to the decade of its smallest
 * positive value (not below LOG_BAR_FLOOR), so a bar under a given floor is drawn, not lost. Never NaN or Infinity.
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
  const [a, b] = hi > lo && (!log || lo > 0) ? [lo, hi] : auto;
  if (!log) return [a, b];
  const small = minPositive(data);
  const reach = small < a ? Math.max(LOG_BAR_FLOOR, 10 ** Math.floor(Math.log10(small))) : a;
  return [Math.min(a, reach), b];
}

/**
 * What stands in for a bar that cannot be drawn: "—" for a non-finite value, "0" for zero (or ≤ 0 on a log
 * scale), "<10⁻³⁰" for a positive value below the log axis's bottom `lo`, else null.
 */
export function barMarker(v: number, log: boolean, lo = 0): string | null {
  if (!Number.isFinite(v)) return "—";
  if (v === 0 || (log && v < 0)) return "0";
  if (log && v < lo) return `<${formatDecade(lo)}`;
  return null;
}
