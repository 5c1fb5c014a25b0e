import { getActivation, type ActivationName } from "../../src/core/index.ts";

/** f and f′ of one activation sampled on an even grid. xs, f, df: n each. */
export interface SampledCurve {
  xs: Float64Array;
  f: Float64Array;
  df: Float64Array;
}

/** Samples f and f′ at n evenly spaced points of [min, max] (n ≥ 2), from the core's activations. */
export function sampleActivation(
  name: ActivationName,
  alpha: number,
  min: number,
  max: number,
  n: number,
): SampledCurve {
  const act = getActivation(name, alpha);
  const xs = new Float64Array(n);
  const f = new Float64Array(n);
  const df = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = min + ((max - min) * i) / (n - 1);
    xs[i] = x;
    f[i] = act.f(x);
    df[i] = act.df(x);
  }
  return { xs, f, df };
}

/**
 * The x-intervals where |f′(x)| < threshold: the "saturated" (or dead) regions, where a gradient
 * step barely moves the input. Intervals run between sample midpoints, so adjacent runs never overlap.
 */
export function flatIntervals(xs: Float64Array, df: Float64Array, threshold: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const n = xs.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const flat = i < n && Math.abs(df[i] as number) < threshold;
    if (flat && start < 0) start = i;
    if (!flat && start >= 0) {
      const from = start === 0 ? (xs[0] as number) : ((xs[start - 1] as number) + (xs[start] as number)) / 2;
      const to = i === n ? (xs[n - 1] as number) : ((xs[i - 1] as number) + (xs[i] as number)) / 2;
      out.push({ from, to });
      start = -1;
    }
  }
  return out;
}
