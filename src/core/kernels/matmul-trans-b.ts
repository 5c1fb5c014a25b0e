/**
 * δ·Wᵀ (⊙ f′) for backprop, register-blocked like matmul.ts: a 4×4 tile of the result stays in 16 local
 * accumulators while rows of δ and of W stream past, so no transpose is built. With a TileArena the tiles
 * run in WebAssembly SIMD, which needs two neighbouring outputs' weights side by side: it transposes W
 * into the arena's scratch first (k·m copies against n·k·m multiply-adds).
 */
import type { TileArena } from "./wasm/tile-arena.ts";

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
  arena: TileArena | null = null,
): void {
  const n4 = n - (n % 4);
  const k4 = k - (k % 4);
  if (arena && n4 > 0 && k4 > 0) {
    const WT = arena.transposed;
    if (WT.length < k * m)
      throw new RangeError(`matmulTransB: the arena's transpose scratch holds fewer than ${k}×${m} values.`);
    for (let p = 0; p < k; p++) for (let t = 0; t < m; t++) WT[t * k + p] = W[p * m + t]!;
    arena.tiles(d, m, 1, WT, k, null, s, g, k, n4, m, k4);
  } else transBTiles(d, W, s, g, m, k, n4, k4);
  transBEdges(d, W, s, g, n, m, k, n4, k4);
}

/** The 4×4 tiles of matmulTransB: rows below n4, columns below k4. */
function transBTiles(
  d: Float64Array,
  W: Float64Array,
  s: Float64Array | null,
  g: Float64Array,
  m: number,
  k: number,
  n4: number,
  k4: number,
): void {
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
  }
}

/** What the tiles leave of matmulTransB: columns from k4 in the first n4 rows, then the last n − n4 rows. */
function transBEdges(
  d: Float64Array,
  W: Float64Array,
  s: Float64Array | null,
  g: Float64Array,
  n: number,
  m: number,
  k: number,
  n4: number,
  k4: number,
): void {
  for (let i = 0; i < n4; i += 4) {
    const d0 = i * m,
      d1 = d0 + m,
      d2 = d1 + m,
      d3 = d2 + m;
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
