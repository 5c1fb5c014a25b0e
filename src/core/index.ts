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
 *   DATASET_KINDS (and POINTS_KIND: a dataset of given points), PRECISIONS, LIMITS, GRID_EXTENT. Layer l (0-based) is W_{l+1} on the notation page.
 * Precision: config.precision "float64" (default) or "float32" (every value and result rounded to float32, as
 *   PyTorch computes by default); a float32 trainer's mlp holds Float32Arrays, and everything read out through
 *   this surface (readParameters, diagnostics, grids) is Float64Arrays and numbers either way.
 *
 * This file only re-exports. Why: a page that takes a list of names from here then loads those modules and
 * nothing else, while code of this file's own would be bundled into every page that imports it.
 */
export {
  ACTIVATION_NAMES,
  DEFAULT_ELU_ALPHA,
  DEFAULT_LEAKY_ALPHA,
  getActivation,
  isActivationName,
} from "./activations/activations.ts";
export { sigmoid, sigmoidDerivative } from "./activations/sigmoid.ts";
export { tanhDerivative } from "./activations/tanh.ts";
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
  POINTS_KIND,
  type Dataset,
  type DatasetConfig,
  type DatasetKind,
  type DatasetSource,
  type PointsData,
  type Split,
} from "./data/datasets.ts";
export { clampTo, isIntegerIn, isNumberIn, isOneOf, isPlainObject } from "./checks.ts";
export {
  ConfigError,
  validateConfig,
  type InitConfig,
  type SeedConfig,
  type TrainerConfig,
} from "./training/config.ts";
export { LIMITS, parameterCount } from "./limits.ts";
export { isPrecision, PRECISIONS, type Precision } from "./names.ts";
export type { FloatArray } from "./kernels/float-array.ts";
export { createRng, type Rng } from "./data/rng.ts";
export { cloneDiagnostics, type Diagnostics, type LayerDiagnostics } from "./diagnostics/diagnostics.ts";
export { histogram } from "./diagnostics/statistics.ts";
export type { DiagnosticsOptions } from "./diagnostics/measure.ts";
export { SATURATION_THRESHOLD } from "./diagnostics/saturation.ts";
export { DEFAULT_GRID_BOUNDS, GRID_EXTENT, type GridBounds } from "./data/grid.ts";
export { DEFAULT_DIAGNOSTICS, Trainer, type TrainerOptions, type TrainStatus } from "./training/trainer.ts";
export type { KernelChoice, Workspace } from "./network/mlp.ts";
export { simdAvailable } from "./kernels/wasm/tile-arena.ts";
export { Perceptron } from "./training/perceptron.ts";
export type { LayerParameters } from "./network/parameters.ts";
export { createPerceptron, createTrainer, type PerceptronConfig } from "./training/create.ts";
export { readLayer, readParameters, writeLayer, writeParameters } from "./training/trainer-parameters.ts";
export { lossAndGradient, outputGradientParts, pathProduct, predictGrid } from "./diagnostics/instruments.ts";
