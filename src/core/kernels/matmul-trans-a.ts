/**
 * dW = xᵀ·δ for backprop, register-blocked like matmul.ts: a 4×4 tile of dW stays in 16 local
 * accumulators while the batch streams past; x is read down its columns, so no transpose is built.
 * With a TileArena the tiles run in WebAssembly SIMD, as in matmul.ts.
 */
import type { TileArena } from "./wasm/tile-arena.ts";

/** dW = xᵀ·δ. x: n×k, δ: n×m, dW: k×m. Writes into dW (no transpose is materialised: x is read down its columns). */
export function matmulTransA(
  x: Float64Array,
  d: Float64Array,
  dW: Float64Array,
  n: number,
  k: number,
  m: number,
  arena: TileArena | null = null,
): void {
  const k4 = k - (k % 4);
  const m4 = m - (m % 4);
  // Row p of dW pairs column p of x (x[p + i·k]: step k per example) with the rows of δ.
  if (arena) arena.tiles(x, 1, k, d, m, null, null, dW, m, k4, n, m4);
  else transATiles(x, d, dW, n, k, m, k4, m4);
  transAEdges(x, d, dW, n, k, m, k4, m4);
}

/** The 4×4 tiles of matmulTransA: rows of dW below k4, columns below m4. */
function transATiles(
  x: Float64Array,
  d: Float64Array,
  dW: Float64Array,
  n: number,
  k: number,
  m: number,
  k4: number,
  m4: number,
): void {
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
  }
}

/** What the tiles leave of matmulTransA: columns from m4 in the first k4 rows of dW, then its last k − k4 rows. */
function transAEdges(
  x: Float64Array,
  d: Float64Array,
  dW: Float64Array,
  n: number,
  k: number,
  m: number,
  k4: number,
  m4: number,
): void {
  for (let p = 0; p < k4; p += 4) {
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
