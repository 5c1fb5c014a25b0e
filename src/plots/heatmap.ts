/** Colour arithmetic for a rows × columns heatmap: domain, position on the colour map, pixels. */
import { viridis, type Rgb } from "./colormap.ts";
import { linearDomain, logDomain, niceTicks } from "./scales.ts";

/** The colour domain: [min, max] when valid for the scale, else from the finite (log: positive) values; never NaN. */
export function heatmapDomain(values: ArrayLike<number>, log: boolean, min?: number, max?: number): [number, number] {
  return log ? logDomain(min, max, [values]) : linearDomain(min, max, [values]);
}

/**
 * Where v sits in [lo, hi] on the colour map, 0–1 and clamped: (v − lo)/(hi − lo), or the same in log₁₀
 * when `log`. NaN for a non-finite v (no data); on a log scale v ≤ 0 is the low end, not missing.
 */
export function colorPosition(v: number, lo: number, hi: number, log: boolean): number {
  if (!Number.isFinite(v)) return Number.NaN;
  let t: number;
  if (log) t = v > 0 ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : 0;
  else t = (v - lo) / (hi - lo);
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
}

/**
 * Writes rows × columns RGBA pixels into `out` (row-major, like `values`): viridis for finite cells, `noData`
 * for non-finite or missing ones. Returns how many cells had no data.
 */
export function paintHeatmap(
  values: ArrayLike<number>,
  rows: number,
  columns: number,
  domain: [number, number],
  log: boolean,
  noData: Rgb,
  out: Uint8ClampedArray,
): number {
  const n = rows * columns;
  if (out.length !== 4 * n) throw new RangeError(`out has ${out.length} bytes, need 4·${rows}·${columns}`);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const t = colorPosition(i < values.length ? (values[i] as number) : Number.NaN, domain[0], domain[1], log);
    const c = Number.isNaN(t) ? noData : viridis(t);
    if (Number.isNaN(t)) missing++;
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 255;
  }
  return missing;
}

/**
 * Axis ticks for the columns: round values (niceTicks) over the ascending `steps`, each placed where it falls
 * between the centres of the columns around it, as a fraction 0–1 of the width. Non-finite steps are ignored.
 */
export function columnTicks(steps: ArrayLike<number>, count: number): { value: number; at: number }[] {
  const n = steps.length;
  const idx: number[] = [];
  for (let j = 0; j < n; j++) if (Number.isFinite(steps[j])) idx.push(j);
  if (idx.length === 0) return [];
  const first = steps[idx[0]!] as number;
  const last = steps[idx.at(-1)!] as number;
  if (!(last > first)) return [{ value: first, at: (idx[0]! + 0.5) / n }];
  const ticks: { value: number; at: number }[] = [];
  for (const t of niceTicks(first, last, count)) {
    for (let k = 0; k + 1 < idx.length; k++) {
      const [a, b] = [idx[k]!, idx[k + 1]!];
      const [sa, sb] = [steps[a] as number, steps[b] as number];
      if (t < sa || t > sb) continue;
      const column = sb > sa ? a + ((t - sa) / (sb - sa)) * (b - a) : a;
      ticks.push({ value: t, at: (column + 0.5) / n });
      break;
    }
  }
  return ticks;
}
