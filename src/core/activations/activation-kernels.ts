/**
 * Array forms of the hidden activations for the training loop: one pass writes a = f(z) and
 * fp = f′(z) together, so sigmoid and tanh share their exponential between the two. Results equal
 * the scalar f and df in activations.ts bit for bit.
 */
import {
  DEFAULT_ELU_ALPHA,
  DEFAULT_LEAKY_ALPHA,
  getActivation,
  type Activation,
  type ActivationName,
} from "./activations.ts";
import { tanh } from "./tanh.ts";

/** a[i] = f(z[i]) and fp[i] = f′(z[i]) for i < len. Writes into a and fp. */
export type ActivationKernel = (z: Float64Array, a: Float64Array, fp: Float64Array, len: number) => void;

/** A kernel that calls act.f and act.df per element: for activations with no fused kernel, and for test doubles. */
export function scalarKernel(act: Activation): ActivationKernel {
  const f = act.f;
  const df = act.df;
  return (z, a, fp, len) => {
    for (let i = 0; i < len; i++) {
      const v = z[i]!;
      a[i] = f(v);
      fp[i] = df(v);
    }
  };
}

/**
 * σ and σ′ from one e = e^(−|z|) (see sigmoid, sigmoidDerivative): σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e)
 * for z < 0, picked without a branch (random signs would mispredict it) as (t·e + (1 − t))/(1 + e) with
 * t = [z < 0], whose numerator is exactly e or 1.
 */
export function sigmoidKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    const e = Math.exp(-Math.abs(v));
    const d = 1 + e;
    const p = 1 / d;
    const t = +(v < 0);
    a[i] = (t * e + (1 - t)) / d;
    fp[i] = p * (e * p);
  }
}

/** tanh and sech² (see tanhDerivative). */
export function tanhKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = tanh(v);
    const e = Math.exp(-Math.abs(v));
    const s = (2 * e) / (1 + e * e);
    fp[i] = s * s;
  }
}

/**
 * a = max(z, 0) and f′ = [z > 0] without a branch per element: V8 compiles Math.max, Math.sign and ?: on
 * doubles to jumps, which random signs mispredict, but turns a comparison into 0 or 1 without one.
 * f′ = [z > 0] / [z = z] is 0/0 = NaN for NaN; a = z·f′ + 0 turns −0 into +0. Only z = −∞ (where ∞·0 = NaN)
 * needs a test, and that one never mispredicts.
 */
function reluKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    const d = +(v > 0) / +(v === v);
    fp[i] = d;
    a[i] = v === -Infinity ? 0 : v * d + 0;
  }
}

function identityKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = v;
    fp[i] = v === v ? 1 : NaN;
  }
}

function stepKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = v > 0 ? 1 : v <= 0 ? 0 : NaN;
    fp[i] = v === v ? 0 : NaN;
  }
}

/**
 * f′ = 1 if z > 0 else α (NaN for NaN), a = z·f′: branch-free like reluKernel. With d = [z > 0] and
 * e = [z = z], (d + (e − d)·α)/e is exactly 1 or α, or 0/0 = NaN for NaN; z·α is the scalar's α·z.
 */
function leakyReluKernel(alpha: number): ActivationKernel {
  return (z, a, fp, len) => {
    for (let i = 0; i < len; i++) {
      const v = z[i]!;
      const d = +(v > 0);
      const e = +(v === v);
      const s = (d + (e - d) * alpha) / e;
      fp[i] = s;
      a[i] = v * s;
    }
  };
}

/**
 * ELU, GELU and SiLU call their scalar f and df, each from a loop of its own: a loop shared by every
 * activation (scalarKernel) would see several functions at one call site and call through it on every
 * element, while here each site sees one function, which V8 inlines.
 */
function eluKernel(alpha: number): ActivationKernel {
  const elu = getActivation("elu", alpha);
  return (z, a, fp, len) => {
    for (let i = 0; i < len; i++) {
      const v = z[i]!;
      a[i] = elu.f(v);
      fp[i] = elu.df(v);
    }
  };
}

const GELU = getActivation("gelu");

function geluKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = GELU.f(v);
    fp[i] = GELU.df(v);
  }
}

const SILU = getActivation("silu");

function siluKernel(z: Float64Array, a: Float64Array, fp: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = SILU.f(v);
    fp[i] = SILU.df(v);
  }
}

/** The fused kernel for a named activation (alpha as in getActivation). */
export function activationKernel(name: ActivationName, alpha?: number): ActivationKernel {
  switch (name) {
    case "sigmoid":
      return sigmoidKernel;
    case "tanh":
      return tanhKernel;
    case "relu":
      return reluKernel;
    case "identity":
      return identityKernel;
    case "step":
      return stepKernel;
    case "leaky-relu":
      return leakyReluKernel(alpha ?? DEFAULT_LEAKY_ALPHA);
    case "elu":
      return eluKernel(alpha ?? DEFAULT_ELU_ALPHA);
    case "gelu":
      return geluKernel;
    case "silu":
      return siluKernel;
    default:
      return scalarKernel(getActivation(name, alpha));
  }
}
