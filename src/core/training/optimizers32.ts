/**
 * The optimisers' updates in float32, as torch.optim's single-tensor implementations compute them on the CPU:
 * every operation rounded to float32, the scalars (lr, momentum, β's, ε, the bias corrections) cast to float32
 * as PyTorch casts a Python number for a float32 tensor, and the multiply-adds its kernels fuse (add with
 * alpha, lerp, addcmul) rounded once (fma32). Three steps of each match torch's bits (pytorch-float32.test.ts).
 *
 *   sgd:       g ← g + λθ;  θ ← θ − lr·g
 *   momentum:  g ← g + λθ;  v ← μ·v + g;  θ ← θ − lr·v
 *   adam:      g ← g + λθ;  m ← m + (1 − β1)·(g − m) (lerp);  v ← β2·v + ((1 − β2)·g)·g;
 *              θ ← θ + ((−lr/(1 − β1ᵗ))·m)/(√v/√(1 − β2ᵗ) + ε)
 *
 * Each returns true when every updated θ is finite (x − x is 0 for finite x, NaN otherwise).
 */
import { fma32 } from "../kernels/fused32.ts";
import { powInt } from "./pow-int.ts";

const fr = Math.fround;

/** One SGD update of θ[0..len) from g. */
export function sgd32(theta: Float32Array, g: Float32Array, len: number, lr: number, wd: number): boolean {
  const negRate = fr(-lr);
  const decay = fr(wd);
  let finite = true;
  for (let i = 0; i < len; i++) {
    const t = fma32(negRate, fma32(decay, theta[i]!, g[i]!), theta[i]!);
    theta[i] = t;
    if (t - t !== 0) finite = false;
  }
  return finite;
}

/** One momentum update (PyTorch's: no dampening, v₁ = g₁) with velocity v. */
export function momentum32(
  theta: Float32Array,
  g: Float32Array,
  v: Float32Array,
  len: number,
  lr: number,
  mu: number,
  wd: number,
): boolean {
  const negRate = fr(-lr);
  const decay = fr(wd);
  const m = fr(mu);
  let finite = true;
  for (let i = 0; i < len; i++) {
    const vi = fr(fr(v[i]! * m) + fma32(decay, theta[i]!, g[i]!));
    v[i] = vi;
    const t = fma32(negRate, vi, theta[i]!);
    theta[i] = t;
    if (t - t !== 0) finite = false;
  }
  return finite;
}

/** One Adam update at step t (1-based) with moments m and v. */
export function adam32(
  theta: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  len: number,
  t: number,
  o: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number },
): boolean {
  const decay = fr(o.weightDecay);
  const weight = fr(1 - o.beta1);
  const b2 = fr(o.beta2);
  const oneMinusB2 = fr(1 - o.beta2);
  const negStep = fr(-(o.lr / (1 - powInt(o.beta1, t))));
  const rootBc2 = fr(Math.sqrt(1 - powInt(o.beta2, t)));
  const eps = fr(o.eps);
  let finite = true;
  for (let i = 0; i < len; i++) {
    const gi = fma32(decay, theta[i]!, g[i]!);
    const mi = fma32(weight, fr(gi - m[i]!), m[i]!);
    const vi = fma32(fr(oneMinusB2 * gi), gi, fr(v[i]! * b2));
    m[i] = mi;
    v[i] = vi;
    const denom = fr(fr(fr(Math.sqrt(vi)) / rootBc2) + eps);
    const th = fr(theta[i]! + fr(fr(negStep * mi) / denom));
    theta[i] = th;
    if (th - th !== 0) finite = false;
  }
  return finite;
}
