/**
 * The loss and its gradient as functions of the output logit z, for one example (N = 1, so MSE's mean
 * is the single squared error), computed on the main thread from the core's scalar functions.
 *
 *   sigmoid + MSE:  a = σ(z),    L = (a − y)²,          ∂L/∂z = 2(a − y)·σ′(z)
 *   sigmoid + BCE:  a = σ(z),    L = −[y ln a + (1 − y) ln(1 − a)],  ∂L/∂z = a − y  (σ′ cancels)
 *   tanh + MSE:     a = tanh z,  L = (a − t)², t = 2y − 1,  ∂L/∂z = 2(a − t)·tanh′(z)
 */
import { sigmoid, sigmoidDerivative, tanhDerivative, binaryCrossEntropy } from "../../src/core/index.ts";
import type { PairingId } from "./settings.ts";

/** One example's output-layer quantities: prediction, loss and the chain-rule factors. */
export interface OutputGradient {
  /** The head's output a. */
  a: number;
  loss: number;
  /** ∂L/∂a. */
  dLda: number;
  /** ∂a/∂z: σ′(z) or tanh′(z). */
  dadz: number;
  /** ∂L/∂z = ∂L/∂a · ∂a/∂z (for BCE computed fused as a − y, which is what the product equals). */
  dLdz: number;
}

/** a − y for a sigmoid output, without cancellation: σ(z) − 1 = −σ(−z). */
function sigmoidError(z: number, y: 0 | 1): number {
  return y === 1 ? -sigmoid(-z) : sigmoid(z);
}

/** The output quantities of `pairing` at logit z for an example of class y (tanh's target is 2y − 1). */
export function outputGradient(pairing: PairingId, z: number, y: 0 | 1): OutputGradient {
  switch (pairing) {
    case "sigmoid-mse": {
      const e = sigmoidError(z, y);
      const dadz = sigmoidDerivative(z);
      return { a: sigmoid(z), loss: e * e, dLda: 2 * e, dadz, dLdz: 2 * e * dadz };
    }
    case "sigmoid-bce": {
      const a = sigmoid(z);
      const e = sigmoidError(z, y);
      const dadz = sigmoidDerivative(z);
      return { a, loss: binaryCrossEntropy(a, y), dLda: e / dadz, dadz, dLdz: e };
    }
    case "tanh-mse": {
      const a = Math.tanh(z);
      const e = a - (2 * y - 1);
      const dadz = tanhDerivative(z);
      return { a, loss: e * e, dLda: 2 * e, dadz, dLdz: 2 * e * dadz };
    }
  }
}

/** L(z) and |∂L/∂z| for each pairing, sampled at n evenly spaced z in [zMin, zMax]. */
export interface LogitCurves {
  zs: Float64Array;
  loss: Record<PairingId, Float64Array>;
  gradient: Record<PairingId, Float64Array>;
}

/** Samples every pairing's L(z) and |∂L/∂z| for target class y. */
export function sampleLogitCurves(y: 0 | 1, zMin = -10, zMax = 10, n = 201): LogitCurves {
  const ids: PairingId[] = ["sigmoid-mse", "sigmoid-bce", "tanh-mse"];
  const zs = new Float64Array(n);
  const loss = {} as Record<PairingId, Float64Array>;
  const gradient = {} as Record<PairingId, Float64Array>;
  for (const id of ids) {
    loss[id] = new Float64Array(n);
    gradient[id] = new Float64Array(n);
  }
  for (let i = 0; i < n; i++) {
    const z = n === 1 ? zMin : zMin + ((zMax - zMin) * i) / (n - 1);
    zs[i] = z;
    for (const id of ids) {
      const g = outputGradient(id, z, y);
      loss[id][i] = g.loss;
      gradient[id][i] = Math.abs(g.dLdz);
    }
  }
  return { zs, loss, gradient };
}
