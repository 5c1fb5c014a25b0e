/**
 * Reductions over buffers for diagnostics: norms, means, counts, histograms, dead units. They read buffers of
 * either precision (a float32 run's values are measured in float64: diagnostics are instruments, not training)
 * and write into caller-owned ones; the *Into forms return nothing, so a training step that measures allocates
 * no boxed numbers.
 */
import type { FloatArray } from "../kernels/float-array.ts";
import { LIMITS } from "../limits.ts";

/** out[k] = ‖v[o..o+len)‖₂, scaled by the largest |v_i| so squares cannot overflow or underflow. */
export function l2NormInto(v: FloatArray, o: number, len: number, out: Float64Array, k: number): void {
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
  a: FloatArray,
  b: FloatArray,
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
export function meanAbsInto(v: FloatArray, len: number, out: Float64Array, k: number): void {
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
export function l2Norm(v: FloatArray, o: number, len: number): number {
  l2NormInto(v, o, len, slot, 0);
  return slot[0]!;
}

/**
 * Saturation count: entries with |f′(z)| < threshold[0] among fp[0..len) (divide by len for the share). One
 * definition for every activation: at 0.01, sigmoid counts |z| ≳ 4.6, tanh |z| ≳ 3.0, ReLU every z ≤ 0, step all.
 * The threshold comes in a one-element array so that no number is boxed per call.
 */
export function saturatedCount(fp: FloatArray, len: number, threshold: Float64Array): number {
  const t = threshold[0]!;
  let c = 0;
  // Adding the comparison as 0 or 1 has no branch to mispredict (ReLU's f′ is 0 or 1 at random).
  for (let i = 0; i < len; i++) c += +(Math.abs(fp[i]!) < t);
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
export function histogram(v: FloatArray, len: number, lo: number, hi: number, out: Float64Array): void {
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
export function deadUnits(z: FloatArray, n: number, m: number, dead: Uint8Array): number {
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
