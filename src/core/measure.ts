/** Fills a Diagnostics record from the buffers a training step leaves behind. */
import type { TrainerConfig } from "./config.ts";
import type { Dataset } from "./datasets.ts";
import { deadUnits, histogram, l2Norm, meanAbs, saturationFraction, type Diagnostics } from "./diagnostics.ts";
import type { Mlp, Workspace } from "./mlp.ts";
import { accuracy } from "./predict.ts";

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

/** Histogram range per layer: hidden layers from the options or the activation; the output layer from its head. */
export function histogramRanges(config: TrainerConfig, options: DiagnosticsOptions): [number, number][] {
  const byName = (name: string): [number, number] =>
    name === "sigmoid" || name === "step" || name === "softmax" ? [0, 1] : name === "tanh" ? [-1, 1] : name === "relu" ? [0, 3] : [-3, 3];
  const depth = config.layers.length - 1;
  const out: [number, number][] = [];
  for (let l = 0; l < depth - 1; l++) out.push(options.histogramRange ? [options.histogramRange[0], options.histogramRange[1]] : byName(config.hidden));
  out.push(byName(config.head));
  return out;
}

/**
 * Measures at the weights of the last forward/backward pass. batch: the workspace whose backward filled
 * mlp.grads (bn rows); train: forward pass over the whole training set (may be the same workspace);
 * test: a workspace holding the test split (forwarded here), or null. Writes into d (not step/valid).
 */
export function measure(d: Diagnostics, mlp: Mlp, data: Dataset, batch: Workspace, bn: number, train: Workspace, test: Workspace | null, trainLoss: number, options: DiagnosticsOptions): void {
  const m = mlp.outputs;
  const last = mlp.depth - 1;
  const nTrain = data.train.n;
  d.trainLoss = trainLoss;
  d.trainAccuracy = accuracy(mlp.head, mlp.loss, train.a[last]!, data.train.labels, nTrain, m);
  if (test) {
    const nTest = data.test.n;
    mlp.forward(test, nTest);
    d.testLoss = mlp.lossOf(test, nTest);
    d.testAccuracy = accuracy(mlp.head, mlp.loss, test.a[last]!, data.test.labels, nTest, m);
  } else {
    d.testLoss = null;
    d.testAccuracy = null;
  }
  for (let l = 0; l <= last; l++) {
    const width = mlp.sizes[l + 1]!;
    const L = d.layers[l]!;
    L.gradNormW = l2Norm(mlp.dW[l]!, 0, mlp.dW[l]!.length);
    L.gradNormB = l2Norm(mlp.db[l]!, 0, width);
    L.meanAbsDelta = meanAbs(batch.delta[l]!, bn * width);
    L.saturation = saturationFraction(train.fp[l]!, nTrain * width, options.saturationThreshold);
    if (l < last) L.deadUnits = deadUnits(train.z[l]!, nTrain, width, L.dead);
    else {
      L.deadUnits = 0;
      L.dead.fill(0);
    }
    histogram(train.a[l]!, nTrain * width, L.histogramLo, L.histogramHi, L.histogram);
    L.updateRatio = 0;
  }
}
