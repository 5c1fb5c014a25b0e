/**
 * The losses in float32, each with the formula of PyTorch's CPU kernel and every operation rounded to
 * float32 (losses.ts has the float64 forms, which rearrange some of them for accuracy). Shapes: z, a, y are
 * n×m Float32Arrays; the mean is the float32 sum in index order divided by the count (PyTorch sums in
 * blocks, so a long sum can differ in its last bits).
 */
import type { LossName } from "./losses.ts";

const fr = Math.fround;

/** nn.BCELoss for one element in float32: (y − 1)·max(log1p(−p), −100) − y·max(log p, −100), PyTorch's arrangement. */
export function binaryCrossEntropy32(p: number, y: number): number {
  return fr(fr(fr(y - 1) * Math.max(fr(Math.log1p(-p)), -100)) - fr(y * Math.max(fr(Math.log(p)), -100)));
}

/**
 * nn.BCEWithLogitsLoss for one element in float32, as PyTorch computes it: (1 − y)·z − logσ(z), with
 * logσ(z) = min(z, 0) − log1p(e^(−|z|)), which never overflows.
 */
export function binaryCrossEntropyWithLogits32(z: number, y: number): number {
  const logSigmoid = fr(Math.min(z, 0) - fr(Math.log1p(fr(Math.exp(-Math.abs(z))))));
  return fr(fr(fr(1 - y) * z) - logSigmoid);
}

/**
 * Σ over rows of nn.CrossEntropyLoss in float32: log-softmax l_j = (z_j − max) − log Σ e^(z−max) as PyTorch's
 * kernel computes it, then −Σ_j y_j·l_j (targets that are 0 are skipped, as in crossEntropySumInto). A row
 * with a NaN or an infinite logit gives NaN (a float32 logit only gets there by overflowing, and training stops).
 * z, y: n×m. Returns the sum.
 */
function crossEntropySum32(z: Float32Array, y: Float32Array, n: number, m: number): number {
  let total = 0;
  for (let i = 0, r = 0; i < n; i++, r += m) {
    let max = -Infinity;
    let nan = 0;
    for (let j = 0; j < m; j++) {
      const v = z[r + j]!;
      if (v > max) max = v;
      else if (v !== v) nan = 1;
    }
    // total += NaN, not total = NaN: assigning the constant made V8 box total, a heap number per row.
    if (nan === 1 || max === Infinity || max === -Infinity) total += NaN;
    else {
      let s = 0;
      for (let j = 0; j < m; j++) s = fr(s + fr(Math.exp(fr(z[r + j]! - max))));
      const logS = fr(Math.log(s));
      for (let j = 0; j < m; j++) {
        const yj = y[r + j]!;
        if (yj !== 0) total = fr(total - fr(yj * fr(fr(z[r + j]! - max) - logS)));
      }
    }
  }
  return total;
}

/**
 * Mean loss over a batch in float32, written to out[o]. z: n×m logits, a: n×m head outputs, y: n×m targets.
 * mse: Σ(a − y)²/(n·m). bce: Σ BCE(a, y)/(n·m). bce-logits: Σ BCEWithLogits(z, y)/(n·m). cross-entropy:
 * Σ_i CE(z_i, y_i)/n. A non-finite logit in cross-entropy gives NaN (training stops there).
 */
export function lossInto32(
  loss: LossName,
  z: Float32Array,
  a: Float32Array,
  y: Float32Array,
  n: number,
  m: number,
  out: Float32Array,
  o: number,
): void {
  const len = n * m;
  let s = 0;
  switch (loss) {
    case "mse":
      for (let i = 0; i < len; i++) {
        const e = fr(a[i]! - y[i]!);
        s = fr(s + fr(e * e));
      }
      out[o] = fr(s / len);
      return;
    case "bce":
      for (let i = 0; i < len; i++) s = fr(s + binaryCrossEntropy32(a[i]!, y[i]!));
      out[o] = fr(s / len);
      return;
    case "bce-logits":
      for (let i = 0; i < len; i++) s = fr(s + binaryCrossEntropyWithLogits32(z[i]!, y[i]!));
      out[o] = fr(s / len);
      return;
    case "cross-entropy":
      out[o] = fr(crossEntropySum32(z, y, n, m) / n);
      return;
  }
}
