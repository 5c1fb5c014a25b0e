/**
 * Per-layer training diagnostics: the numbers the vanishing-gradient, dying-ReLU and sandbox labs
 * plot. Kernels here read buffers and write into caller-owned ones; createDiagnostics allocates the
 * record once, and the trainer refreshes it in place.
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
export function createDiagnostics(sizes: readonly number[], bins: number, ranges: readonly (readonly [number, number])[]): Diagnostics {
  const layers: LayerDiagnostics[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [lo, hi] = ranges[l]!;
    layers.push({
      gradNormW: 0, gradNormB: 0, meanAbsDelta: 0, saturation: 0, deadUnits: 0, updateRatio: 0,
      dead: new Uint8Array(sizes[l + 1]!), histogram: new Float64Array(bins), histogramLo: lo, histogramHi: hi,
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
  from.layers.forEach((f, l) => {
    const t = to.layers[l]!;
    t.gradNormW = f.gradNormW;
    t.gradNormB = f.gradNormB;
    t.meanAbsDelta = f.meanAbsDelta;
    t.saturation = f.saturation;
    t.deadUnits = f.deadUnits;
    t.updateRatio = f.updateRatio;
    t.dead.set(f.dead);
    t.histogram.set(f.histogram);
  });
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
  for (const l of d.layers) s += (l.gradNormW + l.gradNormB + l.meanAbsDelta + l.saturation + l.updateRatio) * 0;
  return s === 0;
}

/** ‖v[o..o+len)‖₂, scaled by the largest |v_i| so squares cannot overflow or underflow. */
export function l2Norm(v: Float64Array, o: number, len: number): number {
  let max = 0;
  for (let i = o; i < o + len; i++) {
    const a = Math.abs(v[i]!);
    if (a > max || a !== a) max = a;
  }
  if (max === 0 || !Number.isFinite(max)) return max;
  const inv = 1 / max;
  let s = 0;
  for (let i = o; i < o + len; i++) {
    const t = v[i]! * inv;
    s += t * t;
  }
  return max * Math.sqrt(s);
}

/** ‖a − b‖₂ over [o, o+len), scaled like l2Norm. */
export function l2Distance(a: Float64Array, b: Float64Array, o: number, len: number): number {
  let max = 0;
  for (let i = o; i < o + len; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  if (max === 0 || !Number.isFinite(max)) return max;
  const inv = 1 / max;
  let s = 0;
  for (let i = o; i < o + len; i++) {
    const t = (a[i]! - b[i]!) * inv;
    s += t * t;
  }
  return max * Math.sqrt(s);
}

/** mean |v_i| over v[0..len). */
export function meanAbs(v: Float64Array, len: number): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += Math.abs(v[i]!);
  return len > 0 ? s / len : 0;
}

/**
 * Saturation: the share of entries with |f′(z)| < threshold, fp: f′(z) values, len entries. One definition
 * for every activation: sigmoid counts |z| ≳ 4.6 at 0.01, tanh |z| ≳ 3.0, ReLU every z ≤ 0, step everything.
 */
export function saturationFraction(fp: Float64Array, len: number, threshold: number): number {
  let c = 0;
  for (let i = 0; i < len; i++) if (Math.abs(fp[i]!) < threshold) c++;
  return len > 0 ? c / len : 0;
}

/** Counts v[0..len) into out.length equal bins on [lo, hi]; values outside go to the first/last bin; NaN is skipped. Writes into out. */
export function histogram(v: Float64Array, len: number, lo: number, hi: number, out: Float64Array): void {
  const bins = out.length;
  out.fill(0);
  if (bins === 0) return;
  const scale = bins / (hi - lo);
  for (let i = 0; i < len; i++) {
    const x = v[i]!;
    if (x !== x) continue;
    let b = Math.floor((x - lo) * scale);
    if (b < 0) b = 0;
    else if (b >= bins) b = bins - 1;
    out[b]!++;
  }
}

/** Dead units: unit j is dead when z_ij ≤ 0 for every row i (so ReLU′ = 0 and its gradient is exactly 0). z: n×m, dead: m. Returns the count. */
export function deadUnits(z: Float64Array, n: number, m: number, dead: Uint8Array): number {
  dead.fill(1, 0, m);
  for (let i = 0, o = 0; i < n; i++, o += m) {
    for (let j = 0; j < m; j++) if (!(z[o + j]! <= 0)) dead[j] = 0;
  }
  let c = 0;
  for (let j = 0; j < m; j++) c += dead[j]!;
  return c;
}
