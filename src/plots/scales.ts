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
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round2(sx(x))},${round2(sy(y))}`;
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

/** Rounds a pixel coordinate to 2 decimals: keeps SVG paths short without visible error. */
function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
