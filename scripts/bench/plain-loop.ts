/**
 * The reference for W1: a hand-written float64 training loop, all in one function, with no layers, no
 * dispatch, no WebAssembly and no diagnostics: what a programmer writes for a 2-8-8-1 tanh network with
 * sigmoid + BCE, full batch, SGD. Each row goes forward through all three layers in one pass, and back
 * through them in another, accumulating the gradient as it goes.
 *
 * It does the core's arithmetic in the core's order (tanh′ as sech² from e^(−|z|), the stable σ, BCE's logs
 * clamped at −100, every sum over its inner index in order, then over rows in order), so its trajectory is
 * the core's bit for bit (the bench checks it) and a speed ratio compares overhead, never a cheaper formula.
 */

/** A plain training loop; `step(k)` runs k steps; `params` is laid out as the core's (readParameters). */
export interface PlainLoop {
  step(k: number): number;
  readonly params: Float64Array;
  /** Loss of the last step's batch (at the weights it started from), as Trainer.lastLoss. */
  readonly lastLoss: number;
}

/** Hidden width of W1. */
const H = 8;

/**
 * W1's loop. x: n×2 inputs, y: n targets in {0, 1}, params: [W0 (2×8), b0 (8), W1 (8×8), b1 (8), W2 (8×1),
 * b2 (1)] (copied), lr: SGD's rate.
 */
export function plainW1Loop(x: Float64Array, y: Float64Array, params: Float64Array, lr: number): PlainLoop {
  const n = y.length;
  const p = params.slice();
  const g = new Float64Array(p.length);
  const oW0 = 0,
    ob0 = 2 * H,
    oW1 = ob0 + H,
    ob1 = oW1 + H * H,
    oW2 = ob1 + H,
    ob2 = oW2 + H;
  // Per row: hidden activations a0, a1, their derivatives f0, f1, and the output's δ.
  const a0 = new Float64Array(n * H),
    f0 = new Float64Array(n * H),
    a1 = new Float64Array(n * H),
    f1 = new Float64Array(n * H),
    d1 = new Float64Array(n * H),
    d2 = new Float64Array(n);
  let lastLoss = NaN;

  function step(k: number): number {
    for (let s = 0; s < k; s++) {
      // Forward, one row at a time: z = a·W + b; tanh with f′ = (2e/(1 + e²))², e = e^(−|z|); σ; BCE; δ = (σ − y)/n.
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const r = i * H;
        const x0 = x[2 * i]!,
          x1 = x[2 * i + 1]!;
        for (let j = 0; j < H; j++) {
          const z = p[ob0 + j]! + x0 * p[oW0 + j]! + x1 * p[oW0 + H + j]!;
          const e = Math.exp(-Math.abs(z));
          const q = (2 * e) / (1 + e * e);
          a0[r + j] = Math.tanh(z);
          f0[r + j] = q * q;
        }
        for (let j = 0; j < H; j++) {
          let z = p[ob1 + j]!;
          for (let t = 0; t < H; t++) z += a0[r + t]! * p[oW1 + t * H + j]!;
          const e = Math.exp(-Math.abs(z));
          const q = (2 * e) / (1 + e * e);
          a1[r + j] = Math.tanh(z);
          f1[r + j] = q * q;
        }
        let z = p[ob2]!;
        for (let t = 0; t < H; t++) z += a1[r + t]! * p[oW2 + t]!;
        const e = Math.exp(-Math.abs(z));
        const a = z < 0 ? e / (1 + e) : 1 / (1 + e);
        const yi = y[i]!;
        loss += 0 - (yi * Math.max(Math.log(a), -100) + (1 - yi) * Math.max(Math.log1p(-a), -100));
        d2[i] = (a - yi) / n;
      }
      lastLoss = loss / n;
      // Backward, one row at a time, adding each row's share to the gradient: dW = aᵀ·δ, db = Σ δ, δ_prev = δ·Wᵀ ⊙ f′.
      g.fill(0);
      for (let i = 0; i < n; i++) {
        const r = i * H;
        const d = d2[i]!;
        g[ob2]! += d;
        for (let t = 0; t < H; t++) {
          g[oW2 + t]! += a1[r + t]! * d;
          d1[r + t] = d * p[oW2 + t]! * f1[r + t]!;
        }
        for (let t = 0; t < H; t++) {
          const at = a0[r + t]!;
          const o = oW1 + t * H;
          for (let j = 0; j < H; j++) g[o + j]! += at * d1[r + j]!;
        }
        for (let j = 0; j < H; j++) g[ob1 + j]! += d1[r + j]!;
        const x0 = x[2 * i]!,
          x1 = x[2 * i + 1]!;
        for (let t = 0; t < H; t++) {
          let c = 0;
          for (let j = 0; j < H; j++) c += d1[r + j]! * p[oW1 + t * H + j]!;
          const d0 = c * f0[r + t]!;
          g[oW0 + t]! += x0 * d0;
          g[oW0 + H + t]! += x1 * d0;
          g[ob0 + t]! += d0;
        }
      }
      for (let i = 0; i < p.length; i++) p[i] = p[i]! - lr * g[i]!;
    }
    return k;
  }

  return {
    step,
    params: p,
    get lastLoss() {
      return lastLoss;
    },
  };
}
