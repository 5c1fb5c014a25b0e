/**
 * The compute core's public API, shared by labs, the worker, tests and benchmarks. Everything crossing
 * this boundary is plain data (names and numbers) or Float64Arrays with documented shapes; untrusted
 * configs are validated here with messages that name the field (ConfigError.issues lists them all).
 *
 *   const t = createTrainer({ layers: [2, 8, 8, 1], hidden: "tanh", head: "sigmoid", loss: "bce",
 *     init: { kind: "xavier-normal" }, optimizer: { kind: "sgd", lr: 0.1 }, seeds: { data: 1, init: 2, batch: 3 },
 *     dataset: { kind: "xor", n: 200, noise: 0.05, testFraction: 0.25 } });
 *   t.step(100);  t.status;  t.diagnostics;  predictGrid(t, 64, buffer);  t.reset();
 *
 * Training: createTrainer → Trainer (step, evaluate, reset, status, diagnostics, setLearningRate,
 *   setHiddenActivation, setDiagnosticsOptions, activationHistogram); createPerceptron → Perceptron.
 * Instruments: predictGrid, pathProduct, outputGradientParts, lossAndGradient.
 * Parameters: readParameters / writeParameters (flat [W_0, b_0, W_1, b_1, …]), readLayer / writeLayer.
 * Building blocks: activations, losses, softmax, heads, datasets, rng, erf — pure functions on numbers or arrays.
 * Names and limits: ACTIVATION_NAMES, HEAD_NAMES, LOSS_NAMES, LOSS_HEADS, INIT_KINDS, OPTIMIZER_KINDS,
 *   DATASET_KINDS, LIMITS, GRID_EXTENT. Layer l (0-based) is W_{l+1} on the notation page.
 */
import { validateConfig, type InitConfig, type SeedConfig } from "./training/config.ts";
import { encodeTargets, makeDataset, type DatasetConfig } from "./data/datasets.ts";
import { initWeights } from "./network/init.ts";
import { lossGradientWrtOutput, outputDelta } from "./losses/output-gradient.ts";
import type { Workspace } from "./network/mlp.ts";
import {
  getLayerParameters,
  getParameters,
  setLayerParameters,
  setParameters,
  type LayerParameters,
} from "./network/parameters.ts";
import { Perceptron } from "./training/perceptron.ts";
import { decisionGrid, pathProduct as mlpPathProduct, type GridBounds } from "./diagnostics/probe.ts";
import { createRng } from "./data/rng.ts";
import { Trainer, type TrainerOptions } from "./training/trainer.ts";

export {
  ACTIVATION_NAMES,
  DEFAULT_ELU_ALPHA,
  DEFAULT_LEAKY_ALPHA,
  getActivation,
  isActivationName,
  sigmoid,
  sigmoidDerivative,
  tanhDerivative,
} from "./activations/activations.ts";
export type { Activation, ActivationName } from "./activations/activations.ts";
export { erf, erfc, normalCdf, normalPdf } from "./activations/erf.ts";
export { HEAD_NAMES, headForward, isHeadName, type HeadName } from "./network/heads.ts";
export {
  BCE_LOG_CLAMP,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropyRow,
  isLossName,
  LOSS_HEADS,
  LOSS_NAMES,
  lossValue,
  type LossName,
} from "./losses/losses.ts";
export { BCE_GRAD_EPSILON, lossGradientWrtOutput, outputDelta } from "./losses/output-gradient.ts";
export { logSumExp, softmaxRows } from "./losses/softmax.ts";
export { classScores, predictedClass } from "./network/predict.ts";
export { INIT_KINDS, initWeights, isInitKind, type InitKind } from "./network/init.ts";
export { OPTIMIZER_KINDS, type OptimizerConfig, type OptimizerKind } from "./training/optimizers.ts";
export {
  binaryTargets,
  DATASET_KINDS,
  encodeTargets,
  isDatasetKind,
  makeDataset,
  MULTICLASS_DATASETS,
  oneHot,
  type Dataset,
  type DatasetConfig,
  type DatasetKind,
  type Split,
} from "./data/datasets.ts";
export {
  ConfigError,
  validateConfig,
  type InitConfig,
  type SeedConfig,
  type TrainerConfig,
} from "./training/config.ts";
export { LIMITS, parameterCount } from "./limits.ts";
export { createRng, type Rng } from "./data/rng.ts";
export { cloneDiagnostics, type Diagnostics, type LayerDiagnostics } from "./diagnostics/diagnostics.ts";
export { histogram } from "./diagnostics/statistics.ts";
export type { DiagnosticsOptions } from "./diagnostics/measure.ts";
export { DEFAULT_GRID_BOUNDS, GRID_EXTENT, type GridBounds } from "./data/grid.ts";
export { DEFAULT_DIAGNOSTICS, Trainer, type TrainerOptions, type TrainStatus } from "./training/trainer.ts";
export type { KernelChoice, Workspace } from "./network/mlp.ts";
export { simdAvailable } from "./kernels/wasm/tile-arena.ts";
export { Perceptron } from "./training/perceptron.ts";
export type { LayerParameters } from "./network/parameters.ts";

