import { describe, expect, it } from "vitest";
import { barDomain, barMarker } from "./bars.ts";

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
});
