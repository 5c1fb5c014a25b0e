import { describe, expect, it } from "vitest";
import { testSpec } from "../../src/worker/test-spec.ts";
import { runStatic } from "./static-run.ts";
import {
  coarsenBoundary,
  decodeStatic,
  encodeStatic,
  packBoundary,
  STATIC_BOUNDARY_MAX,
  unflatten,
  unpackBoundary,
} from "./static-snapshot.ts";

const spec = testSpec({ dataset: { kind: "circles", n: 120, noise: 0.05, testFraction: 0 } }, { boundarySize: 16 });

describe("encodeStatic / decodeStatic", () => {
  const snapshot = runStatic(spec, 20);
  const decoded = decodeStatic(encodeStatic(snapshot));

  it("keeps every scalar the readouts show exactly", () => {
    expect(decoded.trainLoss).toBe(snapshot.trainLoss);
    expect(decoded.layers).toEqual(snapshot.layers);
    expect(decoded.deadSince).toEqual(snapshot.deadSince);
    expect(decoded.step).toBe(20);
  });

  it("rounds the long float arrays to what a plot can show, and keeps integers and NaN", () => {
    // The boundary's class scores come back to within half of one of its 64 shading levels.
    snapshot.boundary!.forEach((v, i) =>
      expect(Math.abs(decoded.boundary![i]! - v)).toBeLessThanOrEqual(1 / 126 + 1e-12),
    );
    snapshot.history.data.forEach((v, i) =>
      Number.isNaN(v) ? expect(decoded.history.data[i]).toBeNaN() : expect(decoded.history.data[i]).toBeCloseTo(v, 5),
    );
    // No test split and no perceptron: the history's test-loss, test-accuracy and perceptron columns are NaN,
    // which plain JSON would turn into null (then 0).
    expect(decoded.history.data.filter(Number.isNaN).length).toBe(3 * 21);
    expect(decoded.data!.trainLabels).toEqual(snapshot.data!.trainLabels);
    expect(unflatten(decoded).history.rows).toBe(21);
  });

  it("is much smaller than the same snapshot as plain JSON (Astro's own prop encoding is larger still)", () => {
    expect(encodeStatic(snapshot).length).toBeLessThan(0.7 * JSON.stringify(snapshot).length);
    // One character per class score: a 32² grid of three classes is 3 072 characters, not ~20 000.
    const grid = Array.from({ length: 32 * 32 * 3 }, (_, i) => ((i * 7919) % 1000) / 999);
    const packed = encodeStatic({ boundary: grid, boundarySize: 32 });
    expect(packed.length).toBeLessThan(3072 + 40);
    expect(packBoundary(unpackBoundary(packBoundary(grid)))).toBe(packBoundary(grid));
  });

  it("restores infinities, and leaves other strings alone", () => {
    const value = { a: Infinity, b: [-Infinity, 1], reason: "loss is NaN", c: "NaN" };
    expect(decodeStatic(encodeStatic(value))).toEqual({
      a: Infinity,
      b: [-Infinity, 1],
      reason: "loss is NaN",
      c: NaN,
    });
  });
});

describe("coarsenBoundary", () => {
  it("averages f × f blocks per channel, so probabilities still sum to 1", () => {
    // 4 × 4 cells, two channels (p, 1 − p), p = column / 3.
    const grid = Array.from({ length: 16 }, (_, i) => [(i % 4) / 3, 1 - (i % 4) / 3]).flat();
    const coarse = coarsenBoundary(grid, 4, 2);
    expect(coarse.gridSize).toBe(2);
    expect(coarse.grid).toHaveLength(2 * 2 * 2);
    expect(coarse.grid[0]).toBeCloseTo(1 / 6, 12);
    expect(coarse.grid[2]).toBeCloseTo(5 / 6, 12);
    for (let cell = 0; cell < 4; cell++) expect(coarse.grid[2 * cell]! + coarse.grid[2 * cell + 1]!).toBeCloseTo(1, 12);
  });

  it("keeps a grid it cannot divide evenly", () => {
    expect(coarsenBoundary([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 2)).toEqual({
      grid: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      gridSize: 3,
    });
  });

  it("encodeStatic carries a 64-cell grid as 32 a side", () => {
    const big = { ...runStatic({ ...spec, boundarySize: 64 }, 1) };
    const decoded = decodeStatic(encodeStatic(big));
    expect(big.boundarySize).toBe(64);
    expect(decoded.boundarySize).toBe(STATIC_BOUNDARY_MAX);
    expect(decoded.boundary).toHaveLength(STATIC_BOUNDARY_MAX ** 2);
  });
});
