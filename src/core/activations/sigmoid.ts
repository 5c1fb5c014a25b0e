/**
 * σ and its derivative, in their own module: the output-layer lab uses them without the other activations (and
 * erf behind GELU), and a module is bundled whole.
 */

/** σ(x) = 1/(1 + e^(−x)), evaluated so that e^(…) never overflows: for x < 0 it uses e^x/(1 + e^x). */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * σ′(x) = σ(x)·σ(−x), written as σ(|x|)·σ(−|x|) with one e = e^(−|x|): 1/(1+e) · e/(1+e).
 * Never σ·(1 − σ): 1 − σ(40) rounds to 0, while σ′(40) ≈ 4.25e-18.
 */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const p = 1 / (1 + e);
  return p * (e * p);
}
