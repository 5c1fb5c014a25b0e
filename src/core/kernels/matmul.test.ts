import { describe, expect, it } from "vitest";
import { columnSums, matmulBias } from "./matmul.ts";
import { matmulTransA } from "./matmul-trans-a.ts";
import { matmulTransB } from "./matmul-trans-b.ts";
import { createRng } from "../data/rng.ts";
import { TileArena } from "./wasm/tile-arena.ts";

/** Every shape mixes full 4×4 tiles with each kind of edge. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [4, 4, 4],
  [5, 3, 7],
  [8, 2, 1],
  [7, 9, 6],
  [13, 16, 5],
  [3, 1, 4],
  [16, 33, 12],
  [20, 8, 8],
];

/** The operands of one shape, in an arena for the SIMD kernels or in plain arrays for the JavaScript ones. */
function operands(kernels: "js" | "simd", n: number, k: number, m: number, fill: (i: number) => number) {
  const lengths = [n * k, k * m, m, n * m, n * k, n * m, k * m, n * k, n * k, m];
  const arena = kernels === "simd" ? TileArena.create(lengths, k * m) : null;
  if (kernels === "simd" && !arena) throw new Error("no arena: WebAssembly SIMD should run in Node 22");
  let seq = 0;
  const array = (len: number, data: boolean) => {
    const a = arena ? arena.alloc(len) : new Float64Array(len);
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
 * Runs every kernel and compares each output with the textbook loop, summing in the same order (t, then
 * rows): the kernels' tiles only keep sums in registers, so the bits must match, not just 12 digits.
 */
function checkShape(kernels: "js" | "simd", n: number, k: number, m: number, fill: (i: number) => number): void {
  const { arena, x, W, b, d, s, z, dW, g, g1, db } = operands(kernels, n, k, m, fill);
  matmulBias(x, W, b, z, n, k, m, arena);
  matmulTransA(x, d, dW, n, k, m, arena);
  matmulTransB(d, W, s, g, n, m, k, arena);
  matmulTransB(d, W, null, g1, n, m, k, arena);
  columnSums(d, db, n, m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let ref = b[j]!;
      for (let t = 0; t < k; t++) ref += x[i * k + t]! * W[t * m + j]!;
      expect(z[i * m + j], `z[${i}, ${j}]`).toBe(ref);
    }
  for (let p = 0; p < k; p++)
    for (let j = 0; j < m; j++) {
      let ref = 0;
      for (let i = 0; i < n; i++) ref += x[i * k + p]! * d[i * m + j]!;
      expect(dW[p * m + j], `dW[${p}, ${j}]`).toBe(ref);
    }
  for (let i = 0; i < n; i++)
    for (let p = 0; p < k; p++) {
      let ref = 0;
      for (let j = 0; j < m; j++) ref += d[i * m + j]! * W[p * m + j]!;
      expect(g1[i * k + p], `g1[${i}, ${p}]`).toBe(ref);
      expect(g[i * k + p], `g[${i}, ${p}]`).toBe(ref * s[i * k + p]!);
    }
  for (let j = 0; j < m; j++) {
    let ref = 0;
    for (let i = 0; i < n; i++) ref += d[i * m + j]!;
    expect(db[j], `db[${j}]`).toBe(ref);
  }
}

const rng = createRng(7);
const normals = Array.from({ length: 4096 }, () => rng.normal());
/** Zeros of both signs, infinities, NaN, huge and tiny values among ordinary ones. */
const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 1e308, -1e308, 5e-324, -5e-324, 1e-300];

for (const kernels of ["js", "simd"] as const) {
  describe(`matmul kernels (${kernels}) give the textbook loop's bits`, () => {
    for (const [n, k, m] of SHAPES) {
      it(`n=${n} k=${k} m=${m}`, () => checkShape(kernels, n, k, m, (i) => normals[i % normals.length]!));
    }
    it("with zeros of both signs, infinities, NaN and extreme magnitudes mixed in", () => {
      for (const [n, k, m] of [
        [8, 4, 8],
        [9, 6, 5],
      ] as const)
        checkShape(kernels, n, k, m, (i) => (i % 3 === 0 ? SPECIALS[(i / 3) % SPECIALS.length]! : normals[i]!));
    });
  });
}

describe("matmul kernels", () => {
  it("a null bias means zero", () => {
    const z = new Float64Array(4);
    matmulBias(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 0, 0, 1]), null, z, 2, 2, 2);
    expect(Array.from(z)).toEqual([1, 2, 3, 4]);
  });
  it("a null bias means zero in the SIMD tiles too", () => {
    const arena = TileArena.create([16, 16, 16], 16)!;
    const [x, W, z] = [arena.alloc(16), arena.alloc(16), arena.alloc(16)];
    for (let i = 0; i < 16; i++) [x[i], W[i]] = [i, i % 5 === 0 ? 1 : 0];
    matmulBias(x, W, null, z, 4, 4, 4, arena);
    expect(Array.from(z)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });
});
