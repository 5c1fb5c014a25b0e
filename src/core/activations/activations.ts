/**
 * Hidden-layer activations, each with its derivative beside it (the tensorflow/playground habit; σ and tanh's live in
 * sigmoid.ts and tanh.ts).
 * Conventions at kinks follow PyTorch's autograd so numbers match what readers see there.
 * Every f and df: NaN in → NaN out; ±∞ give the limits; tiny derivatives are not flushed to 0.
 */
import { isOneOf } from "../checks.ts";
import { normalCdf, normalPdf } from "./erf.ts";
import { sigmoid, sigmoidDerivative } from "./sigmoid.ts";
import { tanh, tanhDerivative } from "./tanh.ts";
import { ACTIVATION_NAMES, type ActivationName } from "../names.ts";

export { ACTIVATION_NAMES, type ActivationName };

/** A scalar activation f and its derivative f′. */
export interface Activation {
  readonly name: ActivationName;
  f(x: number): number;
  df(x: number): number;
}

/** Default α for Leaky ReLU (PyTorch's negative_slope default). */
export const DEFAULT_LEAKY_ALPHA = 0.01;
/** Default α for ELU (PyTorch's default). */
export const DEFAULT_ELU_ALPHA = 1;

const step: Activation = {
  name: "step",
  /** Heaviside with H(0) = 0: f = 1 if x > 0, else 0. */
  f: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
  /** 0 everywhere: the true derivative is 0 off the origin and a Dirac δ at 0, which no float can hold. This is the lesson. */
  df: (x) => (x === x ? 0 : NaN),
};

const identity: Activation = {
  name: "identity",
  f: (x) => x,
  df: (x) => (x === x ? 1 : NaN),
};

const sigmoidActivation: Activation = { name: "sigmoid", f: sigmoid, df: sigmoidDerivative };

const tanhActivation: Activation = { name: "tanh", f: tanh, df: tanhDerivative };

const relu: Activation = {
  name: "relu",
  f: (x) => (x > 0 ? x : x <= 0 ? 0 : NaN),
  /** ReLU′(0) = 0, as in PyTorch (threshold_backward passes the gradient only where x > 0). */
  df: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
};

/** Leaky ReLU: f = x if x > 0 else αx; f′ = 1 if x > 0 else α, so f′(0) = α (PyTorch's convention). */
function leakyRelu(alpha: number): Activation {
  return {
    name: "leaky-relu",
    f: (x) => (x > 0 ? x : alpha * x),
    df: (x) => (x > 0 ? 1 : x <= 0 ? alpha : NaN),
  };
}

/** ELU: f = x if x > 0 else α(eˣ − 1) via expm1 (exact near 0); f′ = 1 if x > 0 else αeˣ, so f′(0) = α (PyTorch). */
function elu(alpha: number): Activation {
  return {
    name: "elu",
    f: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
    df: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
  };
}

const gelu: Activation = {
  name: "gelu",
  /** GELU(x) = x·Φ(x), the exact erf form (PyTorch's approximate="none"), with Φ from erfc so the left tail is accurate. */
  f: (x) => (x === -Infinity ? 0 : x * normalCdf(x)),
  /** GELU′(x) = Φ(x) + x·φ(x). */
  df: (x) => (x === Infinity ? 1 : x === -Infinity ? 0 : normalCdf(x) + x * normalPdf(x)),
};

/** Below ln(2^-1022) ≈ −708.4, eˣ is subnormal and has lost bits, so multiplying it by x would round twice. */
const SUBNORMAL_EXP = -708;
/** e^(−40); x + 40 is exact for x in [−984, −552], so eˣ = e^(x + 40)·e^(−40) keeps full precision until the last product. */
const EXP_MINUS_40 = 4.248354255291589e-18;

const silu: Activation = {
  name: "silu",
  /** SiLU(x) = x·σ(x) (also called swish). Far left, σ(x) = eˣ in float64, rescaled so eˣ is normal when multiplied. */
  f: (x) => (x === -Infinity ? 0 : x < SUBNORMAL_EXP ? x * Math.exp(x + 40) * EXP_MINUS_40 : x * sigmoid(x)),
  /** SiLU′(x) = σ(x) + x·σ(x)·σ(−x) = σ(x)·(1 + x·σ(−x)); far left it is eˣ·(1 + x). */
  df: (x) =>
    x === Infinity
      ? 1
      : x === -Infinity
        ? 0
        : x < SUBNORMAL_EXP
          ? (1 + x) * Math.exp(x + 40) * EXP_MINUS_40
          : sigmoid(x) * (1 + x * sigmoid(-x)),
};

const FIXED: Partial<Record<ActivationName, Activation>> = {
  step,
  identity,
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu,
  gelu,
  silu,
};

/**
 * The activation called `name`. alpha is Leaky ReLU's negative slope (default 0.01) and ELU's α
 * (default 1); the others ignore it. Throws on an unknown name.
 */
export function getActivation(name: ActivationName, alpha?: number): Activation {
  if (name === "leaky-relu") return leakyRelu(alpha ?? DEFAULT_LEAKY_ALPHA);
  if (name === "elu") return elu(alpha ?? DEFAULT_ELU_ALPHA);
  const act = FIXED[name];
  if (!act) throw new Error(`Unknown activation "${String(name)}". Expected one of: ${ACTIVATION_NAMES.join(", ")}.`);
  return act;
}

/** True when s is one of ACTIVATION_NAMES. */
export function isActivationName(s: unknown): s is ActivationName {
  return isOneOf(ACTIVATION_NAMES, s);
}
