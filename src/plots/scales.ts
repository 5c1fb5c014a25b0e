/** A linear map from a data interval onto a pixel interval: scale(d0) = r0, scale(d1) = r1. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  // A zero-width domain would divide by zero: map everything to the middle of the range instead.
  if (!Number.isFinite(span) || span === 0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / span;
  return (v) => r0 + (v - d0) * k;
}

/**
 * An SVG path through (xs[i], ys[i]) mapped by sx and sy. A non-finite point breaks the line
 * instead of drawing it, so NaN or Infinity never reaches the DOM.
 */
export function linePath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const n = Math.min(xs.length, ys.length);
  let d = "";
  let pen = false;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    const px = sx(x);
    const py = sy(y);
    // A point the scale cannot place (e.g. y ≤ 0 on a log axis) breaks the line like NaN does.
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round2(px)},${round2(py)}`;
    pen = true;
  }
  return d;
}

/** Roughly `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min || count < 1) return [];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return ticks;
}

/** A log₁₀ map: scale(d0) = r0, scale(d1) = r1 for 0 < d0 < d1. Values ≤ 0 or non-finite map to NaN (the caller skips them). */
export function logScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const inner = linearScale(Math.log10(d0), Math.log10(d1), r0, r1);
  return (v) => (v > 0 && Number.isFinite(v) ? inner(Math.log10(v)) : Number.NaN);
}

/** Powers of ten in [min, max], every k-th decade so there are at most `count` of them. */
export function logTicks(min: number, max: number, count = 6): number[] {
  if (!(min > 0) || !Number.isFinite(max) || max <= min || count < 1) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const ticks: number[] = [];
  for (let k = hi - Math.floor((hi - lo) / every) * every; k <= hi; k += every) ticks.push(Number(`1e${k}`));
  return ticks;
}

/** The smallest and largest finite values (only v > 0 when positive) over all arrays, or null when there are none. */
export function finiteExtent(arrays: ArrayLike<number>[], positive = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i] as number;
      if (!Number.isFinite(v) || (positive && !(v > 0))) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A linear axis domain: [min, max] when both are finite and max > min, else the finite data extent
 * widened to round ticks (a flat series gets ±1), else [0, 1]. Never NaN or Infinity.
 */
export function linearDomain(
  min: number | undefined,
  max: number | undefined,
  data: ArrayLike<number>[],
): [number, number] {
  if (Number.isFinite(min) && Number.isFinite(max) && (max as number) > (min as number))
    return [min as number, max as number];
  const ext = finiteExtent(data);
  if (!ext) return [0, 1];
  const [lo, hi] = ext[0] === ext[1] ? [ext[0] - 1, ext[1] + 1] : ext;
  const ticks = niceTicks(lo, hi, 5);
  const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : 0;
  const a = step > 0 ? Math.floor(lo / step) * step : lo;
  const b = step > 0 ? Math.ceil(hi / step) * step : hi;
  return [Number(a.toPrecision(12)), Number(b.toPrecision(12))];
}

/**
 * A log axis domain: [min, max] when 0 < min < max are finite, else the finite positive data extent
 * rounded out to whole decades (at least one decade wide), else [10⁻³, 1].
 */
export function logDomain(
  min: number | undefined,
  max: number | undefined,
  data: ArrayLike<number>[],
): [number, number] {
  if (Number.isFinite(max) && (min as number) > 0 && (max as number) > (min as number))
    return [min as number, max as number];
  const ext = finiteExtent(data, true);
  if (!ext) return [1e-3, 1];
  // Clamped to ±300 decades so 10^k stays a normal, non-zero double.
  const lo = Math.max(-300, Math.floor(Math.log10(ext[0]) + 1e-9));
  const hi = Math.min(300, Math.max(lo + 1, Math.ceil(Math.log10(ext[1]) - 1e-9)));
  return [Number(`1e${lo}`), Number(`1e${hi}`)];
}

/** Rounds a pixel coordinate to 2 decimals: keeps SVG paths short without visible error. */
function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
