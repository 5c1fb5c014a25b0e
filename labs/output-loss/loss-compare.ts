/**
 * The three binary pairings' loss curves on one plot. Their losses live on different scales (BCE ≈ 4.6,
 * sigmoid+MSE ≈ 0.46, tanh+MSE ≈ 1.8 at a −10 bias), so the plot can show each relative to its own start,
 * L/L₀, which makes "which loss moved first" a fair comparison.
 */
import type { AxisSpec, PlotSeries } from "../../src/plots/types.ts";

/** One pairing's loss history: steps and train losses, row by row. */
export interface LossCurve {
  label: string;
  color: string;
  dashed?: boolean;
  steps: ArrayLike<number>;
  losses: ArrayLike<number>;
}

/** The first finite loss of a history (the step-0 loss: the history's first row is never merged). NaN if none. */
export function startLoss(losses: ArrayLike<number>): number {
  for (let i = 0; i < losses.length; i++) if (Number.isFinite(losses[i])) return losses[i] as number;
  return Number.NaN;
}

/** A loss this many times its start is unstable, even while every number stays finite (no divergence). */
export const UNSTABLE_FACTOR = 10;

/**
 * A run whose loss rose above UNSTABLE_FACTOR × its start (a learning rate too large: the weights overshoot
 * but never overflow, so the core reports no divergence): where it started and where it is; else null.
 */
export function unstableLoss(start: number, now: number | null): { from: number; to: number } | null {
  return start > 0 && now !== null && Number.isFinite(now) && now > UNSTABLE_FACTOR * start
    ? { from: start, to: now }
    : null;
}

/** Share of the starting loss that is gone: 1 − L/L₀ (0 = not moved, 1 = all gone). NaN without a positive start. */
export function fractionDropped(start: number, now: number): number {
  return start > 0 && Number.isFinite(now) ? 1 - now / start : Number.NaN;
}

/** Series and axes for the comparison plot; `relative` divides each curve by its start, `log` starts the y axis at a decade. */
export function comparisonPlot(
  curves: readonly LossCurve[],
  relative: boolean,
  log: boolean,
): { series: PlotSeries[]; x: AxisSpec; y: AxisSpec } {
  let last = 0;
  let lo = Infinity;
  let hi = 0;
  const series = curves.map((c) => {
    const scale = relative ? startLoss(c.losses) : 1;
    const ys = Float64Array.from(c.losses, (v) => (relative ? v / scale : v));
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i]!;
      if (Number.isFinite(v) && v > 0) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }
    if (c.steps.length > 0) last = Math.max(last, c.steps[c.steps.length - 1] as number);
    return { label: c.label, xs: c.steps, ys, color: c.color, dashed: c.dashed ?? false };
  });
  if (!(hi > 0)) [lo, hi] = [0.01, 1];
  const label = relative ? "loss / loss at step 0" : "loss";
  const y = log
    ? {
        min: 10 ** Math.floor(Math.log10(Math.max(lo, 1e-12))),
        // Half a decade of headroom rather than a whole one: L/L₀ starts at exactly 1.
        max: Math.max(hi, 1e-11) * 1.5,
        label,
      }
    : { min: 0, max: hi * 1.05, label };
  return { series, x: { min: 0, max: Math.max(10, last), label: "step" }, y };
}
