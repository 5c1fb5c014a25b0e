import { describe, expect, it } from "vitest";
import { boundarySegments } from "./contour.ts";

/** A gridSize² binary grid of P(class 1) = σ(k·(x − x0)) at the cell centres, x in columns. */
function vertical(gridSize: number, x0: number, k = 4): Float64Array {
  const g = new Float64Array(gridSize * gridSize);
  for (let r = 0; r < gridSize; r++)
    for (let c = 0; c < gridSize; c++) g[r * gridSize + c] = 1 / (1 + Math.exp(-k * (c - x0)));
  return g;
}

describe("boundarySegments", () => {
  it("finds the p = 0.5 line between the cells, where the model's output says, not on a cell edge", () => {
    const segments = boundarySegments(vertical(8, 3.3, 1), 8, 2);
    expect(segments).toHaveLength(7);
    for (const [x0, , x1] of segments) {
      expect(x0).toBeCloseTo(3.3, 1);
      expect(x1).toBeCloseTo(3.3, 1);
    }
  });

  it("draws a diagonal as one straight run, not a staircase", () => {
    const n = 10;
    const g = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) g[r * n + c] = 1 / (1 + Math.exp(-(c - r - 0.5)));
    for (const [x0, y0, x1, y1] of boundarySegments(g, n, 2)) {
      expect(x0 - y0).toBeCloseTo(0.5, 6);
      expect(x1 - y1).toBeCloseTo(0.5, 6);
    }
  });

  it("outlines each region of a three-class grid, and skips squares with a non-finite output", () => {
    const n = 6;
    const g = new Float64Array(n * n * 3);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        const cls = c < 2 ? 0 : c < 4 ? 1 : 2;
        for (let k = 0; k < 3; k++) g[(r * n + c) * 3 + k] = k === cls ? 0.8 : 0.1;
      }
    const segments = boundarySegments(g, n, 3);
    const xs = new Set(segments.flatMap(([x0, , x1]) => [x0.toFixed(2), x1.toFixed(2)]));
    expect([...xs].sort()).toEqual(["1.50", "3.50"]);
    g[(0 * n + 1) * 3] = Number.NaN;
    expect(boundarySegments(g, n, 3).length).toBeLessThan(segments.length);
    expect(boundarySegments(new Float64Array(3), 1, 2)).toEqual([]);
  });
});
