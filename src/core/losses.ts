/**
 * Losses with PyTorch's conventions (reduction "mean"), and the gradient they send into the last
 * layer's pre-activation z. Shapes: z, a, y, δ are n×m (batch × outputs); a is the head's output.
 */
import { sigmoid } from "./activations.ts";
import type { HeadName } from "./heads.ts";

/** Names of the losses. */
export type LossName = "mse" | "bce" | "bce-logits" | "cross-entropy";

/** All loss names. */
export const LOSS_NAMES: readonly LossName[] = Object.freeze(["mse", "bce", "bce-logits", "cross-entropy"] as const);

/**
 * The heads each loss accepts. BCE takes probabilities (sigmoid); BCE-with-logits and cross-entropy take
 * logits, so BCE-with-logits wants the identity head, and cross-entropy's "softmax" head only names how
 * predictions are read: the loss itself applies log-softmax to z, as nn.CrossEntropyLoss does.
 */
export const LOSS_HEADS: Readonly<Record<LossName, readonly HeadName[]>> = Object.freeze({
  mse: ["identity", "sigmoid", "tanh", "step"],
  bce: ["sigmoid"],
  "bce-logits": ["identity"],
  "cross-entropy": ["softmax"],
});

/** True when s is one of LOSS_NAMES. */
export function isLossName(s: unknown): s is LossName {
  return typeof s === "string" && (LOSS_NAMES as readonly string[]).includes(s);
}

/** PyTorch's clamp on BCELoss's logarithms: log p ≥ −100, so p = 0, y = 0 gives 0·(−100) = 0, not NaN. */
export const BCE_LOG_CLAMP = -100;

/** nn.BCELoss for one element: −[y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)], log(1 − p) via log1p. */
export function binaryCrossEntropy(p: number, y: number): number {
  return 0 - (y * Math.max(Math.log(p), BCE_LOG_CLAMP) + (1 - y) * Math.max(Math.log1p(-p), BCE_LOG_CLAMP));
}

/**
 * nn.BCEWithLogitsLoss for one element: max(z, 0) − z·y + log1p(e^(−|z|)), which never overflows.
 * At z = ±∞ it returns the limit (0 when the target agrees, +∞ otherwise) instead of ∞ − ∞.
 */
