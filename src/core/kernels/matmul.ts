/**
 * Dense kernels on row-major Float64Arrays. All are register-blocked: a 4×4 tile of the output is
 * held in 16 local accumulators while the shared dimension streams past, so each value loaded from
 * memory feeds four multiply-adds (plain triple loops load two values per multiply-add and run about
 * three times slower in V8). Edges that do not fill a tile fall back to 4×1, 1×4 and 1×1 loops.
 * Given a TileArena whose views the arrays are, the tiles run in WebAssembly SIMD (wasm/tiles.wat, about
 * four times faster) and only the edges here; the results are the same numbers either way (a NaN's
 * payload bits aside).
 * matmulBias writes its tile's index arithmetic as (a + b) | 0: indices stay far below 2^31, and the | 0
 * lets V8 add them without an overflow check each, about 3 % faster here (measured neutral in
 * matmul-trans-a and 4 % slower in matmul-trans-b, which keep plain sums).
 */
import type { TileArena } from "./wasm/tile-arena.ts";

/** z = x·W + b. x: n×k, W: k×m, b: m (null means 0), z: n×m. Writes into z; arena: see the file comment. */
export function matmulBias(
  x: Float64Array,
  W: Float64Array,
  b: Float64Array | null,
  z: Float64Array,
  n: number,
  k: number,
  m: number,
  arena: TileArena | null = null,
): void {
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  if (arena) arena.tiles(x, k, 1, W, m, b, null, z, m, n4, k, m4);
  else biasTiles(x, W, b, z, n4, k, m, m4);
  biasEdges(x, W, b, z, n, k, m);
}

/** The 4×4 tiles of matmulBias: rows below n4, columns below m4 (both multiples of 4). */
function biasTiles(
  x: Float64Array,
  W: Float64Array,
  b: Float64Array | null,
  z: Float64Array,
  n4: number,
  k: number,
  m: number,
  m4: number,
): void {
  for (let i = 0; i < n4; i += 4) {
    const x0 = (i * k) | 0,
      x1 = (x0 + k) | 0,
      x2 = (x1 + k) | 0,
      x3 = (x2 + k) | 0;
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
      for (let t = 0, w = j; t < k; t = (t + 1) | 0, w = (w + m) | 0) {
        const w0 = W[w]!,
          w1 = W[(w + 1) | 0]!,
          w2 = W[(w + 2) | 0]!,
          w3 = W[(w + 3) | 0]!;
        let v = x[(x0 + t) | 0]!;
        c00 += v * w0;
        c01 += v * w1;
        c02 += v * w2;
        c03 += v * w3;
        v = x[(x1 + t) | 0]!;
        c10 += v * w0;
        c11 += v * w1;
        c12 += v * w2;
        c13 += v * w3;
        v = x[(x2 + t) | 0]!;
        c20 += v * w0;
        c21 += v * w1;
        c22 += v * w2;
        c23 += v * w3;
        v = x[(x3 + t) | 0]!;
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
  }
}

/** What the tiles leave of matmulBias: columns from m4 in the first n4 rows, then the last n − n4 rows. */
function biasEdges(
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

/**
 * db_j = Σ_i δ_ij. δ: n×m, db: m. Writes into db. Four columns at a time go down the rows in four local
 * sums, so db is written once instead of read and written per row. Each sum adds the rows in order, as
 * a plain loop does.
 */
export function columnSums(d: Float64Array, db: Float64Array, n: number, m: number): void {
  const m4 = m - (m % 4);
  const end = n * m;
  for (let j = 0; j < m4; j += 4) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let o = j; o < end; o += m) {
      s0 += d[o]!;
      s1 += d[o + 1]!;
      s2 += d[o + 2]!;
      s3 += d[o + 3]!;
    }
    db[j] = s0;
    db[j + 1] = s1;
    db[j + 2] = s2;
    db[j + 3] = s3;
  }
  for (let j = m4; j < m; j++) {
    let s = 0;
    for (let o = j; o < end; o += m) s += d[o]!;
    db[j] = s;
  }
}
