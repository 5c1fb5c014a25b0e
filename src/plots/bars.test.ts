import { describe, expect, it } from "vitest";
import { barDomain, barMarker, LOG_BAR_FLOOR } from "./bars.ts";

describe("barDomain", () => {
  const norms = [3e-9, 2e-6, 4e-4, 0.02, 0.7];

  it("rounds a log axis out to whole decades of the finite positive values", () => {
    expect(barDomain([norms, [0, Number.NaN, -1]], true)).toEqual([1e-9, 1]);
  });

  it("keeps given bounds, so bars do not jump while a run trains", () => {
    expect(barDomain([norms], true, 1e-12, 10)).toEqual([1e-12, 10]);
    expect(barDomain([[0.2, 0.9]], false, 0, 1)).toEqual([0, 1]);
  });

  it("fills in a missing bound from the data", () => {
    expect(barDomain([norms], true, 1e-12)).toEqual([1e-12, 1]);
    expect(barDomain([[3, 7]], false, undefined, 100)).toEqual([0, 100]);
  });

  it("starts a linear axis at zero and includes negative values", () => {
    expect(barDomain([[3, 7]], false)).toEqual([0, 8]);
    expect(barDomain([[-2, 3]], false)[0]).toBeLessThanOrEqual(-2);
  });

  it("reaches a given log floor down to the smallest value's decade, so no bar vanishes below it", () => {
    // Sigmoid, 20 layers: the first layers' gradients (3×10⁻¹⁴) sit under the lab's 10⁻¹⁰ floor.
    expect(barDomain([[3e-14, 5e-11, 0.2]], true, 1e-10, 10)).toEqual([1e-14, 10]);
    expect(barDomain([[0.2], [4e-13]], true, 1e-10, 10)).toEqual([1e-13, 10]);
    // ...but not without bound, and zero does not count
    expect(barDomain([[1e-250, 0.2]], true, 1e-10, 10)).toEqual([LOG_BAR_FLOOR, 10]);
    expect(barDomain([[0, 0.2]], true, 1e-10, 10)).toEqual([1e-10, 10]);
    expect(barDomain([[0.2, 0.9]], false, 0, 1)).toEqual([0, 1]);
  });

  it("ignores impossible bounds and never returns NaN", () => {
    expect(barDomain([norms], true, 0, 1)).toEqual([1e-9, 1]);
    expect(barDomain([[Number.NaN]], true)).toEqual([1e-3, 1]);
    expect(barDomain([[Number.NaN]], false, Number.NaN, Infinity)).toEqual([0, 1]);
  });
});

describe("barMarker", () => {
  it("marks what cannot be a bar", () => {
    expect(barMarker(Number.NaN, true)).toBe("—");
    expect(barMarker(Infinity, false)).toBe("—");
    expect(barMarker(0, true)).toBe("0");
    expect(barMarker(-1, true)).toBe("0");
    expect(barMarker(-1, false)).toBeNull();
    expect(barMarker(1e-7, true)).toBeNull();
  });

  it("marks a positive value under the log axis as below its bottom, and zero still as 0", () => {
    expect(barMarker(1e-250, true, 1e-30)).toBe("<10⁻³⁰");
    expect(barMarker(0, true, 1e-30)).toBe("0");
    expect(barMarker(1e-20, true, 1e-30)).toBeNull();
    expect(barMarker(-5, false, 1)).toBeNull();
  });
});
