/** Reading predictions out of a forward pass: class decisions, accuracy, and class scores in [0, 1]. */
import { sigmoid } from "../activations/sigmoid.ts";
import type { HeadName } from "./heads.ts";
import type { LossName } from "../losses/losses.ts";
import type { FloatArray } from "../kernels/float-array.ts";

/**
 * The class predicted for row i. One output: class 1 when the score passes the head's midpoint
 * (a > 0.5 for sigmoid, step and identity+MSE, a > 0 for tanh, z > 0 for identity+BCE-with-logits).
 * Several outputs: argmax of a (first on ties). a: n×m head outputs.
 */
export function predictedClass(head: HeadName, loss: LossName, a: FloatArray, i: number, m: number): number {
  if (m === 1) {
    const v = a[i]!;
    const mid = head === "tanh" || loss === "bce-logits" ? 0 : 0.5;
    return v > mid ? 1 : 0;
  }
  let best = 0;
  let bestV = -Infinity;
  for (let j = 0; j < m; j++) {
    const v = a[i * m + j]!;
    if (v > bestV) {
      bestV = v;
      best = j;
    }
  }
  return best;
}

/** Rows whose predicted class equals labels[i] (divide by n for accuracy). a: n×m, labels: n. */
export function correctCount(
  head: HeadName,
  loss: LossName,
  a: FloatArray,
  labels: Int32Array,
  n: number,
  m: number,
): number {
  let c = 0;
  if (m === 1) {
    // predictedClass's one-output rule with its midpoint looked up once, not per row (diagnostics run every step).
    const mid = head === "tanh" || loss === "bce-logits" ? 0 : 0.5;
    for (let i = 0; i < n; i++) c += +(+(a[i]! > mid) === labels[i]);
    return c;
  }
  for (let i = 0; i < n; i++) if (predictedClass(head, loss, a, i, m) === labels[i]) c++;
  return c;
}

/**
 * Class scores in [0, 1] for plotting, from head outputs a (n×m) into out (n×m). One output: the score of
 * class 1 (sigmoid/step: a; tanh: (a + 1)/2; identity+BCE-with-logits: σ(a); identity+MSE: a clamped).
 * Several outputs: a clamped to [0, 1] (softmax probabilities pass unchanged). Non-finite values become the
 * undecided score (0.5, or 1/m), so a plot never receives NaN.
 */
export function classScores(
  head: HeadName,
  loss: LossName,
  a: FloatArray,
  n: number,
  m: number,
  out: Float64Array,
  o = 0,
): void {
  const undecided = m === 1 ? 0.5 : 1 / m;
  for (let i = 0; i < n * m; i++) {
    const v = a[i]!;
    let s: number;
    if (m === 1 && head === "tanh") s = (v + 1) / 2;
    else if (m === 1 && loss === "bce-logits") s = sigmoid(v);
    else s = v;
    out[o + i] = s === s && Number.isFinite(v) ? Math.min(1, Math.max(0, s)) : undecided;
  }
}
