/**
 * The three products of backprop and the bias gradient in float32: every product and every sum is rounded
 * to float32 (Math.fround), one multiply and one add per term in the order of the inner index, as the
 * f32x4 kernel (wasm/tiles.wat, "tiles32") does it, so the two give the same numbers. Given a float32
 * TileArena whose views the arrays are, its 4×4 tiles run in WebAssembly and only the edges here; without
 * one, everything runs here. Shapes and layouts are those of matmul.ts, matmul-trans-a.ts and
 * matmul-trans-b.ts.
 */
import type { TileArena } from "./wasm/tile-arena.ts";

const fr = Math.fround;

/**
 * The strided product over a block of the output: for rows i in [r0, r1) and columns j in [c0, c1),
 * out[i·outRow + j] = fl((init_j + Σ_{t<inner} a[i·aRow + t·aStep] · b[t·bStep + j·bCol]) · s[i·outRow + j]),
 * summed in the order of t; init null means 0, s null means no factor. fl: every step rounded to float32.
 * Outputs go in 4×4 tiles where the block has them (16 independent sums: each value loaded feeds four, and the
 * rounding steps of one sum overlap the others'), then four columns at a time in the rows left, then four rows
 * at a time in the columns left, then one output alone. The order of each sum is the same in every case.
 */
function block32(
  a: Float32Array,
  aRow: number,
  aStep: number,
  b: Float32Array,
  bStep: number,
  bCol: number,
  init: Float32Array | null,
  s: Float32Array | null,
  out: Float32Array,
  outRow: number,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  inner: number,
): void {
  const c4 = c1 - ((c1 - c0) % 4);
  const r4 = r1 - ((r1 - r0) % 4);
  for (let i = r0; i < r4; i += 4)
    for (let j = c0; j < c4; j += 4) tile32(a, aRow, aStep, b, bStep, bCol, init, s, out, outRow, i, j, inner);
  for (let i = r4; i < r1; i++) {
    const ai = i * aRow;
    const o = i * outRow;
    for (let j = c0; j < c4; j += 4) {
      let s0 = init ? init[j]! : 0,
        s1 = init ? init[j + 1]! : 0,
        s2 = init ? init[j + 2]! : 0,
        s3 = init ? init[j + 3]! : 0;
      for (let t = 0, pa = ai, pb = j * bCol; t < inner; t++, pa += aStep, pb += bStep) {
        const v = a[pa]!;
        s0 = fr(s0 + fr(v * b[pb]!));
        s1 = fr(s1 + fr(v * b[pb + bCol]!));
        s2 = fr(s2 + fr(v * b[pb + 2 * bCol]!));
        s3 = fr(s3 + fr(v * b[pb + 3 * bCol]!));
      }
      out[o + j] = s ? fr(s0 * s[o + j]!) : s0;
      out[o + j + 1] = s ? fr(s1 * s[o + j + 1]!) : s1;
      out[o + j + 2] = s ? fr(s2 * s[o + j + 2]!) : s2;
      out[o + j + 3] = s ? fr(s3 * s[o + j + 3]!) : s3;
    }
  }
  for (let j = c4; j < c1; j++) {
    const bj = j * bCol;
    for (let i = r0; i < r4; i += 4) {
      let s0 = init ? init[j]! : 0;
      let s1 = s0,
        s2 = s0,
        s3 = s0;
      for (let t = 0, pa = i * aRow, pb = bj; t < inner; t++, pa += aStep, pb += bStep) {
        const w = b[pb]!;
        s0 = fr(s0 + fr(a[pa]! * w));
        s1 = fr(s1 + fr(a[pa + aRow]! * w));
        s2 = fr(s2 + fr(a[pa + 2 * aRow]! * w));
        s3 = fr(s3 + fr(a[pa + 3 * aRow]! * w));
      }
      const o = i * outRow + j;
      out[o] = s ? fr(s0 * s[o]!) : s0;
      out[o + outRow] = s ? fr(s1 * s[o + outRow]!) : s1;
      out[o + 2 * outRow] = s ? fr(s2 * s[o + 2 * outRow]!) : s2;
      out[o + 3 * outRow] = s ? fr(s3 * s[o + 3 * outRow]!) : s3;
    }
    for (let i = r4; i < r1; i++) {
      let c = init ? init[j]! : 0;
      for (let t = 0, pa = i * aRow, pb = bj; t < inner; t++, pa += aStep, pb += bStep) c = fr(c + fr(a[pa]! * b[pb]!));
      const o = i * outRow + j;
      out[o] = s ? fr(c * s[o]!) : c;
    }
  }
}

