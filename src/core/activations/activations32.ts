/**
 * The activations in float32, computed as PyTorch's CPU kernels compute them by default: each with PyTorch's
 * formula, every operation rounded to float32 (fr = Math.fround; a transcendental is evaluated in float64
 * and rounded once, so it is the correctly rounded float32 value where PyTorch's vectorised SLEEF routines
 * may be an ulp away, see pytorch-facts.test.ts). f′ is what autograd gives for a gradient of 1:
 *
 *   sigmoid  1/(1 + e^(−x))              (1 − σ)·σ        so σ = 1 exactly from x ≈ 16.6 and σ′ = 0 there
 *   tanh     tanh x                      1 − tanh²x       so tanh′ = 0 exactly from |x| ≈ 9.01
 *   elu      α·expm1(x) for x ≤ 0        α·eˣ
 *   gelu     (x·½)·(1 + erf(x·√½))       ½(1 + erf(x·√½)) + x·β·e^(x·x·(−½)), β = √(2/π)/2
 *   silu     x/(1 + e^(−x))              s·(1 + x·(1 − s)), s = 1/(1 + e^(−x))
 *
 * ReLU, Leaky ReLU (with α rounded to float32, as PyTorch casts its slope), the identity and the step
 * need no rounding beyond their inputs'. The float64 forms (activations.ts) avoid exactly these naive
 * formulas; float32 keeps them, because showing what PyTorch's float32 does is this mode's purpose.
 */
import { fma32 } from "../kernels/fused32.ts";
import { erf } from "./erf.ts";
import { tanh as tanh64 } from "./tanh.ts";
import {
  DEFAULT_ELU_ALPHA,
  DEFAULT_LEAKY_ALPHA,
  getActivation,
  type Activation,
  type ActivationName,
} from "./activations.ts";

const fr = Math.fround;

/** σ(x) = 1/(1 + e^(−x)) in float32 (PyTorch's form: 0 below x ≈ −88.7, where e^(−x) overflows float32). */
export function sigmoid32(x: number): number {
  return fr(1 / fr(1 + fr(Math.exp(-x))));
}

/** σ′ from σ's output p as PyTorch's sigmoid_backward computes it: (1 − p)·p in float32. */
export function sigmoidGrad32(p: number): number {
  return fr(fr(1 - p) * p);
}

/**
 * tanh′ from tanh's output t as PyTorch's tanh_backward computes it: 1 − t·t, rounded once to float32. Its CPU
 * kernel is compiled with contraction on, so 1 − t·t is one fused multiply-add (fma32; for |t| ≥ √½ the
 * float64 sum is exact too, by Sterbenz's lemma, so the result is exactly the fused one).
 * Rounding t·t first would give 1.81556e-4 at z = 5, 566 float32 ulps from PyTorch's 1.81548e-4.
 */
export function tanhGrad32(t: number): number {
  return fma32(-t, t, 1);
}

const SQRT1_2 = fr(Math.SQRT1_2);
/** PyTorch's kBeta = M_2_SQRTPI · M_SQRT1_2 · 0.5, cast to float32. */
const GELU_BETA = fr((2 / Math.sqrt(Math.PI)) * Math.SQRT1_2 * 0.5);

/** GELU's Φ part as PyTorch computes it: ½·(1 + erf(x·√½)) in float32. */
function geluCdf32(x: number): number {
  return fr(0.5 * fr(1 + fr(erf(fr(x * SQRT1_2)))));
}

const sigmoid: Activation = { name: "sigmoid", f: sigmoid32, df: (x) => sigmoidGrad32(sigmoid32(x)) };

const tanh: Activation = {
  name: "tanh",
  f: (x) => fr(tanh64(x)),
  df: (x) => tanhGrad32(fr(tanh64(x))),
};

/** Leaky ReLU with α rounded to float32: f = x if x > 0 else x·α; f′ = 1 if x > 0 else α (NaN for NaN). */
function leakyRelu32(alpha: number): Activation {
  const a = fr(alpha);
  return {
    name: "leaky-relu",
    f: (x) => (x > 0 ? x : fr(x * a)),
    df: (x) => (x > 0 ? 1 : x <= 0 ? a : NaN),
  };
}

/** ELU with α rounded to float32: f = x if x > 0 else expm1(x)·α; f′ = 1 if x > 0 else α·eˣ. */
function elu32(alpha: number): Activation {
  const a = fr(alpha);
  return {
    name: "elu",
    f: (x) => (x > 0 ? x : fr(fr(Math.expm1(x)) * a)),
    df: (x) => (x > 0 ? 1 : fr(a * fr(Math.exp(x)))),
  };
}

const gelu: Activation = {
  name: "gelu",
  f: (x) => fr(fr(x * 0.5) * fr(1 + fr(erf(fr(x * SQRT1_2))))),
  df: (x) => fr(geluCdf32(x) + fr(x * fr(GELU_BETA * fr(Math.exp(fr(fr(x * x) * -0.5)))))),
};

/** SiLU's σ as PyTorch's silu_backward computes it: 1/(1 + e^(−x)). */
const silu: Activation = {
  name: "silu",
  f: (x) => fr(x / fr(1 + fr(Math.exp(-x)))),
  df: (x) => {
    const s = sigmoid32(x);
    return fr(s * fr(1 + fr(x * fr(1 - s))));
  },
};

/**
 * The float32 activation called `name` (alpha as in getActivation). The identity, step and ReLU are the
 * float64 ones: their results are their inputs, 0 or 1, exact in float32.
 */
export function getActivation32(name: ActivationName, alpha?: number): Activation {
  switch (name) {
    case "sigmoid":
      return sigmoid;
    case "tanh":
      return tanh;
    case "leaky-relu":
      return leakyRelu32(alpha ?? DEFAULT_LEAKY_ALPHA);
    case "elu":
      return elu32(alpha ?? DEFAULT_ELU_ALPHA);
    case "gelu":
      return gelu;
    case "silu":
      return silu;
    default:
      return getActivation(name, alpha);
  }
}
