/** Weight initialisers. Each fills one layer's W (fanIn × fanOut, row-major) from a seeded Rng. */
import { isOneOf } from "../checks.ts";
import { INIT_KINDS, type InitKind } from "../names.ts";
import type { Rng } from "../data/rng.ts";

export { INIT_KINDS, type InitKind };

/** True when s is one of INIT_KINDS. */
export function isInitKind(s: unknown): s is InitKind {
  return isOneOf(INIT_KINDS, s);
}

/**
 * The spread of an initialiser: the standard deviation for *-normal kinds, the bound a of U(−a, a) for
 * *-uniform kinds. scale is the naive std/bound for "normal"/"uniform" and a gain multiplier for the others.
 *   normal: σ = scale                           uniform: a = scale
 *   xavier-normal: σ = scale·√(2/(fanIn+fanOut))  xavier-uniform: a = scale·√(6/(fanIn+fanOut))   (Glorot & Bengio 2010)
 *   he-normal: σ = scale·√(2/fanIn)              he-uniform: a = scale·√(6/fanIn)   (He et al. 2015, fan_in, ReLU gain √2)
 *   constant: every weight = scale (0 for all zeros): no randomness, so every unit of a layer starts, and stays, the same
 */
export function initSpread(kind: InitKind, scale: number, fanIn: number, fanOut: number): number {
  switch (kind) {
    case "normal":
    case "uniform":
    case "constant":
      return scale;
    case "xavier-normal":
      return scale * Math.sqrt(2 / (fanIn + fanOut));
    case "xavier-uniform":
      return scale * Math.sqrt(6 / (fanIn + fanOut));
    case "he-normal":
      return scale * Math.sqrt(2 / fanIn);
    case "he-uniform":
      return scale * Math.sqrt(6 / fanIn);
  }
}

/**
 * Fills W (fanIn×fanOut, row-major) with draws from the initialiser, in row-major order. A float32 network's
 * W is a Float32Array: the float64 draws are rounded as they are stored.
 */
export function initWeights(
  kind: InitKind,
  scale: number,
  W: Float64Array | Float32Array,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): void {
  const spread = initSpread(kind, scale, fanIn, fanOut);
  const len = fanIn * fanOut;
  if (kind === "constant") {
    W.fill(spread, 0, len);
    return;
  }
  const normal = kind === "normal" || kind === "xavier-normal" || kind === "he-normal";
  for (let i = 0; i < len; i++) W[i] = normal ? spread * rng.normal() : spread * (2 * rng.next() - 1);
}