/** Validates `config` (throws ConfigError listing every issue) and builds a trainer with its data and initial weights. */
export function createTrainer(config: unknown, options?: TrainerOptions): Trainer {
  return new Trainer(config, options);
}

/** Plain settings for the perceptron lab; init and seeds mean what they mean for a [2, 1] trainer, so both start from the same weights. */
export interface PerceptronConfig {
  dataset: DatasetConfig;
  seeds: SeedConfig;
  init: InitConfig;
  lr: number;
}

/** Validates and builds a perceptron on a binary dataset, with the initial weights createTrainer would give layers [2, 1]. */
export function createPerceptron(config: PerceptronConfig): Perceptron {
  const c = validateConfig({
    layers: [2, 1],
    hidden: "step",
    head: "step",
    loss: "mse",
    init: config.init,
    optimizer: { kind: "sgd", lr: config.lr },
    seeds: config.seeds,
    dataset: config.dataset,
  });
  const W = new Float64Array(2);
  initWeights(c.init.kind, c.init.scale ?? 1, W, 2, 1, createRng(c.seeds.init));
  return new Perceptron(makeDataset(c.dataset, c.seeds.data), {
    lr: c.optimizer.lr,
    w: [W[0]!, W[1]!],
    b: c.init.bias ?? 0,
    seed: c.seeds.batch,
  });
}

/** A copy of all parameters, layer by layer [W_0 (inputs × outputs, row-major), b_0, W_1, b_1, …]. */
export function readParameters(trainer: Trainer): Float64Array {
  return getParameters(trainer.mlp);
}

/** Overwrites all parameters (same layout as readParameters); shapes and finiteness are checked. */
export function writeParameters(trainer: Trainer, flat: ArrayLike<number>): void {
  setParameters(trainer.mlp, flat);
}

/** A copy of layer l's W (rows × cols = inputs × outputs, row-major) and b (cols). Layer 0 is the first weight layer. */
export function readLayer(trainer: Trainer, l: number): LayerParameters {
  return getLayerParameters(trainer.mlp, l);
}

/** Overwrites layer l's W and b; shapes and finiteness are checked. */
export function writeLayer(trainer: Trainer, l: number, W: ArrayLike<number>, b: ArrayLike<number>): void {
  setLayerParameters(trainer.mlp, l, W, b);
}

const scratch = new WeakMap<Trainer, Workspace>();

/** A cached workspace of at least n rows for one-off passes (not used by step()). */
function scratchWorkspace(trainer: Trainer, n: number): Workspace {
  let ws = scratch.get(trainer);
  if (!ws || ws.capacity < n) {
    ws = trainer.mlp.workspace(n);
    scratch.set(trainer, ws);
  }
  return ws;
}

