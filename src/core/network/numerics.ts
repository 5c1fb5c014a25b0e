/**
 * The numeric kernels of each precision behind one interface, so that Mlp's forward and backward passes read
 * the same in float64 and float32: FLOAT64 gathers the float64 kernels (the exact reference), FLOAT32 their
 * float32 forms (every value and result rounded to float32, PyTorch's formulas). Each Mlp holds one, chosen
 * when it is made; its buffers are Float64Arrays or Float32Arrays to match.
 */
import { getActivation, type Activation, type ActivationName } from "../activations/activations.ts";
import { getActivation32 } from "../activations/activations32.ts";
import { activationKernel } from "../activations/activation-kernels.ts";
import { activationKernel32 } from "../activations/activation-kernels32.ts";
import type { FloatArray } from "../kernels/float-array.ts";
import { columnSums, matmulBias } from "../kernels/matmul.ts";
import { matmulTransA } from "../kernels/matmul-trans-a.ts";
import { matmulTransB } from "../kernels/matmul-trans-b.ts";
import { columnSums32, matmulBias32, matmulTransA32, matmulTransB32 } from "../kernels/matmul32.ts";
import type { TileArena } from "../kernels/wasm/tile-arena.ts";
import { lossInto, type LossName } from "../losses/losses.ts";
import { lossInto32 } from "../losses/losses32.ts";
import { lossGradientWrtOutput, outputDelta } from "../losses/output-gradient.ts";
import { lossGradientWrtOutput32, outputDelta32 } from "../losses/output-gradient32.ts";
import type { Precision } from "../names.ts";
import { headForward, type HeadName } from "./heads.ts";
import { headForward32 } from "./heads32.ts";

/** a = f(z), fp = f′(z) for the first len values, in one precision's arrays. */
export type FloatKernel<F extends FloatArray = FloatArray> = (z: F, a: F, fp: F, len: number) => void;

/** What an Mlp computes with, in arrays F of one precision (shapes as in mlp.ts and each kernel's module). */
export interface Numerics<F extends FloatArray = FloatArray> {
  readonly precision: Precision;
  array(len: number): F;
  matmulBias(x: F, W: F, b: F | null, z: F, n: number, k: number, m: number, arena: TileArena<F> | null): void;
  matmulTransA(x: F, d: F, dW: F, n: number, k: number, m: number, arena: TileArena<F> | null): void;
  matmulTransB(d: F, W: F, s: F | null, g: F, n: number, m: number, k: number, arena: TileArena<F> | null): void;
  columnSums(d: F, db: F, n: number, m: number): void;
  headForward(head: HeadName, z: F, a: F, fp: F, n: number, m: number): void;
  lossInto(loss: LossName, z: F, a: F, y: F, n: number, m: number, out: F, o: number): void;
  outputDelta(loss: LossName, head: HeadName, z: F, a: F, fp: F, y: F, n: number, m: number, d: F): void;
  lossGradientWrtOutput(loss: LossName, z: F, a: F, fp: F, y: F, n: number, m: number, dLda: F): void;
  activation(name: ActivationName, alpha?: number): Activation;
  activationKernel(name: ActivationName, alpha?: number): FloatKernel<F>;
}

/** The float64 kernels: the core's exact reference. */
export const FLOAT64: Numerics<Float64Array> = {
  precision: "float64",
  array: (len) => new Float64Array(len),
  matmulBias,
  matmulTransA,
  matmulTransB,
  columnSums,
  headForward,
  lossInto,
  outputDelta: (loss, _head, z, a, fp, y, n, m, d) => outputDelta(loss, z, a, fp, y, n, m, d),
  lossGradientWrtOutput,
  activation: getActivation,
  activationKernel,
};

/** The float32 kernels: every stored value and every result rounded to float32, as PyTorch computes by default. */
export const FLOAT32: Numerics<Float32Array> = {
  precision: "float32",
  array: (len) => new Float32Array(len),
  matmulBias: matmulBias32,
  matmulTransA: matmulTransA32,
  matmulTransB: matmulTransB32,
  columnSums: columnSums32,
  headForward: headForward32,
  lossInto: lossInto32,
  outputDelta: outputDelta32,
  lossGradientWrtOutput: (loss, z, a, _fp, y, n, m, dLda) => lossGradientWrtOutput32(loss, z, a, y, n, m, dLda),
  activation: getActivation32,
  activationKernel: activationKernel32,
};

/**
 * The kernels of a precision, typed for either precision's arrays: an Mlp hands them only the arrays it made
 * with them, so a float32 kernel never sees a Float64Array.
 */
export function numerics(precision: Precision): Numerics {
  return (precision === "float32" ? FLOAT32 : FLOAT64) as unknown as Numerics;
}
