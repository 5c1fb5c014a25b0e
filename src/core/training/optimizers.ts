/**
 * Optimisers over one flat parameter vector θ and its gradient g (same length), in PyTorch's forms.
 * Weight decay is L2 added to the gradient, g ← g + λθ, before the update (torch.optim.SGD/Adam, not AdamW),
 * and applies to every parameter, biases included, as in a single PyTorch parameter group.
 */

import type { FloatArray } from "../kernels/float-array.ts";
import { OPTIMIZER_KINDS, type OptimizerKind, type Precision } from "../names.ts";
import { adam32, momentum32, sgd32 } from "./optimizers32.ts";
import { powInt } from "./pow-int.ts";

export { OPTIMIZER_KINDS, type OptimizerKind };

/** Plain optimiser settings. Defaults: momentum 0.9, Adam β1 0.9, β2 0.999, ε 1e-8 (PyTorch's), weightDecay 0. */
export interface OptimizerConfig {
  kind: OptimizerKind;
  lr: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
}

/** A stateful optimiser; `step` updates θ in place and allocates nothing. In float32 its state is float32 too (optimizers32.ts). */
export class Optimizer {
  readonly kind: OptimizerKind;
  readonly precision: Precision;
  lr: number;
  readonly momentum: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  /** Momentum buffer v, or Adam's first moment m. */
  readonly #m: FloatArray;
  /** Adam's second moment v. */
  readonly #v: FloatArray;
  #t = 0;

  constructor(config: OptimizerConfig, size: number, precision: Precision = "float64") {
    this.kind = config.kind;
    this.precision = precision;
    this.lr = config.lr;
    this.momentum = config.momentum ?? 0.9;
    this.beta1 = config.beta1 ?? 0.9;
    this.beta2 = config.beta2 ?? 0.999;
    this.eps = config.eps ?? 1e-8;
    this.weightDecay = config.weightDecay ?? 0;
    const array = precision === "float32" ? Float32Array : Float64Array;
    this.#m = new array(config.kind === "sgd" ? 0 : size);
    this.#v = new array(config.kind === "adam" ? size : 0);
  }

  /** Steps taken since construction or reset. */
  get steps(): number {
    return this.#t;
  }

  /** Forgets all state (momentum, moments, step count); keeps lr. */
  reset(): void {
    this.#m.fill(0);
    this.#v.fill(0);
    this.#t = 0;
  }

  /**
   * One update of θ from g (θ, g: length len, g is not modified). Returns true when every updated θ is
   * finite (checked in the same pass: x − x is 0 for finite x and NaN otherwise), false on divergence.
   * sgd: θ −= lr·g. momentum: v = μv + g; θ −= lr·v (PyTorch: no dampening, v₁ = g₁).
   * adam: m = β1·m + (1−β1)g; v = β2·v + (1−β2)g²; θ −= (lr/(1−β1ᵗ))·m/(√v/√(1−β2ᵗ) + ε), PyTorch's arrangement.
   * θ and g are Float32Arrays in float32 (see optimizers32.ts for its forms), Float64Arrays otherwise.
   */
  step(theta: FloatArray, g: FloatArray, len: number = theta.length): boolean {
    this.#t++;
    if (this.precision === "float32") return this.#step32(theta as Float32Array, g as Float32Array, len);
    return this.#step64(theta as Float64Array, g as Float64Array, len);
  }

  #step32(theta: Float32Array, g: Float32Array, len: number): boolean {
    const m = this.#m as Float32Array;
    if (this.kind === "sgd") return sgd32(theta, g, len, this.lr, this.weightDecay);
    if (this.kind === "momentum") return momentum32(theta, g, m, len, this.lr, this.momentum, this.weightDecay);
    return adam32(theta, g, m, this.#v as Float32Array, len, this.#t, this);
  }

  #step64(theta: Float64Array, g: Float64Array, len: number): boolean {
    const lr = this.lr;
    const wd = this.weightDecay;
    const m = this.#m as Float64Array;
    let finite = true;
    if (this.kind === "sgd") {
      for (let i = 0; i < len; i++) {
        const t = theta[i]! - lr * (g[i]! + wd * theta[i]!);
        theta[i] = t;
        if (t - t !== 0) finite = false;
      }
    } else if (this.kind === "momentum") {
      const mu = this.momentum;
      for (let i = 0; i < len; i++) {
        const vi = mu * m[i]! + (g[i]! + wd * theta[i]!);
        m[i] = vi;
        const t = theta[i]! - lr * vi;
        theta[i] = t;
        if (t - t !== 0) finite = false;
      }
    } else {
      const v = this.#v as Float64Array;
      const b1 = this.beta1;
      const b2 = this.beta2;
      const stepSize = lr / (1 - powInt(b1, this.#t));
      const rootBc2 = Math.sqrt(1 - powInt(b2, this.#t));
      const eps = this.eps;
      for (let i = 0; i < len; i++) {
        const gi = g[i]! + wd * theta[i]!;
        const mi = b1 * m[i]! + (1 - b1) * gi;
        const vi = b2 * v[i]! + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        const t = theta[i]! - (stepSize * mi) / (Math.sqrt(vi) / rootBc2 + eps);
        theta[i] = t;
        if (t - t !== 0) finite = false;
      }
    }
    return finite;
  }
}
