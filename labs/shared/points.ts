/** The dataset as the DecisionBoundary plot takes it: columns x, y, label from n×2 row-major inputs. */
import type { LabelledPoints } from "../../src/plots/types.ts";

/** x: n×2 row-major, labels: n → { x: n, y: n, label: n }. */
export function toPoints(x: ArrayLike<number>, labels: ArrayLike<number>): LabelledPoints {
  const n = labels.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = x[2 * i] as number;
    ys[i] = x[2 * i + 1] as number;
  }
  return { x: xs, y: ys, label: labels };
}
