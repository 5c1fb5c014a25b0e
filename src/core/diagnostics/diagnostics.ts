/**
 * Per-layer training diagnostics: the record of numbers the vanishing-gradient, dying-ReLU and sandbox
 * labs plot. createDiagnostics allocates it once; the trainer refreshes it in place (measure.ts), using the
 * kernels in statistics.ts.
 */

/** Diagnostics of one weight layer (layer 0 is the first: W₁ on the notation page). */
export interface LayerDiagnostics {
  /** ‖∂L/∂W‖ (Frobenius) and ‖∂L/∂b‖ (L2). */
  gradNormW: number;
  gradNormB: number;
  /** mean |δ| = mean |∂L/∂z| over the batch's rows and this layer's units. */
  meanAbsDelta: number;
  /** Share of (example, unit) pairs with |f′(z)| < saturationThreshold over the training set. */
  saturation: number;
  /** Units whose pre-activation is ≤ 0 on every training example (always 0 for the output layer). */
  deadUnits: number;
  /** ‖ΔW‖/‖W‖ for this step's update (W before the update; 0 when ‖W‖ = 0 or no update was made). */
  updateRatio: number;
  /** Per unit: 1 when dead. */
  readonly dead: Uint8Array;
  /** Counts of this layer's activations a over the training set in histogramBins equal bins on [lo, hi]; out-of-range values go to the end bins. */
  readonly histogram: Float64Array;
  readonly histogramLo: number;
  readonly histogramHi: number;
}

/** Everything the trainer measures at one step. No field is ever NaN or infinite. */
export interface Diagnostics {
  /** False until the first measurement. */
  valid: boolean;
  /** The training step that produced these numbers (1-based; 0 = measured before any step by evaluate()). Losses, accuracies and gradients describe the weights that step started from. */
  step: number;
  trainLoss: number;
  trainAccuracy: number;
  /** null when the split has no test points. */
  testLoss: number | null;
  testAccuracy: number | null;
  readonly layers: LayerDiagnostics[];
}

/** Allocates a Diagnostics record for layers of these widths (sizes[l + 1] units in layer l). */
export function createDiagnostics(
  sizes: readonly number[],
  bins: number,
  ranges: readonly (readonly [number, number])[],
): Diagnostics {
  const layers: LayerDiagnostics[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [lo, hi] = ranges[l]!;
    layers.push({
      gradNormW: 0,
      gradNormB: 0,
      meanAbsDelta: 0,
      saturation: 0,
      deadUnits: 0,
      updateRatio: 0,
      dead: new Uint8Array(sizes[l + 1]!),
      histogram: new Float64Array(bins),
      histogramLo: lo,
      histogramHi: hi,
    });
  }
  return { valid: false, step: 0, trainLoss: 0, trainAccuracy: 0, testLoss: null, testAccuracy: null, layers };
}

/** Copies every field of `from` into `to` (same shapes). */
export function copyDiagnosticsInto(from: Diagnostics, to: Diagnostics): void {
  to.valid = from.valid;
  to.step = from.step;
  to.trainLoss = from.trainLoss;
  to.trainAccuracy = from.trainAccuracy;
  to.testLoss = from.testLoss;
  to.testAccuracy = from.testAccuracy;
  for (let l = 0; l < from.layers.length; l++) {
    const f = from.layers[l]!;
    const t = to.layers[l]!;
    t.gradNormW = f.gradNormW;
    t.gradNormB = f.gradNormB;
    t.meanAbsDelta = f.meanAbsDelta;
    t.saturation = f.saturation;
    t.deadUnits = f.deadUnits;
    t.updateRatio = f.updateRatio;
    t.dead.set(f.dead);
    t.histogram.set(f.histogram);
  }
}

/** A deep copy that shares no buffers (e.g. to keep a history or post to another thread). */
export function cloneDiagnostics(d: Diagnostics): Diagnostics {
  const ranges = d.layers.map((l) => [l.histogramLo, l.histogramHi] as const);
  const sizes = [0, ...d.layers.map((l) => l.dead.length)];
  const out = createDiagnostics(sizes, d.layers[0]?.histogram.length ?? 0, ranges);
  copyDiagnosticsInto(d, out);
  return out;
}

/** True when every number in d is finite. */
export function diagnosticsFinite(d: Diagnostics): boolean {
  let s = d.trainLoss * 0 + d.trainAccuracy * 0 + (d.testLoss ?? 0) * 0 + (d.testAccuracy ?? 0) * 0;
  for (let i = 0; i < d.layers.length; i++) {
    const l = d.layers[i]!;
    s += (l.gradNormW + l.gradNormB + l.meanAbsDelta + l.saturation + l.updateRatio) * 0;
  }
  return s === 0;
}
