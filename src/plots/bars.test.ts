import { describe, expect, it } from "vitest";
import { barDomain, barLayout, barMarker, labelFit, LOG_BAR_FLOOR, valueText } from "./bars.ts";

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

describe("barLayout", () => {
  it("centres each label on its own bar, a pinned run's too, however narrow the chart", () => {
    for (const width of [120, 300, 900]) {
      const b = barLayout(5, 48, width, true);
      for (let i = 0; i < 5; i++) {
        for (const which of [0, 1] as const) expect(b.centre(i, which)).toBeCloseTo(b.x(i, which) + b.barW / 2, 9);
        // The pinned bar sits right of the run's, inside the layer's band.
        expect(b.x(i, 1)).toBeGreaterThan(b.x(i, 0) + b.barW);
        expect(b.x(i, 1) + b.barW).toBeLessThanOrEqual(48 + b.band * (i + 1) + 1e-9);
      }
      expect(b.pitch).toBeLessThanOrEqual(b.band);
    }
  });

  it("never gives a negative size for a chart not laid out yet", () => {
    const b = barLayout(3, 48, 0, false);
    expect([b.band, b.barW, b.pitch]).toEqual([0, 0, 0]);
  });
});

describe("labelFit and valueText", () => {
  it("gives one answer for all of a chart's labels: across, turned up, or none", () => {
    expect(labelFit(["12%", "3%"], 40, 11)).toBe("across");
    expect(labelFit(["12%", "100%"], 20, 11)).toBe("up");
    expect(labelFit(["12%"], 8, 11)).toBe("none");
  });

  it("writes shares as whole percentages that never round a sliver to 0% or nearly all to 100%", () => {
    expect([0, 0.001, 0.5, 0.996, 1].map((v) => valueText(v, true))).toEqual(["0%", "<1%", "50%", ">99%", "100%"]);
    expect(valueText(Number.NaN, true)).toBe("—");
    expect(valueText(0.012345, false)).toBe("0.012");
  });
});
