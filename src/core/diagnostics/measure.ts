/** Fills a Diagnostics record from the buffers a training step leaves behind. */
import type { TrainerConfig } from "../training/config.ts";
import type { Dataset } from "../data/datasets.ts";
import type { FloatArray } from "../kernels/float-array.ts";
import type { Diagnostics } from "./diagnostics.ts";
import { deadUnits, histogram, l2DistanceInto, l2NormInto, meanAbsInto, saturatedCount } from "./statistics.ts";
import { LIMITS } from "../limits.ts";
import type { Mlp, Workspace } from "../network/mlp.ts";
import { correctCount } from "../network/predict.ts";

/** How diagnostics are measured. */
export interface DiagnosticsOptions {
  /** Measure after steps every, 2·every, …; 0 turns measuring off. */
  every: number;
  /** A unit-example pair is saturated when |f′(z)| is below this. */
  saturationThreshold: number;
  /** Bins per activation histogram. */
  histogramBins: number;
  /** Range of the hidden layers' histograms; default by activation (sigmoid, step [0, 1]; tanh [−1, 1]; ReLU [0, 3]; others [−3, 3]). */
  histogramRange?: readonly [number, number];
}

/** Returns o if its fields are in range, else throws an Error naming the field. */
export function checkDiagnosticsOptions(o: DiagnosticsOptions): DiagnosticsOptions {
  if (!Number.isInteger(o.every) || o.every < 0)
    throw new Error(`diagnostics every must be an integer ≥ 0; got ${o.every}.`);
  if (!(o.saturationThreshold >= 0 && Number.isFinite(o.saturationThreshold))) {
    throw new Error(`saturationThreshold must be a finite number ≥ 0; got ${o.saturationThreshold}.`);
  }
  if (!Number.isInteger(o.histogramBins) || o.histogramBins < 0 || o.histogramBins > LIMITS.maxBins) {
    throw new Error(`histogramBins must be an integer in [0, ${LIMITS.maxBins}]; got ${o.histogramBins}.`);
  }
  const r = o.histogramRange;
  if (r && !(Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[1] > r[0])) {
    throw new Error(`histogramRange must be [lo, hi] with finite lo < hi; got ${JSON.stringify(r)}.`);
  }
  return o;
}

/** Histogram range per layer: hidden layers from the options or the activation; the output layer from its head. */
export function histogramRanges(config: TrainerConfig, options: DiagnosticsOptions): [number, number][] {
  const byName = (name: string): [number, number] =>
    name === "sigmoid" || name === "step" || name === "softmax"
      ? [0, 1]
      : name === "tanh"
        ? [-1, 1]
        : name === "relu"
          ? [0, 3]
          : [-3, 3];
  const depth = config.layers.length - 1;
  const out: [number, number][] = [];
  for (let l = 0; l < depth - 1; l++)
    out.push(options.histogramRange ? [options.histogramRange[0], options.histogramRange[1]] : byName(config.hidden));
  out.push(byName(config.head));
  return out;
}

/**
 * Measures at the weights of the last forward/backward pass. batch: the workspace whose backward filled
 * mlp.grads (bn rows); train: forward pass over the whole training set (may be the same workspace);
 * test: a workspace holding the test split (forwarded here), or null. train.loss[0] must hold the training
 * loss. Writes into d (not step/valid).
 */
export function measure(
  d: Diagnostics,
  mlp: Mlp,
  data: Dataset,
  batch: Workspace,
  bn: number,
  train: Workspace,
  test: Workspace | null,
  options: DiagnosticsOptions,
): void {
  const m = mlp.outputs;
  const last = mlp.depth - 1;
  const nTrain = data.train.n;
  threshold[0] = options.saturationThreshold;
  d.trainLoss = train.loss[0]!;
  d.trainAccuracy = correctCount(mlp.head, mlp.loss, train.a[last]!, data.train.labels, nTrain, m) / nTrain;
  if (test) {
    const nTest = data.test.n;
    mlp.forward(test, nTest);
    mlp.computeLoss(test, nTest);
    d.testLoss = test.loss[0]!;
    d.testAccuracy = correctCount(mlp.head, mlp.loss, test.a[last]!, data.test.labels, nTest, m) / nTest;
  } else {
    d.testLoss = null;
    d.testAccuracy = null;
  }
  for (let l = 0; l <= last; l++) {
    const width = mlp.sizes[l + 1]!;
    const L = d.layers[l]!;
    l2NormInto(mlp.dW[l]!, 0, mlp.dW[l]!.length, slots, 0);
    l2NormInto(mlp.db[l]!, 0, width, slots, 1);
    meanAbsInto(batch.delta[l]!, bn * width, slots, 2);
    L.gradNormW = slots[0]!;
    L.gradNormB = slots[1]!;
    L.meanAbsDelta = slots[2]!;
    L.saturation = saturatedCount(train.fp[l]!, nTrain * width, threshold) / (nTrain * width);
    if (l < last) L.deadUnits = deadUnits(train.z[l]!, nTrain, width, L.dead);
    else {
      L.deadUnits = 0;
      L.dead.fill(0);
    }
    histogram(train.a[l]!, nTrain * width, L.histogramLo, L.histogramHi, L.histogram);
    L.updateRatio = 0;
  }
}

/** Scratch for kernel results, so measuring allocates no boxed numbers. */
const slots = new Float64Array(3);
const threshold = new Float64Array(1);

/** Writes ‖ΔW‖/‖W_before‖ per layer into d (0 when ‖W_before‖ = 0). prev: the parameters before the update, same layout as mlp.params. */
export function measureUpdate(d: Diagnostics, mlp: Mlp, prev: FloatArray): void {
  for (let l = 0; l < mlp.depth; l++) {
    const o = mlp.offsets[l]!;
    const len = mlp.sizes[l]! * mlp.sizes[l + 1]!;
    l2NormInto(prev, o, len, slots, 0);
    l2DistanceInto(mlp.params, prev, o, len, slots, 1);
    d.layers[l]!.updateRatio = slots[0]! > 0 ? slots[1]! / slots[0]! : 0;
  }
}
