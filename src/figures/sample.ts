/** Sampling a function for a figure, and finding where it is small: the numbers a figure module feeds a chart. */

/** An even grid: n points from min to max, both included (n ≥ 2). x_i = min + (max − min)·i/(n − 1). */
export function grid(min: number, max: number, n: number): Float64Array {
  if (!(n >= 2) || !Number.isInteger(n)) throw new Error(`grid needs an integer n ≥ 2; got ${n}.`);
  const xs = new Float64Array(n);
  // Computed from i, not by adding a step, so the points land exactly on round values (−8, −7, … on [−8, 8]).
  for (let i = 0; i < n; i++) xs[i] = min + ((max - min) * i) / (n - 1);
  return xs;
}

/** f at each x: ys[i] = f(xs[i]). */
export function sample(f: (x: number) => number, xs: ArrayLike<number>): Float64Array {
  const ys = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) ys[i] = f(xs[i] as number);
  return ys;
}

/** The x in [a, b] where `below` changes, found by bisection (below(a) ≠ below(b)) to a width of 1e-9·(b − a). */
function boundary(below: (x: number) => boolean, a: number, b: number): number {
  const inA = below(a);
  let lo = a;
  let hi = b;
  for (let k = 0; k < 60 && hi - lo > 1e-9 * (b - a); k++) {
    const mid = (lo + hi) / 2;
    if (below(mid) === inA) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The intervals of [min, max] where |f(x)| < threshold, e.g. where an activation's slope is below the
 * saturation threshold. Found on an n-point grid, each edge refined by bisection on f itself, so an
 * edge is exact to about 1e-9 of the range; an interval narrower than the grid spacing can be missed.
 */
export function intervalsBelow(
  f: (x: number) => number,
  threshold: number,
  min: number,
  max: number,
  n = 401,
): { from: number; to: number }[] {
  const below = (x: number): boolean => Math.abs(f(x)) < threshold;
  const xs = grid(min, max, n);
  const out: { from: number; to: number }[] = [];
  let start: number | null = below(min) ? min : null;
  for (let i = 1; i < n; i++) {
    const a = xs[i - 1] as number;
    const b = xs[i] as number;
    const inB = below(b);
    if (start === null && inB) start = boundary(below, a, b);
    else if (start !== null && !inB) {
      out.push({ from: start, to: boundary(below, a, b) });
      start = null;
    }
  }
  if (start !== null) out.push({ from: start, to: max });
  return out;
}
