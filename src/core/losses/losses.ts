/**
 * Losses with PyTorch's conventions (reduction "mean"), each naming its PyTorch counterpart. Shapes: z, a, y
 * are n×m (batch × outputs); a is the head's output. Their gradients live in output-gradient.ts.
 */
import { isOneOf } from "../checks.ts";
import type { HeadName } from "../network/heads.ts";

/** Names of the losses. */
export type LossName = "mse" | "bce" | "bce-logits" | "cross-entropy";

/** All loss names. */
export const LOSS_NAMES: readonly LossName[] = Object.freeze(["mse", "bce", "bce-logits", "cross-entropy"] as const);

/**
 * The heads each loss accepts. BCE takes probabilities (sigmoid); BCE-with-logits and cross-entropy take
 * logits, so BCE-with-logits wants the identity head, and cross-entropy's "softmax" head only names how
 * predictions are read: the loss itself applies log-softmax to z, as nn.CrossEntropyLoss does.
 */
export const LOSS_HEADS: Readonly<Record<LossName, readonly HeadName[]>> = Object.freeze({
  mse: ["identity", "sigmoid", "tanh", "step"],
  bce: ["sigmoid"],
  "bce-logits": ["identity"],
  "cross-entropy": ["softmax"],
});

/** True when s is one of LOSS_NAMES. */
export function isLossName(s: unknown): s is LossName {
  return isOneOf(LOSS_NAMES, s);
}

/** PyTorch's clamp on BCELoss's logarithms: log p ≥ −100, so p = 0, y = 0 gives 0·(−100) = 0, not NaN. */
export const BCE_LOG_CLAMP = -100;

/** nn.BCELoss for one element: −[y·max(log p, −100) + (1 − y)·max(log(1 − p), −100)], log(1 − p) via log1p. */
export function binaryCrossEntropy(p: number, y: number): number {
  return 0 - (y * Math.max(Math.log(p), BCE_LOG_CLAMP) + (1 - y) * Math.max(Math.log1p(-p), BCE_LOG_CLAMP));
}

/**
 * nn.BCEWithLogitsLoss for one element: max(z, 0) − z·y + log1p(e^(−|z|)), which never overflows.
 * At z = ±∞ it returns the limit (0 when the target agrees, +∞ otherwise) instead of ∞ − ∞.
 */
export function binaryCrossEntropyWithLogits(z: number, y: number): number {
  if (z === Infinity) return y === 1 ? 0 : Infinity;
  if (z === -Infinity) return y === 0 ? 0 : Infinity;
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Σ over rows of nn.CrossEntropyLoss on logits: Σ_i Σ_j y_ij·(logsumexp(z_i) − z_ij) (= −log softmax(z_i)_c for
 * one-hot rows), each row evaluated as log Σ e^(z−max) − (z_j − max) so that no large number is subtracted from
 * another (CE([1000, 1000], class 0) is exactly ln 2). z, y: n×m from offset o; the sum goes to out[k]. Zero
 * targets are skipped, so a −∞ logit of a wrong class costs nothing; +∞ logits give their limit; NaN propagates.
 */
export function crossEntropySumInto(
  z: Float64Array,
  y: Float64Array,
  o: number,
  n: number,
  m: number,
  out: Float64Array,
  k: number,
): void {
  let total = 0;
  for (let i = 0, r = o; i < n; i++, r += m) {
    let max = -Infinity;
    let nan = 0;
    for (let j = 0; j < m; j++) {
      const v = z[r + j]!;
      if (v > max) max = v;
      else if (v !== v) nan = 1;
    }
    if (nan === 1) total += NaN;
    else if (max === Infinity) total += infiniteRowLoss(z, y, r, m);
    else {
      let s = 0;
      for (let j = 0; j < m; j++) s += Math.exp(z[r + j]! - max);
      const logS = Math.log(s);
      for (let j = 0; j < m; j++) {
        const yj = y[r + j]!;
        if (yj !== 0) total += yj * (logS - (z[r + j]! - max));
      }
    }
  }
  out[k] = total;
}

/** The limit of a row's cross-entropy when some logits are +∞: ln(#∞) for a target on a +∞ logit, else +∞. Kept apart so the common path stays lean. */
function infiniteRowLoss(z: Float64Array, y: Float64Array, r: number, m: number): number {
  let count = 0;
  for (let j = 0; j < m; j++) if (z[r + j] === Infinity) count++;
  let loss = 0;
  for (let j = 0; j < m; j++) {
    const yj = y[r + j]!;
    if (yj !== 0) loss += yj * (z[r + j] === Infinity ? Math.log(count) : Infinity);
  }
  return loss;
}

const rowSlot = new Float64Array(1);

/** nn.CrossEntropyLoss for one row of logits z[o..o+m) against targets y[o..o+m) (see crossEntropySumInto). */
export function crossEntropyRow(z: Float64Array, y: Float64Array, o: number, m: number): number {
  crossEntropySumInto(z, y, o, 1, m, rowSlot, 0);
  return rowSlot[0]!;
}

/**
 * Mean loss over a batch, written to out[o]. z: n×m logits, a: n×m head outputs, y: n×m targets.
 * mse: Σ(a − y)²/(n·m) (nn.MSELoss). bce: Σ BCE(a, y)/(n·m) (nn.BCELoss). bce-logits: Σ BCEWithLogits(z, y)/(n·m)
 * (nn.BCEWithLogitsLoss). cross-entropy: Σ_i CE(z_i, y_i)/n (nn.CrossEntropyLoss: mean over the batch only).
 * Writing instead of returning keeps the training step free of boxed numbers.
 */
export function lossInto(
  loss: LossName,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
  out: Float64Array,
  o: number,
): void {
  const len = n * m;
  let s = 0;
  switch (loss) {
    case "mse":
      for (let i = 0; i < len; i++) {
        const e = a[i]! - y[i]!;
        s += e * e;
      }
      out[o] = s / len;
      return;
    case "bce":
      for (let i = 0; i < len; i++) s += binaryCrossEntropy(a[i]!, y[i]!);
      out[o] = s / len;
      return;
    case "bce-logits":
      for (let i = 0; i < len; i++) s += binaryCrossEntropyWithLogits(z[i]!, y[i]!);
      out[o] = s / len;
      return;
    case "cross-entropy":
      crossEntropySumInto(z, y, 0, n, m, out, o);
      out[o] = out[o]! / n;
      return;
  }
}

const lossSlot = new Float64Array(1);

/** Mean loss over a batch (see lossInto). z, a, y: n×m. */
export function lossValue(
  loss: LossName,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
): number {
  lossInto(loss, z, a, y, n, m, lossSlot, 0);
  return lossSlot[0]!;
}
