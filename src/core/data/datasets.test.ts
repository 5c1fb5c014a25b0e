import { describe, expect, it } from "vitest";
import {
  binaryTargets,
  DATASET_KINDS,
  encodeTargets,
  makeDataset,
  oneHot,
  POINTS_KIND,
  type DatasetConfig,
} from "./datasets.ts";
import { createRng, shuffle } from "./rng.ts";

describe("rng", () => {
  it("is deterministic per seed, uniform-looking, and has a standard normal", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 20000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(c.next()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
    const ns = Array.from({ length: 20000 }, () => a.normal());
    const mean = ns.reduce((s, x) => s + x, 0) / ns.length;
    const variance = ns.reduce((s, x) => s + (x - mean) ** 2, 0) / ns.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    const ints = new Set(Array.from({ length: 1000 }, () => a.int(7)));
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => createRng(1.5)).toThrow(/integer/);
  });

  it("shuffles into a permutation", () => {
    const idx = new Int32Array([0, 1, 2, 3, 4, 5, 6, 7]);
    shuffle(createRng(1), idx);
    expect([...idx].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("datasets", () => {
  for (const kind of DATASET_KINDS) {
    it(`${kind}: seeded, balanced, inside [−1, 1]² when noise is 0, split as asked`, () => {
      const config: DatasetConfig = { kind, n: 300, noise: 0, classes: 4, testFraction: 0.2 };
      const d = makeDataset(config, 5);
      const k = kind === "blobs" || kind === "spirals" ? 4 : 2;
      expect(d.classes).toBe(k);
      expect(d.test.n).toBe(60);
      expect(d.train.n).toBe(240);
      const counts = new Array(k).fill(0);
      for (const s of [d.train, d.test]) {
        for (let i = 0; i < s.n; i++) counts[s.labels[i]!]++;
        if (kind !== "blobs") for (const v of s.x) expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }
      for (const c of counts) expect(Math.abs(c - 300 / k)).toBeLessThanOrEqual(1);
      expect(makeDataset(config, 5)).toEqual(d);
      expect(makeDataset(config, 6).train.x).not.toEqual(d.train.x);
      const noisy = makeDataset({ ...config, noise: 0.1 }, 5);
      expect(noisy.train.x).not.toEqual(d.train.x);
    });
  }

  it("given points: used as they are, split by the data seed's shuffle like a generated set", () => {
    const n = 50;
    const x = Array.from({ length: 2 * n }, (_, i) => i / 10 - 3);
    const labels = Array.from({ length: n }, (_, i) => i % 3);
    const config: DatasetConfig = {
      kind: POINTS_KIND,
      n,
      noise: 0,
      classes: 3,
      testFraction: 0.2,
      points: { x, labels },
    };
    const d = makeDataset(config, 7);
    expect(d.kind).toBe("points");
    expect(d.classes).toBe(3);
    expect([d.train.n, d.test.n]).toEqual([40, 10]);
    // Every point lands in one split with its own label: point i is (i/5 − 3, i/5 − 2.9), class i mod 3.
    const seen: number[] = [];
    for (const s of [d.train, d.test]) {
      for (let j = 0; j < s.n; j++) {
        const i = Math.round((s.x[2 * j]! + 3) * 5);
        expect(s.x[2 * j + 1]).toBe(x[2 * i + 1]);
        expect(s.labels[j]).toBe(i % 3);
        seen.push(i);
      }
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(makeDataset(config, 7)).toEqual(d);
    expect(makeDataset(config, 8).test.x).not.toEqual(d.test.x);
    expect(() => makeDataset({ ...config, n: 51 }, 7)).toThrow(/51 points/);
  });

  it("XOR puts class 0 where x·y > 0", () => {
    const d = makeDataset({ kind: "xor", n: 100, noise: 0, testFraction: 0 }, 1);
    for (let i = 0; i < d.train.n; i++)
      expect(d.train.x[2 * i]! * d.train.x[2 * i + 1]! > 0 ? 0 : 1).toBe(d.train.labels[i]);
  });

  it("encodes targets: {0, 1} or {−1, 1} for one output, one-hot for several", () => {
    const labels = new Int32Array([0, 1, 2]);
    const y1 = new Float64Array(2);
    encodeTargets(labels, 2, 1, -1, y1);
    expect(Array.from(y1)).toEqual([-1, 1]);
    const y3 = new Float64Array(9);
    encodeTargets(labels, 3, 3, 0, y3);
    expect(Array.from(y3)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(oneHot(labels, 3)).toEqual(y3);
    expect(Array.from(binaryTargets(new Int32Array([1, 0, 1])))).toEqual([1, 0, 1]);
  });
});
