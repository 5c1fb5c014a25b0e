/** Row-wise softmax in float32, shifted by the row maximum as PyTorch's CPU kernel does. */

const fr = Math.fround;

/**
 * p_ij = e_ij·(1/Σ_j e_ij), e_ij = exp(z_ij − max_j z_ij), every step rounded to float32 (the sum in the order
 * of j). z, p: n×m Float32Arrays. Writes into p (may alias z). Rows with NaN, with +∞ or all −∞ are treated
 * as in softmaxRows (softmax.ts).
 */
export function softmaxRows32(z: Float32Array, p: Float32Array, n: number, m: number): void {
  for (let i = 0, o = 0; i < n; i++, o += m) {
    let max = -Infinity;
    let nan = false;
    for (let j = 0; j < m; j++) {
      const v = z[o + j]!;
      if (v !== v) nan = true;
      else if (v > max) max = v;
    }
    if (nan || max === -Infinity) {
      for (let j = 0; j < m; j++) p[o + j] = NaN;
    } else if (max === Infinity) {
      let count = 0;
      for (let j = 0; j < m; j++) if (z[o + j] === Infinity) count++;
      for (let j = 0; j < m; j++) p[o + j] = z[o + j] === Infinity ? 1 / count : 0;
    } else {
      let s = 0;
      for (let j = 0; j < m; j++) {
        const e = fr(Math.exp(fr(z[o + j]! - max)));
        p[o + j] = e;
        s = fr(s + e);
      }
      const inv = fr(1 / s);
      for (let j = 0; j < m; j++) p[o + j] = fr(p[o + j]! * inv);
    }
  }
}
