import { describe, expect, it } from "vitest";
import { columnSums32, matmulBias32, matmulTransA32, matmulTransB32 } from "./matmul32.ts";
import { createRng } from "../data/rng.ts";
import { TileArena } from "./wasm/tile-arena.ts";

const fr = Math.fround;

/** Shapes that mix whole tiles (eight and four columns wide) with every kind of edge. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [4, 4, 4],
  [4, 4, 8],
  [5, 3, 7],
  [8, 2, 1],
  [7, 9, 6],
  [13, 16, 12],
  [3, 1, 4],
  [16, 33, 20],
  [20, 8, 5],
];

/** The operands of one shape, in a float32 arena for the f32x4 kernel or in plain Float32Arrays. */
function operands(kernels: "js" | "simd", n: number, k: number, m: number, fill: (i: number) => number) {
  const lengths = [n * k, k * m, m, n * m, n * k, n * m, k * m, n * k, n * k, m];
  const arena = kernels === "simd" ? TileArena.create(lengths, k * m, "float32") : null;
  if (kernels === "simd" && !arena) throw new Error("no arena: WebAssembly SIMD should run in Node 22");
  let seq = 0;
  const array = (len: number, data: boolean) => {
    const a = arena ? arena.alloc(len) : new Float32Array(len);
    if (data) for (let i = 0; i < len; i++) a[i] = fill(seq++);
    return a;
  };
  return {
    arena,
    x: array(n * k, true),
    W: array(k * m, true),
    b: array(m, true),
    d: array(n * m, true),
    s: array(n * k, true),
    z: array(n * m, false),
    dW: array(k * m, false),
    g: array(n * k, false),
    g1: array(n * k, false),
    db: array(m, false),
  };
}

/**
 * Runs every float32 kernel and compares each output with the textbook loop in float32: every product and
 * every sum rounded (in the order of t, then rows), so the bits must match.
 */
function checkShape(kernels: "js" | "simd", n: number, k: number, m: number, fill: (i: number) => number): void {
  const { arena, x, W, b, d, s, z, dW, g, g1, db } = operands(kernels, n, k, m, fill);
  matmulBias32(x, W, b, z, n, k, m, arena);
  matmulTransA32(x, d, dW, n, k, m, arena);
  matmulTransB32(d, W, s, g, n, m, k, arena);
  matmulTransB32(d, W, null, g1, n, m, k, arena);
  columnSums32(d, db, n, m);
  const same = (got: number, want: number, label: string) =>
    expect(Object.is(got, want), `${label}: ${got} against ${want}`).toBe(true);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let ref = b[j]!;
      for (let t = 0; t < k; t++) ref = fr(ref + fr(x[i * k + t]! * W[t * m + j]!));
      same(z[i * m + j]!, ref, `z[${i}, ${j}]`);
    }
  for (let p = 0; p < k; p++)
    for (let j = 0; j < m; j++) {
      let ref = 0;
      for (let i = 0; i < n; i++) ref = fr(ref + fr(x[i * k + p]! * d[i * m + j]!));
      same(dW[p * m + j]!, ref, `dW[${p}, ${j}]`);
    }
  for (let i = 0; i < n; i++)
    for (let p = 0; p < k; p++) {
      let ref = 0;
      for (let j = 0; j < m; j++) ref = fr(ref + fr(d[i * m + j]! * W[p * m + j]!));
      same(g1[i * k + p]!, ref, `g1[${i}, ${p}]`);
      same(g[i * k + p]!, fr(ref * s[i * k + p]!), `g[${i}, ${p}]`);
    }
  for (let j = 0; j < m; j++) {
    let ref = 0;
    for (let i = 0; i < n; i++) ref = fr(ref + d[i * m + j]!);
    same(db[j]!, ref, `db[${j}]`);
  }
}

const rng = createRng(11);
const normals = Array.from({ length: 4096 }, () => fr(rng.normal()));
/** Zeros of both signs, infinities, the float32 extremes (largest, smallest normal, a subnormal) among ordinary values. */
const SPECIALS = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  3.4028234663852886e38,
  -3.4028234663852886e38,
  1.1754943508222875e-38,
  1e-45,
  -1e-40,
];

for (const kernels of ["js", "simd"] as const) {
  describe(`float32 matmul kernels (${kernels}) give the textbook float32 loop's bits`, () => {
    for (const [n, k, m] of SHAPES)
      it(`n=${n} k=${k} m=${m}`, () => checkShape(kernels, n, k, m, (i) => normals[i % normals.length]!));
    it("with zeros of both signs, infinities, float32's extremes and subnormals mixed in", () => {
      for (const [n, k, m] of [
        [8, 4, 8],
        [9, 6, 13],
      ] as const)
        checkShape(kernels, n, k, m, (i) => (i % 3 === 0 ? fr(SPECIALS[(i / 3) % SPECIALS.length]!) : normals[i]!));
    });
  });
}

describe("float32 matmul kernels", () => {
  it("round every product and sum: 1 + 2⁻²⁴·… is lost in float32 where float64 keeps it", () => {
    const z = new Float32Array(1);
    // 1 + 2⁻²⁵ + 2⁻²⁵: each sum rounds back to 1 in float32 (ties to even); float64 would give 1 + 2⁻²⁴.
    matmulBias32(Float32Array.of(1, 1), Float32Array.of(2 ** -25, 2 ** -25), Float32Array.of(1), z, 1, 2, 1);
    expect(z[0]).toBe(1);
  });
});
