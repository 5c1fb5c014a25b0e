/**
 * Reading the bounded run history for charts. A history row holds, after its step:
 * [trainLoss, testLoss, gradNormW × L, deadFraction × L, saturation × L, trainAccuracy, testAccuracy,
 * perceptronAccuracy] (see the worker protocol).
 */
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import type { HistoryChunk } from "../../src/worker/protocol.ts";
import type { AxisSpec } from "../../src/plots/types.ts";

/** Column of the train loss, test loss, each per-layer block's layer l, and the accuracies (L = weight layers). */
export const COLUMN = {
  trainLoss: 0,
  testLoss: 1,
  gradNorm: (l: number) => 2 + l,
  deadFraction: (layers: number, l: number) => 2 + layers + l,
  saturation: (layers: number, l: number) => 2 + 2 * layers + l,
  trainAccuracy: (layers: number) => 2 + 3 * layers,
  testAccuracy: (layers: number) => 3 + 3 * layers,
  perceptronAccuracy: (layers: number) => 4 + 3 * layers,
} as const;

/** How many weight layers a history's rows describe: 2 losses, 3 values per layer, then 3 accuracies. */
export function historyLayers(history: BoundedHistory): number {
  return Math.max(0, Math.floor((history.series - 5) / 3));
}

/** The loss curves and axes to draw them on. y(log) gives an axis that never spans NaN or ∞. */
export function lossSeries(history: BoundedHistory) {
  const steps = history.steps();
  const train = history.column(COLUMN.trainLoss);
  const test = history.column(COLUMN.testLoss);
  const hasTest = test.some(Number.isFinite);
  const last = steps.length > 0 ? (steps[steps.length - 1] as number) : 0;
  const x: AxisSpec = { min: 0, max: Math.max(10, last), label: "step" };
  const finite = [...train, ...test].filter((v) => Number.isFinite(v) && v > 0);
  const hi = finite.length ? Math.max(...finite) : 1;
  const lo = finite.length ? Math.min(...finite) : 0.01;
  const y = (log: boolean): { min: number; max: number } =>
    log
      ? {
          min: 10 ** Math.floor(Math.log10(Math.max(lo, 1e-12))),
          max: 10 ** Math.ceil(Math.log10(Math.max(hi, 1e-11))),
        }
      : { min: 0, max: hi * 1.05 };
  const rows: (string | number)[][] = [];
  const stride = Math.max(1, Math.ceil(steps.length / 50));
  for (let i = 0; i < steps.length; i += stride)
    rows.push([steps[i]!, train[i]!, Number.isFinite(test[i]) ? test[i]! : "—"]);
  return { steps, train, test, hasTest, x, y, rows };
}

/**
 * Appends the chosen columns (COLUMN indices) of a snapshot's history chunk to `into`, one row per measurement,
 * so a chart of them includes every step the worker measured (the warm-up too), not only the snapshots it got.
 * Returns the rows appended: 0 when the chunk has no such columns.
 */
export function appendColumns(into: BoundedHistory, chunk: HistoryChunk, columns: readonly number[]): number {
  const w = chunk.width;
  if (columns.some((c) => c + 1 >= w)) return 0;
  const row = new Float64Array(columns.length);
  for (let r = 0; r < chunk.rows; r++) {
    for (let i = 0; i < columns.length; i++) row[i] = chunk.data[r * w + 1 + columns[i]!]!;
    into.push(chunk.data[r * w]!, row);
  }
  return chunk.rows;
}
