import { describe, expect, it } from "vitest";
import { viridis } from "./colormap.ts";
import { colorPosition, columnTicks, heatmapDomain, paintHeatmap } from "./heatmap.ts";

describe("heatmapDomain", () => {
  it("uses whole decades of the positive finite values on a log scale", () => {
    expect(heatmapDomain([2e-7, 0.03, 0, Number.NaN, Infinity], true)).toEqual([1e-7, 0.1]);
  });

  it("keeps a given domain so colours do not jump while a run trains", () => {
    expect(heatmapDomain([5], true, 1e-12, 1)).toEqual([1e-12, 1]);
    expect(heatmapDomain([5], false, 0, 1)).toEqual([0, 1]);
  });

  it("falls back to a finite domain when there is no data", () => {
    expect(heatmapDomain([Number.NaN], false)).toEqual([0, 1]);
    expect(heatmapDomain([], true)).toEqual([1e-3, 1]);
  });
});

describe("colorPosition", () => {
  it("is linear in the value, or in log₁₀ of it", () => {
    expect(colorPosition(0.25, 0, 1, false)).toBe(0.25);
    expect(colorPosition(1e-3, 1e-6, 1, true)).toBeCloseTo(0.5);
  });

  it("clamps out-of-domain values and puts zero at the bottom of a log scale", () => {
    expect(colorPosition(5, 0, 1, false)).toBe(1);
    expect(colorPosition(0, 1e-6, 1, true)).toBe(0);
    expect(colorPosition(-1, 1e-6, 1, true)).toBe(0);
  });

  it("marks non-finite values as no data", () => {
    expect(Number.isNaN(colorPosition(Number.NaN, 0, 1, false))).toBe(true);
    expect(Number.isNaN(colorPosition(Infinity, 0, 1, true))).toBe(true);
  });
});

describe("paintHeatmap", () => {
  it("paints finite cells with viridis and the rest with the no-data colour, opaque", () => {
    const out = new Uint8ClampedArray(4 * 2 * 2);
    const missing = paintHeatmap([0, 1, Number.NaN, 0.5], 2, 2, [0, 1], false, [200, 200, 200], out);
    expect(missing).toBe(1);
    expect([...out.slice(0, 4)]).toEqual([...viridis(0), 255]);
    expect([...out.slice(4, 8)]).toEqual([...viridis(1), 255]);
    expect([...out.slice(8, 12)]).toEqual([200, 200, 200, 255]);
  });

  it("treats cells beyond a short values array as no data, and rejects a wrong buffer", () => {
    const out = new Uint8ClampedArray(4 * 3);
    expect(paintHeatmap([0.5], 1, 3, [0, 1], false, [1, 2, 3], out)).toBe(2);
    expect(() => paintHeatmap([0], 1, 3, [0, 1], false, [1, 2, 3], new Uint8ClampedArray(4))).toThrow(RangeError);
  });
});

describe("columnTicks", () => {
  it("labels round steps at the column where they fall", () => {
    const steps = Array.from({ length: 120 }, (_, j) => j * 10);
    const ticks = columnTicks(steps, 4);
    expect(ticks.map((t) => t.value)).toEqual([0, 500, 1000]);
    expect(ticks[0]!.at).toBeCloseTo(0.5 / 120);
    expect(ticks[1]!.at).toBeCloseTo(50.5 / 120);
  });

  it("interpolates between unevenly spaced steps, such as a compressed history", () => {
    const ticks = columnTicks([0, 100, 300, 500], 3);
    expect(ticks.map((t) => t.value)).toEqual([0, 200, 400]);
    expect(ticks[1]!.at).toBeCloseTo(2 / 4);
    expect(ticks[2]!.at).toBeCloseTo(3 / 4);
  });

  it("copes with one column, no columns and non-finite steps", () => {
    expect(columnTicks([42], 4)).toEqual([{ value: 42, at: 0.5 }]);
    expect(columnTicks([], 4)).toEqual([]);
    expect(columnTicks([Number.NaN, 0, 10, Number.NaN], 2).map((t) => t.value)).toEqual([0, 5, 10]);
  });
});
