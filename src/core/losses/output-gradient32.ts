/**
 * The output-layer gradient in float32, taken through the chain rule as PyTorch's autograd takes it:
 * ∂L/∂a from the loss's backward, then the head's backward. Unlike the float64 core (output-gradient.ts),
 * BCELoss on a sigmoid is not fused: its backward divides by max(a(1 − a), 1e-12) and sigmoid's multiplies
 * by (1 − a)·a, so when σ rounds to 0 or 1 in float32 the gradient is 0 and a confidently wrong unit stops
 * learning, as it does in PyTorch. Shapes: z, a, fp, y, δ are n×m Float32Arrays.
 */
import { sigmoid32 } from "../activations/activations32.ts";
import type { HeadName } from "../network/heads.ts";
import { BCE_GRAD_EPSILON } from "./output-gradient.ts";
import type { LossName } from "./losses.ts";

const fr = Math.fround;
const EPSILON = fr(BCE_GRAD_EPSILON);

/**
 * ∂L/∂a in float32. mse: (2/(n·m))·(a − y). bce: ((a − y)/max((1 − a)·a, 1e-12))/(n·m), PyTorch's
 * binary_cross_entropy_backward. bce-logits (identity head): (σ(z) − y)/(n·m). cross-entropy: −y/(max(p, 1e-12)·n).
 * Writes into dLda.
 */
export function lossGradientWrtOutput32(
  loss: LossName,
  z: Float32Array,
  a: Float32Array,
  y: Float32Array,
  n: number,
  m: number,
  dLda: Float32Array,
): void {
  const len = n * m;
  const norm = fr(2 / len);
  for (let i = 0; i < len; i++) {
    const ai = a[i]!;
    const yi = y[i]!;
    switch (loss) {
      case "mse":
        dLda[i] = fr(norm * fr(ai - yi));
        break;
      case "bce":
        dLda[i] = fr(fr(fr(ai - yi) / Math.max(fr(fr(1 - ai) * ai), EPSILON)) / len);
        break;
      case "bce-logits":
        dLda[i] = fr(fr(sigmoid32(z[i]!) - yi) / len);
        break;
      case "cross-entropy":
        dLda[i] = yi === 0 ? 0 : fr(-yi / fr(Math.max(ai, EPSILON) * n));
        break;
    }
  }
}

/**
 * δ = ∂L/∂z for the last layer in float32. Writes into d.
 * mse and bce: ∂L/∂a (lossGradientWrtOutput32) times the head's backward: (g·(1 − a))·a for sigmoid, g·fp for
 * the others (fp = 1 − a² for tanh, 1 for the identity, 0 for the step).
 * bce-logits: (σ(z) − y)/(n·m). cross-entropy + softmax: (p − y)/n (PyTorch computes it from the log-softmax;
 * the two differ only in rounding).
 */
export function outputDelta32(
  loss: LossName,
  head: HeadName,
  z: Float32Array,
  a: Float32Array,
  fp: Float32Array,
  y: Float32Array,
  n: number,
  m: number,
  d: Float32Array,
): void {
  const len = n * m;
  switch (loss) {
    case "mse":
    case "bce":
      lossGradientWrtOutput32(loss, z, a, y, n, m, d);
      if (head === "sigmoid")
        for (let i = 0; i < len; i++) {
          const p = a[i]!;
          d[i] = fr(fr(d[i]! * fr(1 - p)) * p);
        }
      else for (let i = 0; i < len; i++) d[i] = fr(d[i]! * fp[i]!);
      return;
    case "bce-logits":
      for (let i = 0; i < len; i++) d[i] = fr(fr(sigmoid32(z[i]!) - y[i]!) / len);
      return;
    case "cross-entropy":
      for (let i = 0; i < len; i++) d[i] = fr(fr(a[i]! - y[i]!) / n);
      return;
  }
}
