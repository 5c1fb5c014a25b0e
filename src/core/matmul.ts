/**
 * Dense kernels on row-major Float64Arrays. All are register-blocked: a 4×4 tile of the output is
 * held in 16 local accumulators while the shared dimension streams past, so each value loaded from
 * memory feeds four multiply-adds (plain triple loops load two values per multiply-add and run about
 * three times slower in V8). Edges that do not fill a tile fall back to 4×1, 1×4 and 1×1 loops.
 */

/** z = x·W + b. x: n×k, W: k×m, b: m (null means 0), z: n×m. Writes into z. */
export function matmulBias(
  x: Float64Array,
  W: Float64Array,
  b: Float64Array | null,
  z: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  for (let i = 0; i < n4; i += 4) {
    const x0 = i * k,
      x1 = x0 + k,
      x2 = x1 + k,
      x3 = x2 + k;
    for (let j = 0; j < m4; j += 4) {
      const b0 = b ? b[j]! : 0,
        b1 = b ? b[j + 1]! : 0,
        b2 = b ? b[j + 2]! : 0,
        b3 = b ? b[j + 3]! : 0;
      let c00 = b0,
        c01 = b1,
        c02 = b2,
        c03 = b3,
        c10 = b0,
        c11 = b1,
        c12 = b2,
        c13 = b3;
      let c20 = b0,
        c21 = b1,
        c22 = b2,
        c23 = b3,
        c30 = b0,
        c31 = b1,
        c32 = b2,
        c33 = b3;
      let w = j;
      for (let t = 0; t < k; t++, w += m) {
        const w0 = W[w]!,
          w1 = W[w + 1]!,
          w2 = W[w + 2]!,
          w3 = W[w + 3]!;
        let v = x[x0 + t]!;
        c00 += v * w0;
        c01 += v * w1;
        c02 += v * w2;
        c03 += v * w3;
        v = x[x1 + t]!;
        c10 += v * w0;
        c11 += v * w1;
        c12 += v * w2;
        c13 += v * w3;
        v = x[x2 + t]!;
        c20 += v * w0;
        c21 += v * w1;
        c22 += v * w2;
        c23 += v * w3;
        v = x[x3 + t]!;
        c30 += v * w0;
        c31 += v * w1;
        c32 += v * w2;
        c33 += v * w3;
      }
      let o = i * m + j;
      z[o] = c00;
      z[o + 1] = c01;
      z[o + 2] = c02;
      z[o + 3] = c03;
      o += m;
      z[o] = c10;
      z[o + 1] = c11;
      z[o + 2] = c12;
      z[o + 3] = c13;
      o += m;
      z[o] = c20;
      z[o + 1] = c21;
      z[o + 2] = c22;
      z[o + 3] = c23;
      o += m;
      z[o] = c30;
      z[o + 1] = c31;
      z[o + 2] = c32;
      z[o + 3] = c33;
    }
    for (let j = m4; j < m; j++) {
      const bj = b ? b[j]! : 0;
      let c0 = bj,
        c1 = bj,
        c2 = bj,
        c3 = bj;
      for (let t = 0, w = j; t < k; t++, w += m) {
        const wt = W[w]!;
        c0 += x[x0 + t]! * wt;
        c1 += x[x1 + t]! * wt;
        c2 += x[x2 + t]! * wt;
        c3 += x[x3 + t]! * wt;
      }
      const o = i * m + j;
      z[o] = c0;
      z[o + m] = c1;
      z[o + 2 * m] = c2;
      z[o + 3 * m] = c3;
    }
  }
  for (let i = n4; i < n; i++) {
    const xi = i * k;
    for (let j = 0; j < m; j++) {
      let c = b ? b[j]! : 0;
      for (let t = 0, w = j; t < k; t++, w += m) c += x[xi + t]! * W[w]!;
      z[i * m + j] = c;
    }
  }
}

