import { describe, expect, it } from "vitest";
import { axisDomain, axisTicks, layoutFrame, xTickCount, yTickCount } from "./axes.ts";
import { FONT_SIZE, textWidth } from "./style.ts";

describe("ticks", () => {
  it("puts round, readable ticks on a linear axis", () => {
    expect(axisTicks([-8, 8], false, 9)).toEqual({
      ticks: [-8, -6, -4, -2, 0, 2, 4, 6, 8],
      labels: ["−8", "−6", "−4", "−2", "0", "2", "4", "6", "8"],
    });
    expect(axisTicks([0, 1], false, 5).labels).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
  });

  it("puts powers of ten on a log axis, every third decade when room allows", () => {
    const { ticks, labels } = axisTicks([1e-20, 1], true, 7);
    expect(ticks).toEqual([1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1]);
    expect(labels).toEqual(["10⁻¹⁸", "10⁻¹⁵", "10⁻¹²", "10⁻⁹", "10⁻⁶", "10⁻³", "1"]);
  });

  it("spaces tick labels at least two lines apart, and a log axis a little closer", () => {
    expect(yTickCount(216)).toBe(6);
    expect(yTickCount(216, true)).toBe(7);
    expect(xTickCount(390, 2 * 0.6 * FONT_SIZE)).toBe(10);
  });
});

describe("axisDomain", () => {
  it("rounds a log domain out to whole decades and ignores values ≤ 0 and non-finite ones", () => {
    expect(axisDomain({ log: true }, [[0.25, 4.2e-18, 0, -1, Number.NaN, Infinity]])).toEqual([1e-18, 1]);
  });

  it("keeps given ends", () => {
    expect(axisDomain({ min: -8, max: 8 }, [[100]])).toEqual([-8, 8]);
  });
});

describe("layoutFrame", () => {
  it("leaves room left of the plot for the widest y tick label", () => {
    const labels = ["10⁻¹⁸", "1"];
    const { box } = layoutFrame({ height: 300, legend: [], xLabel: "z", yTickLabels: () => labels });
    expect(box.left).toBeGreaterThanOrEqual(textWidth("10⁻¹⁸") + 6);
    expect(box.bottom).toBeLessThan(300 - 2 * FONT_SIZE);
  });

  it("puts the legend above the plot and wraps it into rows", () => {
    const entry = { label: "a long legend entry", swatch: "line" as const, className: "fig-line c1" };
    const one = layoutFrame({ height: 300, legend: [entry], yTickLabels: () => [] });
    const three = layoutFrame({ height: 300, legend: [entry, entry, entry], yTickLabels: () => [] });
    expect(three.box.top).toBeGreaterThan(one.box.top);
    expect(three.head).toContain(">a long legend entry</text>");
  });
});
