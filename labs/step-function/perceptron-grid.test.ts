import { describe, expect, it } from "vitest";
import { cellCenters } from "../../src/plots/boundary.ts";
import { perceptronGrid, ruleAccuracy } from "./perceptron-grid.ts";

describe("perceptronGrid", () => {
  it("is 1 where w·x + b > 0, row 0 at the top, at the plot's cell centres", () => {
    // w = (0, 1), b = 0: class 1 above the x axis, so the top half of the rows.
    const g = perceptronGrid([0, 1], 0, 4);
    expect(Array.from(g)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // w = (1, 0), b = −0.5: class 1 right of x = 0.5; matches H(w·x + b) at cellCenters.
    const size = 10;
    const bounds = { xMin: -1.25, xMax: 1.25, yMin: -1.25, yMax: 1.25 };
    const grid = perceptronGrid([1, 0], -0.5, size, bounds);
    const { xs } = cellCenters(size, [-1.25, 1.25], [-1.25, 1.25]);
    expect(Array.from(grid)).toEqual(Array.from(xs, (x) => (x - 0.5 > 0 ? 1 : 0)));
  });

  it("writes into the caller's buffer and refuses a short one", () => {
    const out = new Float64Array(9);
    expect(perceptronGrid([1, 1], 0, 3, undefined, out)).toBe(out);
    expect(() => perceptronGrid([1, 1], 0, 4, undefined, out)).toThrow(/needs 16/);
    expect(() => perceptronGrid([1, 1], 0, 0)).toThrow(/size/);
  });

  it("is undecided (0.5), never NaN, for non-finite weights", () => {
    expect(Array.from(perceptronGrid([Number.NaN, 1], 0, 2))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});

describe("ruleAccuracy", () => {
  it("counts the points on their labelled side, with H(0) = 0", () => {
    const x = [1, 0, -1, 0, 0, 0, 2, 0];
    expect(ruleAccuracy([1, 0], 0, x, [1, 0, 0, 0])).toBe(0.75);
    expect(ruleAccuracy([1, 0], 0, x, [1, 0, 0, 1])).toBe(1);
    expect(ruleAccuracy([1, 0], 0, [], [])).toBe(0);
  });
});