/** dW = xᵀ·δ. x: n×k, δ: n×m, dW: k×m. Writes into dW (no transpose is materialised: x is read down its columns). */
export function matmulTransA(
  x: Float64Array,
  d: Float64Array,
  dW: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  const k4 = k - (k % 4);
  const m4 = m - (m % 4);
  for (let p = 0; p < k4; p += 4) {
    for (let j = 0; j < m4; j += 4) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      let xp = p,
        dp = j;
      for (let i = 0; i < n; i++, xp += k, dp += m) {
        const d0 = d[dp]!,
          d1 = d[dp + 1]!,
          d2 = d[dp + 2]!,
          d3 = d[dp + 3]!;
        let v = x[xp]!;
        c00 += v * d0;
        c01 += v * d1;
        c02 += v * d2;
        c03 += v * d3;
        v = x[xp + 1]!;
        c10 += v * d0;
        c11 += v * d1;
        c12 += v * d2;
        c13 += v * d3;
        v = x[xp + 2]!;
        c20 += v * d0;
        c21 += v * d1;
        c22 += v * d2;
        c23 += v * d3;
        v = x[xp + 3]!;
        c30 += v * d0;
        c31 += v * d1;
        c32 += v * d2;
        c33 += v * d3;
      }
      let o = p * m + j;
      dW[o] = c00;
      dW[o + 1] = c01;
      dW[o + 2] = c02;
      dW[o + 3] = c03;
      o += m;
      dW[o] = c10;
      dW[o + 1] = c11;
      dW[o + 2] = c12;
      dW[o + 3] = c13;
      o += m;
      dW[o] = c20;
      dW[o + 1] = c21;
      dW[o + 2] = c22;
      dW[o + 3] = c23;
      o += m;
      dW[o] = c30;
      dW[o + 1] = c31;
      dW[o + 2] = c32;
      dW[o + 3] = c33;
    }
    for (let j = m4; j < m; j++) {
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let i = 0, xp = p, dp = j; i < n; i++, xp += k, dp += m) {
        const dj = d[dp]!;
        c0 += x[xp]! * dj;
        c1 += x[xp + 1]! * dj;
        c2 += x[xp + 2]! * dj;
        c3 += x[xp + 3]! * dj;
      }
      const o = p * m + j;
      dW[o] = c0;
      dW[o + m] = c1;
      dW[o + 2 * m] = c2;
      dW[o + 3 * m] = c3;
    }
  }
  for (let p = k4; p < k; p++) {
    for (let j = 0; j < m4; j += 4) {
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let i = 0, xp = p, dp = j; i < n; i++, xp += k, dp += m) {
        const v = x[xp]!;
        c0 += v * d[dp]!;
        c1 += v * d[dp + 1]!;
        c2 += v * d[dp + 2]!;
        c3 += v * d[dp + 3]!;
      }
      const o = p * m + j;
      dW[o] = c0;
      dW[o + 1] = c1;
      dW[o + 2] = c2;
      dW[o + 3] = c3;
    }
    for (let j = m4; j < m; j++) {
      let c = 0;
      for (let i = 0, xp = p, dp = j; i < n; i++, xp += k, dp += m) c += x[xp]! * d[dp]!;
      dW[p * m + j] = c;
    }
  }
}

/**
 * g = (δ·Wᵀ) ⊙ s. δ: n×m, W: k×m, s: n×k (null means 1), g: n×k. Writes into g. In backprop s is f′(z)
 * of the previous layer, so δ_prev = δ·Wᵀ ⊙ f′(z_prev) costs no extra pass. W is read along its rows.
 */
