/** The output heads in float32 (heads.ts has the float64 ones): a = head(z) and fp = head′(z), as PyTorch computes them. */
import { sigmoidKernel32, tanhKernel32 } from "../activations/activation-kernels32.ts";
import { softmaxRows32 } from "../losses/softmax32.ts";
import type { HeadName } from "./heads.ts";

const fr = Math.fround;

/**
 * a = head(z), fp = head′(z) elementwise, in float32. z, a, fp: n×m. Writes into a and fp. Softmax's fp is
 * the Jacobian's diagonal p·(1 − p).
 */
export function headForward32(
  head: HeadName,
  z: Float32Array,
  a: Float32Array,
  fp: Float32Array,
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
      sigmoidKernel32(z, a, fp, len);
      return;
    case "tanh":
      tanhKernel32(z, a, fp, len);
      return;
    case "step":
      for (let i = 0; i < len; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? 1 : v <= 0 ? 0 : NaN;
        fp[i] = v === v ? 0 : NaN;
      }
      return;
    case "softmax":
      softmaxRows32(z, a, n, m);
      for (let i = 0; i < len; i++) {
        const p = a[i]!;
        fp[i] = fr(p * fr(1 - p));
      }
      return;
  }
}
