import { describe, expect, it } from "vitest";
import { comparisonPlot, fractionDropped, startLoss, unstableLoss } from "./loss-compare.ts";

const curves = [
  { label: "a", color: "red", steps: [0, 10, 20], losses: [4, 2, 1] },
  { label: "b", color: "blue", steps: [0, 10, 25], losses: [0.5, 0.5, 0.49] },
];

describe("loss comparison", () => {
  it("measures how much of the starting loss is gone", () => {
    expect(startLoss([Number.NaN, 3, 2])).toBe(3);
    expect(fractionDropped(4, 1)).toBe(0.75);
    expect(fractionDropped(0, 1)).toBeNaN();
    expect(fractionDropped(4, Number.NaN)).toBeNaN();
  });

  it("divides each curve by its own start when relative", () => {
    const plot = comparisonPlot(curves, true, false);
    expect(Array.from(plot.series[0]!.ys)).toEqual([1, 0.5, 0.25]);
    expect(Array.from(plot.series[1]!.ys)).toEqual([1, 1, 0.98]);
    expect(plot.x).toEqual({ min: 0, max: 25, label: "step" });
    expect(plot.y.min).toBe(0);
    expect(plot.y.max).toBeCloseTo(1.05, 12);
  });

  it("gives finite log bounds starting at a decade, even with no data", () => {
    const plot = comparisonPlot(curves, false, true);
    expect(plot.y.min).toBe(0.1);
    expect(plot.y.max).toBe(6);
    const empty = comparisonPlot([{ label: "a", color: "red", steps: [], losses: [] }], true, true);
    expect(Number.isFinite(empty.y.min) && Number.isFinite(empty.y.max) && empty.y.max > empty.y.min).toBe(true);
    expect(empty.x.max).toBe(10);
  });
});

describe("unstableLoss", () => {
  it("flags a loss above 10× its start (learning rate 100: 1.1 → 360), and nothing below or without numbers", () => {
    expect(unstableLoss(1.1, 360)).toEqual({ from: 1.1, to: 360 });
    expect(unstableLoss(1.1, 10)).toBeNull();
    expect(unstableLoss(1.1, null)).toBeNull();
    expect(unstableLoss(Number.NaN, 360)).toBeNull();
    expect(unstableLoss(1.1, Infinity)).toBeNull();
  });
});
