import { describe, expect, it } from "vitest";
import { BoundedHistory } from "../../src/plots/downsample.ts";
import type { LayerSnapshot } from "../../src/worker/protocol.ts";
import {
  boundaryRows,
  deadCount,
  gradientHistory,
  gradientRows,
  instrumentSummary,
  layerLabels,
  ratioVerdict,
  unitLayers,
} from "./instruments.ts";

const layer = (gradNormW: number, updateRatio: number): LayerSnapshot => ({
  units: 4,
  distinctUnits: 4,
  gradNormW,
  gradNormB: 0,
  meanAbsDelta: 0,
  saturation: 0,
  deadUnits: 0,
  updateRatio,
});

describe("sandbox instruments", () => {
  it("labels weight layers from the input, the last one 'out'", () => {
    expect(layerLabels(3)).toEqual(["L1", "L2", "out"]);
    expect(layerLabels(1)).toEqual(["out"]);
  });

  it("lays the gradient-norm history out as layers × steps, row-major", () => {
    // Rows after the step: [trainLoss, testLoss, grad L1, grad out, dead L1, dead out, sat L1, sat out].
    const h = new BoundedHistory(16, 8);
    h.push(0, [1, 1, 0.1, 0.2, 0, 0, 0, 0]);
    h.push(1, [1, 1, 0.3, 0.4, 0, 0, 0, 0]);
    h.push(2, [1, 1, 0.5, 0.6, 0, 0, 0, 0]);
    const g = gradientHistory(h, 2);
    expect(g.rows).toEqual(["L1", "out"]);
    expect(g.columns).toBe(3);
    expect(Array.from(g.values)).toEqual([0.1, 0.3, 0.5, 0.2, 0.4, 0.6]);
    expect(Array.from(g.steps)).toEqual([0, 1, 2]);
    // A history of another depth (before the new run's first rows) gives an empty, not a wrong, picture.
    expect(Array.from(gradientHistory(new BoundedHistory(16, 2), 2).values)).toEqual([]);
  });

  it("splits the dead-since list by hidden layer and counts the dead", () => {
    const units = unitLayers([-1, 12, -1, -1, 30], [3, 3]);
    expect(units).toEqual([
      { label: "L1", states: [-1, 12, -1] },
      { label: "L2", states: [-1, 30, -1] },
    ]);
    expect(deadCount(units)).toEqual({ dead: 2, total: 6 });
  });

  it("judges the update-to-weight ratio against the 10⁻³ rule of thumb", () => {
    expect([1e-6, 1e-3, 0.5, Number.NaN].map(ratioVerdict)).toEqual(["too small", "healthy", "too large", "no value"]);
  });

  it("summarises the instruments in one line", () => {
    const text = instrumentSummary([layer(3e-5, 1e-3), layer(0.02, 1e-3)], unitLayers([-1, 5], [2]));
    expect(text).toBe(
      "first-layer gradient 3×10⁻⁵, output layer 0.02; 1 of 2 hidden units dead; update ratio of L1 0.001 (healthy)",
    );
    expect(instrumentSummary([], [])).toBe("");
    // Only ReLU (and step) units die: under sigmoid the same unit is inactive, and the line never says "dead".
    const sigmoid = instrumentSummary([layer(3e-5, 1e-3), layer(0.02, 1e-3)], unitLayers([-1, 5], [2]), "sigmoid");
    expect(sigmoid).toContain("1 of 2 hidden units inactive (z ≤ 0 on every point)");
    expect(sigmoid).not.toContain("dead");
  });

  it("offers the heatmap as at most 25 evenly spread rows of [step, norm per layer]", () => {
    const g = { rows: ["L1", "out"], columns: 3, values: [0.1, 0.3, 0.5, 0.2, 0.4, 0.6], steps: [0, 1, 2] };
    expect(gradientRows(g)).toEqual([
      [0, 0.1, 0.2],
      [1, 0.3, 0.4],
      [2, 0.5, 0.6],
    ]);
    const long = {
      rows: ["L1"],
      columns: 100,
      values: Array.from({ length: 100 }, (_, j) => j),
      steps: Array.from({ length: 100 }, (_, j) => 10 * j),
    };
    const rows = gradientRows(long);
    expect(rows).toHaveLength(25);
    expect([rows[0], rows.at(-1)]).toEqual([
      [0, 0],
      [990, 99],
    ]);
  });

  it("reads the model's answer at each point from the decision grid", () => {
    // A 2×2 grid over [−1.25, 1.25]²: P(class 1) is 0.9 on the right half, 0.2 on the left.
    const grid = [0.2, 0.9, 0.2, 0.9];
    const data = {
      classes: 2,
      trainX: Float64Array.from([0.5, 0.5, -0.5, -0.5]),
      trainLabels: Int32Array.from([1, 1]),
      testX: Float64Array.from([2, 0]),
      testLabels: Int32Array.from([0]),
    };
    expect(boundaryRows(grid, 2, data)).toEqual([
      ["train", 0.5, 0.5, "class 1", "class 1", 0.9],
      ["train", -0.5, -0.5, "class 1", "class 0", 0.8],
      ["test", 2, 0, "class 0", "—", "—"],
    ]);
    expect(boundaryRows(null, 0, null)).toEqual([]);
  });
});
