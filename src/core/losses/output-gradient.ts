/**
 * The gradient a loss sends into the last layer's pre-activation z, whole (δ = ∂L/∂z) and split by the
 * chain rule (∂L/∂a and head′(z)), with PyTorch's conventions. Shapes: z, a, fp, y, δ are n×m.
 */
import { sigmoid } from "../activations/sigmoid.ts";
import type { LossName } from "./losses.ts";

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