export function matmulTransB(
  d: Float64Array,
  W: Float64Array,
  s: Float64Array | null,
  g: Float64Array,
  n: number,
  m: number,
  k: number,
): void {
  const n4 = n - (n % 4);
  const k4 = k - (k % 4);
  for (let i = 0; i < n4; i += 4) {
    const d0 = i * m,
      d1 = d0 + m,
      d2 = d1 + m,
      d3 = d2 + m;
    for (let p = 0; p < k4; p += 4) {
      const w0 = p * m,
        w1 = w0 + m,
        w2 = w1 + m,
        w3 = w2 + m;
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      for (let t = 0; t < m; t++) {
        const r0 = W[w0 + t]!,
          r1 = W[w1 + t]!,
          r2 = W[w2 + t]!,
          r3 = W[w3 + t]!;
        let v = d[d0 + t]!;
        c00 += v * r0;
        c01 += v * r1;
        c02 += v * r2;
        c03 += v * r3;
        v = d[d1 + t]!;
        c10 += v * r0;
        c11 += v * r1;
        c12 += v * r2;
        c13 += v * r3;
        v = d[d2 + t]!;
        c20 += v * r0;
        c21 += v * r1;
        c22 += v * r2;
        c23 += v * r3;
        v = d[d3 + t]!;
        c30 += v * r0;
        c31 += v * r1;
        c32 += v * r2;
        c33 += v * r3;
      }
      let o = i * k + p;
      if (s) {
        g[o] = c00 * s[o]!;
        g[o + 1] = c01 * s[o + 1]!;
        g[o + 2] = c02 * s[o + 2]!;
        g[o + 3] = c03 * s[o + 3]!;
        o += k;
        g[o] = c10 * s[o]!;
        g[o + 1] = c11 * s[o + 1]!;
        g[o + 2] = c12 * s[o + 2]!;
        g[o + 3] = c13 * s[o + 3]!;
        o += k;
        g[o] = c20 * s[o]!;
        g[o + 1] = c21 * s[o + 1]!;
        g[o + 2] = c22 * s[o + 2]!;
        g[o + 3] = c23 * s[o + 3]!;
        o += k;
        g[o] = c30 * s[o]!;
        g[o + 1] = c31 * s[o + 1]!;
        g[o + 2] = c32 * s[o + 2]!;
        g[o + 3] = c33 * s[o + 3]!;
      } else {
        g[o] = c00;
        g[o + 1] = c01;
        g[o + 2] = c02;
        g[o + 3] = c03;
        o += k;
        g[o] = c10;
        g[o + 1] = c11;
        g[o + 2] = c12;
        g[o + 3] = c13;
        o += k;
        g[o] = c20;
        g[o + 1] = c21;
        g[o + 2] = c22;
        g[o + 3] = c23;
        o += k;
        g[o] = c30;
        g[o + 1] = c31;
        g[o + 2] = c32;
        g[o + 3] = c33;
      }
    }
    for (let p = k4; p < k; p++) {
      const w0 = p * m;
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let t = 0; t < m; t++) {
        const r = W[w0 + t]!;
        c0 += d[d0 + t]! * r;
        c1 += d[d1 + t]! * r;
        c2 += d[d2 + t]! * r;
        c3 += d[d3 + t]! * r;
      }
      const o = i * k + p;
      g[o] = s ? c0 * s[o]! : c0;
      g[o + k] = s ? c1 * s[o + k]! : c1;
      g[o + 2 * k] = s ? c2 * s[o + 2 * k]! : c2;
      g[o + 3 * k] = s ? c3 * s[o + 3 * k]! : c3;
    }
  }
  for (let i = n4; i < n; i++) {
    const di = i * m;
    for (let p = 0; p < k; p++) {
      let c = 0;
      for (let t = 0, w = p * m; t < m; t++, w++) c += d[di + t]! * W[w]!;
      const o = i * k + p;
      g[o] = s ? c * s[o]! : c;
    }
  }
}

/** db_j = Σ_i δ_ij. δ: n×m, db: m. Writes into db. */
export function columnSums(d: Float64Array, db: Float64Array, n: number, m: number): void {
  db.fill(0, 0, m);
  for (let i = 0, o = 0; i < n; i++, o += m) {
    for (let j = 0; j < m; j++) db[j]! += d[o + j]!;
  }
}
