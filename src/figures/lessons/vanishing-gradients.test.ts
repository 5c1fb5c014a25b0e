/** The lesson-3 figures draw what the lesson says; their numbers are checked against the lab in src/core/claims. */
import { describe, expect, it } from "vitest";
import {
  backpropByHand,
  gradientNormPerLayer,
  perLayerNorms,
  sigmoidWindow,
  windowRuns,
} from "./vanishing-gradients.ts";

describe("backprop-by-hand", () => {
  it("labels every weight on its wire and every unit's a and δ", () => {
    const body = backpropByHand.build().body;
    for (const w of ["0.5", "−0.3", "0.8", "0.2", "1", "−0.5", "−1", "1.5"]) expect(body).toContain(`>${w}</text>`);
    for (const label of ["a = 0.731", "δ = 0.0507", "p = 0.59", "δ = −0.41"]) expect(body).toContain(label);
  });
});

describe("gradient-norm-per-layer", () => {
  it("draws 11 weight layers for 4 networks, one bar each", () => {
    const chart = gradientNormPerLayer.build();
    expect(chart.table.columns).toHaveLength(5);
    expect(chart.table.rows).toHaveLength(11);
    expect(perLayerNorms().every((n) => n.length === 11 && n.every((v) => v > 0))).toBe(true);
  });
});

describe("sigmoid-window", () => {
  it("tabulates every scale with its ratio at initialisation and after training, and marks the level line", () => {
    const chart = sigmoidWindow.build();
    expect(chart.table.rows).toHaveLength(windowRuns().length);
    expect(chart.table.rows[0]).toEqual([0.25, windowRuns()[0]!.start, windowRuns()[0]!.trained]);
    expect(chart.body).toContain(">level</text>");
  });
});
