/** Row-wise softmax and log-sum-exp, shifted by the row maximum so that exp never overflows. */

/**
 * log Σ_j exp(z[o + j]) for j < m. Subtracts the row max first (shift-invariance), so lse([1000, 1000])
 * = 1000 + ln 2. A +∞ entry gives +∞; an all −∞ row gives −∞; NaN propagates.
 */
export function logSumExp(z: Float64Array, o: number, m: number): number {
  let max = -Infinity;
  for (let j = 0; j < m; j++) {
    const v = z[o + j]!;
    if (v !== v) return NaN;
    if (v > max) max = v;
  }
  if (max === Infinity || max === -Infinity) return max;
  let s = 0;
  for (let j = 0; j < m; j++) s += Math.exp(z[o + j]! - max);
  return max + Math.log(s);
}

/**
 * p_ij = exp(z_ij − max_j z_ij) / Σ_j exp(z_ij − max_j z_ij). z, p: n×m. Writes into p (may alias z).
 * softmax([1000, 1000]) = [0.5, 0.5]. Rows with +∞ entries share the mass among them (the limit);
 * an all −∞ row has no limit and gives NaN, as in PyTorch; NaN propagates to its row.
 */
export function softmaxRows(z: Float64Array, p: Float64Array, n: number, m: number): void {
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
        const e = Math.exp(z[o + j]! - max);
        p[o + j] = e;
        s += e;
      }
      const inv = 1 / s;
      for (let j = 0; j < m; j++) p[o + j]! *= inv;
    }
  }
}
