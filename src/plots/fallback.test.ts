import { describe, expect, it } from "vitest";
import { viridis } from "./colormap.ts";
import { boundaryRuns, heatmapRuns, pointsByClass, runPaths } from "./fallback.ts";

describe("boundaryRuns", () => {
  it("merges a left/right split into one run per half on every row", () => {
    // 4 × 4 binary grid: P(class 1) = 0.05 on the left half, 0.95 on the right.
    const grid = Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0.05 : 0.95));
    const { columns, rows, runs } = boundaryRuns(grid, 4, 2, 24);
    expect([columns, rows]).toEqual([4, 4]);
    expect(runs).toHaveLength(8);
    expect(runs.slice(0, 2)).toEqual([
      { row: 0, col: 0, length: 2, fill: { label: 0, alpha: 0.5 } },
      { row: 0, col: 2, length: 2, fill: { label: 1, alpha: 0.5 } },
    ]);
  });

  it("leaves the p = 0.5 boundary and cells without data empty", () => {
    const grid = [0.5, Number.NaN, 1, 0];
    const { runs } = boundaryRuns(grid, 2, 2);
    expect(runs.map((r) => [r.row, r.col, r.fill.label])).toEqual([
      [1, 0, 1],
      [1, 1, 0],
    ]);
  });

  it("samples a fine grid down to at most maxCells a side", () => {
    const n = 100;
    const grid = new Float64Array(n * n).fill(0.9);
    const coarse = boundaryRuns(grid, n, 2, 20);
    expect([coarse.columns, coarse.rows]).toEqual([20, 20]);
    expect(coarse.runs).toHaveLength(20);
    expect(coarse.runs.every((r) => r.length === 20)).toBe(true);
  });

  it("takes the argmax class for three or more classes", () => {
    const grid = [0.1, 0.2, 0.7];
    expect(boundaryRuns(grid, 1, 3).runs).toEqual([{ row: 0, col: 0, length: 1, fill: { label: 2, alpha: 0.3 } }]);
  });

  it("draws nothing from a grid shorter than gridSize² cells", () => {
    expect(boundaryRuns([0.9], 3, 2).runs).toEqual([]);
  });
});

describe("heatmapRuns", () => {
  it("colours runs with viridis over the domain and skips missing values", () => {
    // 2 rows × 3 columns.
    const values = [0, 0, 1, Number.NaN, 1, 1];
    const { columns, rows, runs } = heatmapRuns(values, 2, 3, [0, 1], false);
    expect([columns, rows]).toEqual([3, 2]);
    expect(runs).toEqual([
      { row: 0, col: 0, length: 2, fill: viridis(0) },
      { row: 0, col: 2, length: 1, fill: viridis(1) },
      { row: 1, col: 1, length: 2, fill: viridis(1) },
    ]);
  });

  it("samples many columns down to maxColumns", () => {
    const values = Float64Array.from({ length: 1000 }, (_, j) => j);
    const coarse = heatmapRuns(values, 1, 1000, [0, 999], false, 50);
    expect(coarse.columns).toBe(50);
    expect(coarse.runs.reduce((sum, r) => sum + r.length, 0)).toBe(50);
  });
});

describe("runPaths", () => {
  it("joins the runs of one fill into one path in grid units", () => {
    const grid = boundaryRuns(
      Array.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0.05 : 0.95)),
      4,
      2,
    );
    const paths = runPaths(grid, (f) => `${f.label}/${f.alpha}`);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toEqual({
      fill: { label: 0, alpha: 0.5 },
      d: "M0 0h2v1h-2zM0 1h2v1h-2zM0 2h2v1h-2zM0 3h2v1h-2z",
    });
  });
});

describe("pointsByClass", () => {
  it("groups points by label in whole pixels, skipping non-finite positions", () => {
    const points = { x: [0.24, 1, Number.NaN, 2], y: [0, 1, 0, 2.6], label: [1, 0, 1, 7] };
    const groups = pointsByClass(
      points,
      2,
      (x) => 10 * x,
      (y) => 10 * y,
    );
    expect(groups).toEqual([
      { label: 0, at: [[10, 10]] },
      {
        label: 1,
        at: [
          [2, 0],
          [20, 26],
        ],
      },
    ]);
  });
});
