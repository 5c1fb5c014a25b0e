import { describe, expect, it } from "vitest";
import { deadUnits, histogram, l2Norm, meanAbsInto, saturatedCount } from "./statistics.ts";

describe("diagnostic kernels", () => {
  it("histogram: equal bins on [lo, hi], out-of-range values in the end bins, NaN skipped", () => {
    const out = new Float64Array(4);
    histogram(new Float64Array([-5, 0, 0.24, 0.25, 0.5, 0.99, 1, 7, Infinity, -Infinity, NaN]), 11, 0, 1, out);
    expect(Array.from(out)).toEqual([4, 1, 1, 4]);
  });

  it("dead units: a unit is dead when its pre-activation is ≤ 0 on every row", () => {
    const z = new Float64Array([-1, 2, 0, -3, 0.5, -0, -2, -1, -4]);
    const dead = new Uint8Array(3);
    expect(deadUnits(z, 3, 3, dead)).toBe(2);
    expect(Array.from(dead)).toEqual([1, 0, 1]);
    expect(deadUnits(new Float64Array([NaN]), 1, 1, dead)).toBe(0);
  });

  it("mean |δ|, L2 norm and saturation count", () => {
    const out = new Float64Array(1);
    meanAbsInto(new Float64Array([1, -2, 3, -4, 5]), 5, out, 0);
    expect(out[0]).toBe(3);
    expect(l2Norm(new Float64Array([3, 4]), 0, 2)).toBe(5);
    expect(l2Norm(new Float64Array([3e200, 4e200]), 0, 2)).toBeCloseTo(5e200, -186);
    expect(l2Norm(new Float64Array([3e-200, 4e-200]), 0, 2)).toBeCloseTo(5e-200, 210);
    expect(saturatedCount(new Float64Array([0, 0.005, -0.005, 0.2, 1]), 5, new Float64Array([0.01]))).toBe(3);
  });
});
