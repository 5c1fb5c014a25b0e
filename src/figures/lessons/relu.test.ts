/** The lesson-5 figures: ReLU′(0) = 0 at the kink, level bars for tanh + Xavier and ReLU + He, growth per layer. */
import { describe, expect, it } from "vitest";
import { createTrainer, getActivation } from "../../core/index.ts";
import {
  activationRms,
  AT_INIT,
  GROWTH,
  gradientPerLayer,
  gradNormsAtInit,
  growthPerLayer,
  reluActivationGrowth,
  reluAndSlope,
} from "./relu.ts";

describe("relu-and-slope", () => {
  it("marks ReLU′(0) = 0 and draws the slope 0 on the left, 1 on the right", () => {
    const chart = reluAndSlope.build();
    expect(getActivation("relu").df(0)).toBe(0);
    expect(reluAndSlope.caption).toContain("ReLU′(0) = 0");
    for (const [series, z, y] of chart.table.rows as [string, number, number][]) {
      if (series === "ReLU′(z)") expect(y).toBe(z > 0 ? 1 : 0);
      else expect(y).toBe(Math.max(0, z));
    }
  });
});

describe("gradient-per-layer", () => {
  const sigmoid = gradNormsAtInit(AT_INIT.sigmoid);
  const tanh = gradNormsAtInit(AT_INIT.tanh);
  const relu = gradNormsAtInit(AT_INIT.relu);
  const ratio = (v: number[]) => v[0]! / v.at(-1)!;

  it("shows the sigmoid's staircase and level tanh and ReLU bars", () => {
    expect(ratio(sigmoid)).toBeLessThan(1e-4);
    expect(ratio(tanh)).toBeGreaterThan(0.1);
    expect(ratio(tanh)).toBeLessThan(10);
    expect(ratio(relu)).toBeGreaterThan(0.05);
    expect(ratio(relu)).toBeLessThan(10);
    expect(gradientPerLayer.build().table.rows).toHaveLength(11);
  });
});

describe("relu-activation-growth", () => {
  it("shows N(0, 1) weights growing the activations about 4× per layer and He's keeping them level", () => {
    const normal = activationRms(createTrainer(GROWTH.normal));
    const he = activationRms(createTrainer(GROWTH.he));
    expect(growthPerLayer(normal)).toBeGreaterThan(3.5);
    expect(growthPerLayer(normal)).toBeLessThan(4.2);
    expect(growthPerLayer(he)).toBeGreaterThan(0.85);
    expect(growthPerLayer(he)).toBeLessThan(1.15);
    expect(reluActivationGrowth.caption).toContain("3.8× per layer");
  });
});