/** One 4×4 tile of block32's output, rows i…i+3 and columns j…j+3, in 16 local sums. */
function tile32(
  a: Float32Array,
  aRow: number,
  aStep: number,
  b: Float32Array,
  bStep: number,
  bCol: number,
  init: Float32Array | null,
  s: Float32Array | null,
  out: Float32Array,
  outRow: number,
  i: number,
  j: number,
  inner: number,
): void {
  const b0 = init ? init[j]! : 0,
    b1 = init ? init[j + 1]! : 0,
    b2 = init ? init[j + 2]! : 0,
    b3 = init ? init[j + 3]! : 0;
  let c00 = b0,
    c01 = b1,
    c02 = b2,
    c03 = b3,
    c10 = b0,
    c11 = b1,
    c12 = b2,
    c13 = b3,
    c20 = b0,
    c21 = b1,
    c22 = b2,
    c23 = b3,
    c30 = b0,
    c31 = b1,
    c32 = b2,
    c33 = b3;
  for (let t = 0, pa = i * aRow, pb = j * bCol; t < inner; t++, pa += aStep, pb += bStep) {
    const w0 = b[pb]!,
      w1 = b[pb + bCol]!,
      w2 = b[pb + 2 * bCol]!,
      w3 = b[pb + 3 * bCol]!;
    let v = a[pa]!;
    c00 = fr(c00 + fr(v * w0));
    c01 = fr(c01 + fr(v * w1));
    c02 = fr(c02 + fr(v * w2));
    c03 = fr(c03 + fr(v * w3));
    v = a[pa + aRow]!;
    c10 = fr(c10 + fr(v * w0));
    c11 = fr(c11 + fr(v * w1));
    c12 = fr(c12 + fr(v * w2));
    c13 = fr(c13 + fr(v * w3));
    v = a[pa + 2 * aRow]!;
    c20 = fr(c20 + fr(v * w0));
    c21 = fr(c21 + fr(v * w1));
    c22 = fr(c22 + fr(v * w2));
    c23 = fr(c23 + fr(v * w3));
    v = a[pa + 3 * aRow]!;
    c30 = fr(c30 + fr(v * w0));
    c31 = fr(c31 + fr(v * w1));
    c32 = fr(c32 + fr(v * w2));
    c33 = fr(c33 + fr(v * w3));
  }
  let o = i * outRow + j;
  store(out, s, o, c00);
  store(out, s, o + 1, c01);
  store(out, s, o + 2, c02);
  store(out, s, o + 3, c03);
  o += outRow;
  store(out, s, o, c10);
  store(out, s, o + 1, c11);
  store(out, s, o + 2, c12);
  store(out, s, o + 3, c13);
  o += outRow;
  store(out, s, o, c20);
  store(out, s, o + 1, c21);
  store(out, s, o + 2, c22);
  store(out, s, o + 3, c23);
  o += outRow;
  store(out, s, o, c30);
  store(out, s, o + 1, c31);
  store(out, s, o + 2, c32);
  store(out, s, o + 3, c33);
}

/** out[o] = fl(c·s[o]), or c when there is no factor. */
function store(out: Float32Array, s: Float32Array | null, o: number, c: number): void {
  out[o] = s ? fr(c * s[o]!) : c;
}

