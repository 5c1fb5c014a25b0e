/**
 * Per-layer training diagnostics: the numbers the vanishing-gradient, dying-ReLU and sandbox labs
 * plot. Kernels here read buffers and write into caller-owned ones; createDiagnostics allocates the
 * record once, and the trainer refreshes it in place.
 */
import { LIMITS } from "./limits.ts";

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

/** out[k] = ‖v[o..o+len)‖₂, scaled by the largest |v_i| so squares cannot overflow or underflow. */
export function l2NormInto(v: Float64Array, o: number, len: number, out: Float64Array, k: number): void {
  let max = 0;
  for (let i = o; i < o + len; i++) {
    const a = Math.abs(v[i]!);
    if (a > max || a !== a) max = a;
  }
  if (max === 0 || !Number.isFinite(max)) {
    out[k] = max;
    return;
  }
  const inv = 1 / max;
  let s = 0;
  for (let i = o; i < o + len; i++) {
    const t = v[i]! * inv;
    s += t * t;
  }
  out[k] = max * Math.sqrt(s);
}

/** out[k] = ‖a − b‖₂ over [o, o+len), scaled like l2NormInto. */
export function l2DistanceInto(
  a: Float64Array,
  b: Float64Array,
  o: number,
  len: number,
  out: Float64Array,
  k: number,
): void {
  let max = 0;
  for (let i = o; i < o + len; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  if (max === 0 || !Number.isFinite(max)) {
    out[k] = max;
    return;
  }
  const inv = 1 / max;
  let s = 0;
  for (let i = o; i < o + len; i++) {
    const t = (a[i]! - b[i]!) * inv;
    s += t * t;
  }
  out[k] = max * Math.sqrt(s);
}

/** out[k] = mean |v_i| over v[0..len) (0 when len = 0). Four running sums, so the adds do not wait on each other. */
export function meanAbsInto(v: Float64Array, len: number, out: Float64Array, k: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const len4 = len - (len % 4);
  let i = 0;
  for (; i < len4; i += 4) {
    s0 += Math.abs(v[i]!);
    s1 += Math.abs(v[i + 1]!);
    s2 += Math.abs(v[i + 2]!);
    s3 += Math.abs(v[i + 3]!);
  }
  for (; i < len; i++) s0 += Math.abs(v[i]!);
  out[k] = len > 0 ? (s0 + s1 + (s2 + s3)) / len : 0;
}

const slot = new Float64Array(1);

/** ‖v[o..o+len)‖₂ (see l2NormInto). */
export function l2Norm(v: Float64Array, o: number, len: number): number {
  l2NormInto(v, o, len, slot, 0);
  return slot[0]!;
}

/**
 * Saturation count: entries with |f′(z)| < threshold[0] among fp[0..len) (divide by len for the share). One
 * definition for every activation: at 0.01, sigmoid counts |z| ≳ 4.6, tanh |z| ≳ 3.0, ReLU every z ≤ 0, step all.
 * The threshold comes in a one-element array so that no number is boxed per call.
 */
export function saturatedCount(fp: Float64Array, len: number, threshold: Float64Array): number {
  const t = threshold[0]!;
  let c = 0;
  for (let i = 0; i < len; i++) if (Math.abs(fp[i]!) < t) c++;
  return c;
}

/** Four partial histograms filled in turn, so runs of equal values (ReLU's zeros) do not serialise on one counter. */
const h0 = new Float64Array(LIMITS.maxBins);
const h1 = new Float64Array(LIMITS.maxBins);
const h2 = new Float64Array(LIMITS.maxBins);
const h3 = new Float64Array(LIMITS.maxBins);

/**
 * Counts v[0..len) into out.length (≤ LIMITS.maxBins) equal bins on [lo, hi]; values outside go to the
 * first/last bin; NaN is skipped. Writes into out.
 */
export function histogram(v: Float64Array, len: number, lo: number, hi: number, out: Float64Array): void {
  const bins = out.length;
  if (bins > LIMITS.maxBins) throw new Error(`histogram: at most ${LIMITS.maxBins} bins; got ${bins}.`);
  if (bins === 0) return;
  h0.fill(0, 0, bins);
  h1.fill(0, 0, bins);
  h2.fill(0, 0, bins);
  h3.fill(0, 0, bins);
  const scale = bins / (hi - lo);
  const last = bins - 1;
  const len4 = len - (len % 4);
  let i = 0;
  for (; i < len4; i += 4) {
    const a = (v[i]! - lo) * scale;
    const b = (v[i + 1]! - lo) * scale;
    const c = (v[i + 2]! - lo) * scale;
    const d = (v[i + 3]! - lo) * scale;
    if (a === a) h0[Math.min(last, Math.max(0, a)) | 0]!++;
    if (b === b) h1[Math.min(last, Math.max(0, b)) | 0]!++;
    if (c === c) h2[Math.min(last, Math.max(0, c)) | 0]!++;
    if (d === d) h3[Math.min(last, Math.max(0, d)) | 0]!++;
  }
  for (; i < len; i++) {
    const a = (v[i]! - lo) * scale;
    if (a === a) h0[Math.min(last, Math.max(0, a)) | 0]!++;
  }
  for (let k = 0; k < bins; k++) out[k] = h0[k]! + h1[k]! + (h2[k]! + h3[k]!);
}

/**
 * Dead units: unit j is dead when z_ij ≤ 0 for every row i (so ReLU′ = 0 and its gradient is exactly 0).
 * z: n×m, dead: m. Returns the count. Each column is scanned only until its first positive entry.
 */
export function deadUnits(z: Float64Array, n: number, m: number, dead: Uint8Array): number {
  let count = 0;
  for (let j = 0; j < m; j++) {
    let isDead = 1;
    for (let o = j, end = n * m; o < end; o += m) {
      if (!(z[o]! <= 0)) {
        isDead = 0;
        break;
      }
    }
    dead[j] = isDead;
    count += isDead;
  }
  return count;
}