/**
 * The loss and every parameter gradient for a batch at the current weights. x: n×2 inputs, labels: n class
 * indices (encoded for the head like training targets). If gradOut is given it receives ∂L/∂θ in the layout
 * of readParameters. Does not step, and does not touch the trainer's diagnostics.
 */
export function lossAndGradient(trainer: Trainer, x: Float64Array, labels: Int32Array, gradOut?: Float64Array): number {
  const n = labels.length;
  if (x.length !== 2 * n) throw new Error(`x must be n×2 = ${2 * n} values for ${n} labels; got ${x.length}.`);
  const mlp = trainer.mlp;
  if (gradOut && gradOut.length !== mlp.grads.length)
    throw new Error(`gradOut must have ${mlp.grads.length} entries; got ${gradOut.length}.`);
  const k = trainer.dataset.classes;
  for (let i = 0; i < n; i++)
    if (!(labels[i]! >= 0 && labels[i]! < k))
      throw new Error(`labels[${i}] must be a class in [0, ${k - 1}]; got ${labels[i]}.`);
  const ws = scratchWorkspace(trainer, n);
  ws.x.set(x);
  encodeTargets(labels, n, mlp.outputs, trainer.config.head === "tanh" ? -1 : 0, ws.y);
  const loss = mlp.lossAndGradient(ws, n);
  if (gradOut) gradOut.set(mlp.grads);
  return loss;
}

/**
 * The output-layer gradient over the training set, split by the chain rule: dLda = ∂L/∂a, dadz = head′(z),
 * dLdz = δ = ∂L/∂z (fused for sigmoid+BCE and softmax+CE). Each buffer: nTrain × outputs, row-major.
 * For elementwise heads dLdz = dLda·dadz up to clamping; for softmax the Jacobian is not diagonal.
 */
export function outputGradientParts(
  trainer: Trainer,
  dLda: Float64Array,
  dadz: Float64Array,
  dLdz: Float64Array,
): void {
  const mlp = trainer.mlp;
  const { n, x, labels } = trainer.dataset.train;
  const m = mlp.outputs;
  for (const [name, buf] of [
    ["dLda", dLda],
    ["dadz", dadz],
    ["dLdz", dLdz],
  ] as const) {
    if (buf.length !== n * m)
      throw new Error(`${name} must hold nTrain × outputs = ${n * m} values; got ${buf.length}.`);
  }
  const ws = scratchWorkspace(trainer, n);
  ws.x.set(x);
  encodeTargets(labels, n, m, trainer.config.head === "tanh" ? -1 : 0, ws.y);
  mlp.forward(ws, n);
  const last = mlp.depth - 1;
  lossGradientWrtOutput(mlp.loss, ws.z[last]!, ws.a[last]!, ws.fp[last]!, ws.y, n, m, dLda);
  dadz.set(ws.fp[last]!.subarray(0, n * m));
  outputDelta(mlp.loss, ws.z[last]!, ws.a[last]!, ws.fp[last]!, ws.y, n, m, dLdz);
}

/** Class scores on a size×size grid over bounds (default [−1.25, 1.25]²) into out (size·size·outputs); see decisionGrid in probe.ts. */
export function predictGrid(trainer: Trainer, size: number, out: Float64Array, bounds?: GridBounds): void {
  decisionGrid(trainer.mlp, size, out, bounds);
}

/** Local derivatives f′(z_l[j_{l+1}])·W_l[j_l, j_{l+1}] along a path for input (x0, x1) into factors; returns their product. */
export function pathProduct(
  trainer: Trainer,
  x0: number,
  x1: number,
  path: readonly number[],
  factors: Float64Array,
  fPrime?: Float64Array,
  weights?: Float64Array,
): number {
  return mlpPathProduct(trainer.mlp, x0, x1, path, factors, fPrime, weights);
}
