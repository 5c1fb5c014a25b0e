/**
 * Array forms of the float32 activations (activations32.ts) for the training loop: one pass writes a = f(z)
 * and fp = f′(z) into Float32Arrays. Sigmoid and tanh take f′ from the output they just computed, as
 * PyTorch's backward does; the others call their scalar f and df, each from a loop of its own, so each call
 * site sees one function and V8 inlines it. Results equal the scalar forms bit for bit.
 */
import { DEFAULT_ELU_ALPHA, DEFAULT_LEAKY_ALPHA, type ActivationName } from "./activations.ts";
import { getActivation32, sigmoid32, sigmoidGrad32, tanhGrad32 } from "./activations32.ts";
import { tanh } from "./tanh.ts";

/** a[i] = f(z[i]) and fp[i] = f′(z[i]) for i < len, in float32. Writes into a and fp. */
export type ActivationKernel32 = (z: Float32Array, a: Float32Array, fp: Float32Array, len: number) => void;

/** σ and (1 − σ)·σ. */
export function sigmoidKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const p = sigmoid32(z[i]!);
    a[i] = p;
    fp[i] = sigmoidGrad32(p);
  }
}

/** tanh and 1 − tanh². */
export function tanhKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const t = Math.fround(tanh(z[i]!));
    a[i] = t;
    fp[i] = tanhGrad32(t);
  }
}

/** max(z, 0) and [z > 0], written as the float64 ReLU kernel (activation-kernels.ts) for its branch-free reasons. */
function reluKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    const d = +(v > 0) / +(v === v);
    fp[i] = d;
    a[i] = v === -Infinity ? 0 : v * d + 0;
  }
}

function identityKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = v;
    fp[i] = v === v ? 1 : NaN;
  }
}

function stepKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = v > 0 ? 1 : v <= 0 ? 0 : NaN;
    fp[i] = v === v ? 0 : NaN;
  }
}

function leakyReluKernel32(alpha: number): ActivationKernel32 {
  const act = getActivation32("leaky-relu", alpha);
  return (z, a, fp, len) => {
    for (let i = 0; i < len; i++) {
      const v = z[i]!;
      a[i] = act.f(v);
      fp[i] = act.df(v);
    }
  };
}

function eluKernel32(alpha: number): ActivationKernel32 {
  const act = getActivation32("elu", alpha);
  return (z, a, fp, len) => {
    for (let i = 0; i < len; i++) {
      const v = z[i]!;
      a[i] = act.f(v);
      fp[i] = act.df(v);
    }
  };
}

const GELU = getActivation32("gelu");

function geluKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = GELU.f(v);
    fp[i] = GELU.df(v);
  }
}

const SILU = getActivation32("silu");

function siluKernel32(z: Float32Array, a: Float32Array, fp: Float32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const v = z[i]!;
    a[i] = SILU.f(v);
    fp[i] = SILU.df(v);
  }
}

/** A kernel that calls act.f and act.df per element (for test doubles of a float32 Mlp). */
export function scalarKernel32(act: { f(x: number): number; df(x: number): number }): ActivationKernel32 {
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

/** The float32 kernel for a named activation (alpha as in getActivation). */
export function activationKernel32(name: ActivationName, alpha?: number): ActivationKernel32 {
  switch (name) {
    case "sigmoid":
      return sigmoidKernel32;
    case "tanh":
      return tanhKernel32;
    case "relu":
      return reluKernel32;
    case "identity":
      return identityKernel32;
    case "step":
      return stepKernel32;
    case "leaky-relu":
      return leakyReluKernel32(alpha ?? DEFAULT_LEAKY_ALPHA);
    case "elu":
      return eluKernel32(alpha ?? DEFAULT_ELU_ALPHA);
    case "gelu":
      return geluKernel32;
    case "silu":
      return siluKernel32;
  }
}
