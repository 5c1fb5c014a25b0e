/**
 * A pinned run for A/B comparison: plain copies of one run's per-layer gradient norms, saturation and loss curve,
 * kept while the reader changes a setting and trains another run, then drawn beside it.
 */
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import { COLUMN } from "../shared/history-views.ts";
import { layerLabels } from "./gradients.ts";

/** Loss points a pin keeps at most (the history holds no more than this anyway). */
export const PIN_MAX_POINTS = 512;

/** One run, frozen: what it was, its gradient norm per weight layer (hidden layers then output), its loss curve. */
export interface PinnedRun {
  label: string;
  hidden: number;
  grads: number[];
  /** grads[0] / grads[hidden]: first layer against output layer. */
  ratio: number;
  /** Share of near-zero slopes per weight layer, like grads (empty when not measured). */
  saturation: number[];
  loss: { steps: number[]; values: number[] };
}

/** Copies what a pin needs out of the live run (the history's views are reused by the next push, so they are copied). */
export function makePin(
  label: string,
  hidden: number,
  grads: readonly number[],
  history: BoundedHistory,
  saturation: readonly number[] = [],
): PinnedRun {
  const n = history.length;
  const from = Math.max(0, n - PIN_MAX_POINTS);
  const steps = Array.from(history.steps().subarray(from, n));
  const values = n > 0 ? Array.from(history.column(COLUMN.trainLoss).subarray(from, n)) : [];
  const kept = grads.slice(0, hidden + 1);
  return {
    label,
    hidden,
    grads: kept,
    ratio: kept[0]! / kept[hidden]!,
    saturation: saturation.slice(0, hidden + 1),
    loss: { steps, values },
  };
}

/**
 * Lines up two runs' per-layer values when their depths differ: hidden layers by index (L1 with L1),
 * output with output. A layer one run does not have reads NaN (the bar chart shows "—").
 * values: hidden + 1 numbers of the live run; pin: the pinned run or null.
 */
export function alignLayers(
  hidden: number,
  values: readonly number[],
  pin: Pick<PinnedRun, "hidden" | "grads"> | null,
): { labels: string[]; values: number[]; overlay: number[] | null } {
  if (!pin) return { labels: layerLabels(hidden), values: values.slice(0, hidden + 1), overlay: null };
  const d = Math.max(hidden, pin.hidden);
  const spread = (h: number, v: readonly number[]): number[] => [
    ...Array.from({ length: d }, (_, i) => (i < h ? (v[i] ?? Number.NaN) : Number.NaN)),
    v[h] ?? Number.NaN,
  ];
  return { labels: layerLabels(d), values: spread(hidden, values), overlay: spread(pin.hidden, pin.grads) };
}

/**
 * A log-scale loss axis holding every finite positive value of the given curves: whole decades,
 * never NaN or ∞ (0.01 … 1 when there is nothing to show).
 */
export function lossAxis(curves: ArrayLike<number>[], log: boolean): { min: number; max: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const c of curves) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (Number.isFinite(v) && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (hi === 0) return log ? { min: 0.01, max: 1 } : { min: 0, max: 1 };
  if (!log) return { min: 0, max: hi * 1.05 };
  const min = 10 ** Math.floor(Math.log10(Math.max(lo, 1e-12)));
  const max = 10 ** Math.ceil(Math.log10(Math.max(hi, 1e-11)));
  return { min, max: max > min ? max : min * 10 };
}