export function binaryCrossEntropyWithLogits(z: number, y: number): number {
  if (z === Infinity) return y === 1 ? 0 : Infinity;
  if (z === -Infinity) return y === 0 ? 0 : Infinity;
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * nn.CrossEntropyLoss for one row of logits: Σ_j y_j·(logsumexp(z) − z_j) (= −log softmax(z)_c for a
 * one-hot y), evaluated as log Σ e^(z−max) − (z_j − max) so that no large number is subtracted from
 * another (CE([1000, 1000], class 0) is exactly ln 2). z, y: rows of length m starting at o. Zero targets
 * are skipped, so a −∞ logit of a wrong class costs nothing; +∞ logits give their limit.
 */
export function crossEntropyRow(z: Float64Array, y: Float64Array, o: number, m: number): number {
  let max = -Infinity;
  for (let j = 0; j < m; j++) {
    const v = z[o + j]!;
    if (v !== v) return NaN;
    if (v > max) max = v;
  }
  let s = 0;
  let infinite = 0;
  if (max === Infinity) for (let j = 0; j < m; j++) infinite += z[o + j] === Infinity ? 1 : 0;
  else for (let j = 0; j < m; j++) s += Math.exp(z[o + j]! - max);
  const logS = Math.log(s);
  let loss = 0;
  for (let j = 0; j < m; j++) {
    const yj = y[o + j]!;
    if (yj === 0) continue;
    const zj = z[o + j]!;
    loss += yj * (max === Infinity ? (zj === Infinity ? Math.log(infinite) : Infinity) : logS - (zj - max));
  }
  return loss;
}

/**
 * Mean loss over a batch. z: n×m logits, a: n×m head outputs, y: n×m targets.
 * mse: Σ(a − y)²/(n·m) (nn.MSELoss). bce: Σ BCE(a, y)/(n·m) (nn.BCELoss). bce-logits: Σ BCEWithLogits(z, y)/(n·m)
 * (nn.BCEWithLogitsLoss). cross-entropy: Σ_i CE(z_i, y_i)/n (nn.CrossEntropyLoss: mean over the batch only).
 */
export function lossValue(
  loss: LossName,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
): number {
  const len = n * m;
  let s = 0;
  switch (loss) {
    case "mse":
      for (let i = 0; i < len; i++) {
        const e = a[i]! - y[i]!;
        s += e * e;
      }
      return s / len;
    case "bce":
      for (let i = 0; i < len; i++) s += binaryCrossEntropy(a[i]!, y[i]!);
      return s / len;
    case "bce-logits":
      for (let i = 0; i < len; i++) s += binaryCrossEntropyWithLogits(z[i]!, y[i]!);
      return s / len;
    case "cross-entropy":
      for (let i = 0, o = 0; i < n; i++, o += m) s += crossEntropyRow(z, y, o, m);
      return s / n;
  }
}

/**
 * δ = ∂L/∂z for the last layer. z, a, fp (= head′(z)), y, δ: n×m. Writes into δ.
 * mse: (2(a − y)/(n·m))·head′(z) (the chain rule, decomposed as in outputGradientParts).
 * bce + sigmoid and bce-logits: (σ(z) − y)/(n·m), fused: σ′(z) cancels, so nothing saturates.
 * cross-entropy + softmax: (p − y)/n, fused.
 */
export function outputDelta(
  loss: LossName,
  z: Float64Array,
  a: Float64Array,
  fp: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
  d: Float64Array,
): void {
  const len = n * m;
  switch (loss) {
    case "mse": {
      const c = 2 / len;
      for (let i = 0; i < len; i++) d[i] = c * (a[i]! - y[i]!) * fp[i]!;
      return;
    }
    case "bce":
      for (let i = 0; i < len; i++) d[i] = (a[i]! - y[i]!) / len;
      return;
    case "bce-logits":
      for (let i = 0; i < len; i++) d[i] = (sigmoid(z[i]!) - y[i]!) / len;
      return;
    case "cross-entropy":
      for (let i = 0; i < len; i++) d[i] = (a[i]! - y[i]!) / n;
      return;
  }
}

/** PyTorch's floor on p(1 − p) in BCELoss's backward (EPSILON = 1e-12), so ∂L/∂p stays finite at p ∈ {0, 1}. */
export const BCE_GRAD_EPSILON = 1e-12;

/**
 * ∂L/∂a, the factor that multiplies head′(z) in the chain rule. z, a, fp, y, dLda: n×m. Writes into dLda.
 * mse: 2(a − y)/(n·m). bce: (a − y)/(max(a(1 − a), 1e-12)·n·m), with a(1 − a) taken as σ′(z) = fp so it does
 * not cancel, as PyTorch's BCELoss backward. bce-logits: the head is the identity, so ∂L/∂a = (σ(z) − y)/(n·m).
 * cross-entropy: −y/(max(p, 1e-12)·n); for softmax the head's Jacobian is not diagonal, so ∂L/∂a·fp ≠ δ there.
 */
export function lossGradientWrtOutput(
  loss: LossName,
  z: Float64Array,
  a: Float64Array,
  fp: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
  dLda: Float64Array,
): void {
  const len = n * m;
  for (let i = 0; i < len; i++) {
    const yi = y[i]!;
    switch (loss) {
      case "mse":
        dLda[i] = (2 * (a[i]! - yi)) / len;
        break;
      case "bce":
        dLda[i] = (a[i]! - yi) / (Math.max(fp[i]!, BCE_GRAD_EPSILON) * len);
        break;
      case "bce-logits":
        dLda[i] = (sigmoid(z[i]!) - yi) / len;
        break;
      case "cross-entropy":
        dLda[i] = yi === 0 ? 0 : -yi / (Math.max(a[i]!, BCE_GRAD_EPSILON) * n);
        break;
    }
  }
}
