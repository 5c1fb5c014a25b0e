/**
 * Output heads: the function applied to the last layer's z to give the prediction a. Elementwise heads
 * also write f′(z), so the output gradient can be shown split as ∂L/∂a · f′(z).
 */
import { isOneOf } from "../checks.ts";
import { sigmoidKernel, tanhKernel } from "../activations/activation-kernels.ts";
import { softmaxRows } from "../losses/softmax.ts";

/** Names of the output heads. "step" exists for the step-function lab: its gradient is 0 everywhere. */
export type HeadName = "identity" | "sigmoid" | "tanh" | "softmax" | "step";

/** All head names. */
export const HEAD_NAMES: readonly HeadName[] = Object.freeze([
  "identity",
  "sigmoid",
  "tanh",
  "softmax",
  "step",
] as const);

/** True when s is one of HEAD_NAMES. */
export function isHeadName(s: unknown): s is HeadName {
  return isOneOf(HEAD_NAMES, s);
}

/**
 * a = head(z), fp = head′(z) elementwise. z, a, fp: n×m. Writes into a and fp. For softmax, a is the
 * row-wise softmax and fp holds the Jacobian's diagonal p(1 − p) (the full Jacobian is not elementwise).
 */
export function headForward(
  head: HeadName,
  z: Float64Array,
  a: Float64Array,
  fp: Float64Array,
  n: number,
  m: number,
): void {
  const len = n * m;
  switch (head) {
    case "identity":
      for (let i = 0; i < len; i++) {
        const v = z[i]!;
        a[i] = v;
        fp[i] = v === v ? 1 : NaN;
      }
      return;
    case "sigmoid":
      sigmoidKernel(z, a, fp, len);
      return;
    case "tanh":
      tanhKernel(z, a, fp, len);
      return;
    case "step":
      for (let i = 0; i < len; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? 1 : v <= 0 ? 0 : NaN;
        fp[i] = v === v ? 0 : NaN;
      }
      return;
    case "softmax":
      softmaxRows(z, a, n, m);
      for (let i = 0; i < len; i++) {
        const p = a[i]!;
        fp[i] = p * (1 - p);
      }
      return;
  }
}
