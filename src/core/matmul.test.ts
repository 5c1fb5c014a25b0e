import { describe, expect, it } from "vitest";
import { columnSums, matmulBias } from "./matmul.ts";
import { matmulTransA } from "./matmul-trans-a.ts";
import { matmulTransB } from "./matmul-trans-b.ts";
import { createRng } from "./rng.ts";

function random(rng: ReturnType<typeof createRng>, len: number): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = rng.normal();
  return a;
}

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
];

describe("matmul kernels agree with the textbook triple loop", () => {
  const rng = createRng(7);
  for (const [n, k, m] of SHAPES) {
    it(`n=${n} k=${k} m=${m}`, () => {
      const x = random(rng, n * k),
        W = random(rng, k * m),
        b = random(rng, m),
        d = random(rng, n * m),
        s = random(rng, n * k);
      const z = new Float64Array(n * m),
        dW = new Float64Array(k * m),
        g = new Float64Array(n * k),
        g1 = new Float64Array(n * k);
      const db = new Float64Array(m);
      matmulBias(x, W, b, z, n, k, m);
      matmulTransA(x, d, dW, n, k, m);
      matmulTransB(d, W, s, g, n, m, k);
      matmulTransB(d, W, null, g1, n, m, k);
      columnSums(d, db, n, m);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let ref = b[j]!;
          for (let t = 0; t < k; t++) ref += x[i * k + t]! * W[t * m + j]!;
          expect(z[i * m + j]).toBeCloseTo(ref, 12);
        }
      for (let p = 0; p < k; p++)
        for (let j = 0; j < m; j++) {
          let ref = 0;
          for (let i = 0; i < n; i++) ref += x[i * k + p]! * d[i * m + j]!;
          expect(dW[p * m + j]).toBeCloseTo(ref, 12);
        }
      for (let i = 0; i < n; i++)
        for (let p = 0; p < k; p++) {
          let ref = 0;
          for (let j = 0; j < m; j++) ref += d[i * m + j]! * W[p * m + j]!;
          expect(g1[i * k + p]).toBeCloseTo(ref, 12);
          expect(g[i * k + p]).toBeCloseTo(ref * s[i * k + p]!, 12);
        }
      for (let j = 0; j < m; j++) {
        let ref = 0;
        for (let i = 0; i < n; i++) ref += d[i * m + j]!;
        expect(db[j]).toBeCloseTo(ref, 12);
      }
    });
  }
  it("a null bias means zero", () => {
    const z = new Float64Array(4);
    matmulBias(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 0, 0, 1]), null, z, 2, 2, 2);
    expect(Array.from(z)).toEqual([1, 2, 3, 4]);
  });
});