/** z = x·W + b in float32. x: n×k, W: k×m, b: m (null means 0), z: n×m. Writes into z. */
export function matmulBias32(
  x: Float32Array,
  W: Float32Array,
  b: Float32Array | null,
  z: Float32Array,
  n: number,
  k: number,
  m: number,
  arena: TileArena<Float32Array> | null = null,
): void {
  const n4 = arena ? n - (n % 4) : 0;
  const m4 = arena ? m - (m % 4) : 0;
  if (arena) arena.tiles(x, k, 1, W, m, b, null, z, m, n4, k, m4);
  block32(x, k, 1, W, m, 1, b, null, z, m, 0, n4, m4, m, k);
  block32(x, k, 1, W, m, 1, b, null, z, m, n4, n, 0, m, k);
}

/** dW = xᵀ·δ in float32. x: n×k, δ: n×m, dW: k×m. Writes into dW (x is read down its columns). */
export function matmulTransA32(
  x: Float32Array,
  d: Float32Array,
  dW: Float32Array,
  n: number,
  k: number,
  m: number,
  arena: TileArena<Float32Array> | null = null,
): void {
  const k4 = arena ? k - (k % 4) : 0;
  const m4 = arena ? m - (m % 4) : 0;
  // Row p of dW pairs column p of x (x[p + i·k]) with the rows of δ.
  if (arena) arena.tiles(x, 1, k, d, m, null, null, dW, m, k4, n, m4);
  block32(x, 1, k, d, m, 1, null, null, dW, m, 0, k4, m4, m, n);
  block32(x, 1, k, d, m, 1, null, null, dW, m, k4, k, 0, m, n);
}

/**
 * g = (δ·Wᵀ) ⊙ s in float32. δ: n×m, W: k×m, s: n×k (null means 1), g: n×k. Writes into g. The WebAssembly
 * tiles read Wᵀ along its rows, so W is transposed into the arena's scratch first (k·m copies).
 */
export function matmulTransB32(
  d: Float32Array,
  W: Float32Array,
  s: Float32Array | null,
  g: Float32Array,
  n: number,
  m: number,
  k: number,
  arena: TileArena<Float32Array> | null = null,
): void {
  const n4 = arena ? n - (n % 4) : 0;
  const k4 = arena ? k - (k % 4) : 0;
  if (arena && n4 > 0 && k4 > 0) {
    const WT = arena.transposed;
    if (WT.length < k * m)
      throw new RangeError(`matmulTransB32: the arena's transpose scratch holds fewer than ${k}×${m} values.`);
    for (let p = 0; p < k; p++) for (let t = 0; t < m; t++) WT[t * k + p] = W[p * m + t]!;
    arena.tiles(d, m, 1, WT, k, null, s, g, k, n4, m, k4);
    block32(d, m, 1, W, 1, m, null, s, g, k, 0, n4, k4, k, m);
    block32(d, m, 1, W, 1, m, null, s, g, k, n4, n, 0, k, m);
  } else block32(d, m, 1, W, 1, m, null, s, g, k, 0, n, 0, k, m);
}

/** db_j = Σ_i δ_ij in float32, rows in order. δ: n×m, db: m. Writes into db. Four columns at a time, as columnSums. */
export function columnSums32(d: Float32Array, db: Float32Array, n: number, m: number): void {
  const m4 = m - (m % 4);
  const end = n * m;
  for (let j = 0; j < m4; j += 4) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let o = j; o < end; o += m) {
      s0 = fr(s0 + d[o]!);
      s1 = fr(s1 + d[o + 1]!);
      s2 = fr(s2 + d[o + 2]!);
      s3 = fr(s3 + d[o + 3]!);
    }
    db[j] = s0;
    db[j + 1] = s1;
    db[j + 2] = s2;
    db[j + 3] = s3;
  }
  for (let j = m4; j < m; j++) {
    let c = 0;
    for (let o = j; o < end; o += m) c = fr(c + d[o]!);
    db[j] = c;
  }
}
