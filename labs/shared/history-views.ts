/**
 * Reading the bounded run history for charts. A history row holds, after its step:
 * [trainLoss, testLoss, gradNormW × L, deadFraction × L, saturation × L] (see the worker protocol).
 */
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import type { AxisSpec } from "../../src/plots/types.ts";

/** Column of the train loss, test loss, and the first column of each per-layer block. */
export const COLUMN = {
  trainLoss: 0,
  testLoss: 1,
  gradNorm: (l: number) => 2 + l,
  deadFraction: (layers: number, l: number) => 2 + layers + l,
  saturation: (layers: number, l: number) => 2 + 2 * layers + l,
} as const;

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
