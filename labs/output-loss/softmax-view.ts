/**
 * The reader's numbers for the softmax formula at one training point, from the network's own logits there
 * (the worker reports the output layer's z at every training point, see SessionSpec.outputLogits).
 */

/**
 * One row of the softmax table: logit z_j, e^{z_j − m}, p_j = e^{z_j − m} / Σ_k e^{z_k − m}, and
 * ∂L/∂z_j = p_j − y_j, the cross-entropy's gradient at that logit (y_j = 1 for the target class, else 0).
 */
export interface SoftmaxRow {
  j: number;
  z: number;
  ez: number;
  p: number;
  grad: number;
}

/** The softmax formula filled in with a point's numbers, and its cross-entropy for the target class. */
export interface SoftmaxTable {
  rows: SoftmaxRow[];
  /** m = max_k z_k, subtracted before exponentiating. */
  max: number;
  /** Σ_k e^{z_k − m} (≥ 1: the largest term is e⁰). */
  sum: number;
  /** −ln p_target. */
  crossEntropy: number;
}

/**
 * softmax(z) with the row max subtracted: p_j = e^{z_j − m} / Σ_k e^{z_k − m}, m = max_k z_k. Softmax is
 * shift-invariant, so this is exactly softmax(z), and every e^{z_j − m} ≤ 1 stays finite however large z is
 * (what nn.CrossEntropyLoss does). crossEntropy = −ln p_target = ln Σ − (z_target − m), with ln Σ = log1p(Σ − 1),
 * so a p_target near 1 keeps its digits. Null when a logit is not finite.
 */
export function softmaxTable(z: readonly number[], targetClass: number): SoftmaxTable | null {
  if (z.length === 0 || !z.every(Number.isFinite)) return null;
  const max = Math.max(...z);
  const ezs = z.map((v) => Math.exp(v - max));
  const top = z.indexOf(max);
  // Σ = 1 + (the other terms): ln Σ via log1p keeps its digits when the other terms are tiny.
  const rest = ezs.reduce((s, v, j) => (j === top ? s : s + v), 0);
  const sum = 1 + rest;
  const rows = z.map((v, j) => {
    const p = ezs[j]! / sum;
    return { j, z: v, ez: ezs[j]!, p, grad: p - (j === targetClass ? 1 : 0) };
  });
  const t = rows[targetClass];
  return { rows, max, sum, crossEntropy: t ? Math.log1p(rest) - (t.z - max) : Number.NaN };
}
