import { describe, expect, it } from "vitest";
import { BoundedHistory } from "../../src/plots/downsample.ts";
import { LIMITS } from "../../src/core/index.ts";
import { drConfig, DR_DEFAULTS, SCHEMA } from "./settings.ts";
import { countsText, offCounts, offFractionSeries, offWord, unitLayers } from "./units.ts";

describe("hidden units in cells", () => {
  it("splits deadSince by the hidden layers' widths, counting from layer 1", () => {
    const layers = unitLayers([-1, 4, -1, 0, 7], [3, 2]);
    expect(layers).toEqual([
      { label: "Layer 1", states: [-1, 4, -1] },
      { label: "Layer 2", states: [0, 7] },
    ]);
    expect(unitLayers([], [2])).toEqual([{ label: "Layer 1", states: [-1, -1] }]);
  });

  it("counts units with z ≤ 0 everywhere and says it as the lab's summary does", () => {
    const counts = offCounts(unitLayers([-1, 4, -1, 0, 7, -1], [3, 3]));
    expect(counts).toEqual({
      off: 3,
      total: 6,
      layers: [
        { off: 1, total: 3 },
        { off: 2, total: 3 },
      ],
    });
    expect(countsText(counts, "relu")).toBe("3 of 6 units dead (layer 1: 1 of 3, layer 2: 2 of 3)");
    expect(countsText(counts, "leaky-relu")).toBe("3 of 6 units inactive (layer 1: 1 of 3, layer 2: 2 of 3)");
    expect(offWord("relu")).toBe("dead");
    expect(offWord("leaky-relu")).toBe("inactive");
  });

  it("reads each hidden layer's dead fraction from the history columns, ending on the latest step", () => {
    // Rows after the step: [trainLoss, testLoss, gradNorm × 3, deadFraction × 3, saturation × 3].
    const h = new BoundedHistory(512, 11);
    for (let s = 0; s <= 100; s++) h.push(s, [1, 1, 0, 0, 0, s / 100, s / 200, 0, 0, 0, 0]);
    const f = offFractionSeries(h, 3);
    expect(f.series.map((s) => s.label)).toEqual(["layer 1", "layer 2"]);
    expect(f.series[0]!.ys[50]).toBe(0.5);
    expect(f.series[1]!.ys[100]).toBe(0.5);
    expect(f.series[1]!.dashed).toBe(true);
    expect(f.x).toEqual({ min: 0, max: 100, label: "step" });
    expect(f.columns).toEqual(["step", "layer 1", "layer 2"]);
    expect(f.rows.length).toBeLessThanOrEqual(52);
    expect(f.rows.at(-1)).toEqual([100, 1, 0.5]);
  });
});

describe("dying-ReLU settings", () => {
  it("describes a [2, 16, 16, 1] He-initialised network whose biases all start at the chosen value", () => {
    const c = drConfig({ ...DR_DEFAULTS, bias: -2, act: "leaky-relu", alpha: 0.3 });
    expect(c.layers).toEqual([2, 16, 16, 1]);
    expect(c.init).toEqual({ kind: "he-normal", bias: -2 });
    expect(c.hidden).toBe("leaky-relu");
    expect(c.alpha).toBe(0.3);
    expect(c.batchSize).toBe("full");
  });

  it("bounds every number within the core's limits", () => {
    expect(SCHEMA.lr.max).toBeLessThanOrEqual(LIMITS.maxLearningRate);
    expect(SCHEMA.alpha.max).toBeLessThanOrEqual(LIMITS.maxAlpha);
    expect(-SCHEMA.bias.min).toBeLessThanOrEqual(LIMITS.maxAbsBias);
    expect(SCHEMA.seed.max).toBeLessThanOrEqual(LIMITS.maxSeed);
  });
});
