/** The lesson-8 figures show what their captions say: BCE's output gradient stays near 1 where MSE's collapses; p − y. */
import { describe, expect, it } from "vitest";
import { sigmoid, sigmoidDerivative, tanhDerivative } from "../../core/index.ts";
import { outputGradient, outputGradientByLogit, softmaxWorkedExample, START } from "./output-layers-and-losses.ts";

describe("output-gradient-by-logit", () => {
  const chart = outputGradientByLogit.build();

  it("is the core's ∂L/∂z: a − y under BCE, 2(a − y)σ′(z) under MSE, 2(tanh z − 1)tanh′(z) for tanh", () => {
    for (const z of [-12, -10, -3, 0, 4]) {
      expect(outputGradient("sigmoid", "bce", z)).toBeCloseTo(sigmoid(z) - 1, 15);
      expect(outputGradient("sigmoid", "mse", z)).toBeCloseTo(2 * (sigmoid(z) - 1) * sigmoidDerivative(z), 15);
      expect(outputGradient("tanh", "mse", z)).toBeCloseTo(2 * (Math.tanh(z) - 1) * tanhDerivative(z), 15);
    }
  });

  it("tabulates |∂L/∂z|: near 1 for BCE when confidently wrong, smaller the further left for both MSE pairings", () => {
    expect(chart.table.columns).toEqual(["logit z", "sigmoid + MSE", "sigmoid + BCE", "tanh + MSE"]);
    const row = chart.table.rows.find((r) => r[0] === START) as number[];
    expect(row[2]).toBeCloseTo(0.99995, 5);
    expect(row[1]).toBeCloseTo(9.08e-5, 7);
    expect(row[3]).toBeCloseTo(3.3e-8, 9);
    const first = chart.table.rows[0] as number[];
    expect(first[1]).toBeLessThan(row[1]!);
    expect(first[3]).toBeLessThan(row[3]!);
  });

  it("caption: at z = −10, 0.99995 under BCE, 9.1×10⁻⁵ under sigmoid + MSE, 3.3×10⁻⁸ under tanh + MSE", () => {
    expect(outputGradientByLogit.caption).toContain(
      "At z = −10, where the lab starts: 0.99995 under BCE, 9.1×10⁻⁵ under sigmoid + MSE, 3.3×10⁻⁸ under tanh + MSE.",
    );
  });
});

describe("softmax-worked-example", () => {
  const chart = softmaxWorkedExample.build();

  it("tabulates logits [2, 1, 0.1], p ≈ [0.659, 0.242, 0.099] and p − y ≈ [−0.341, 0.242, 0.099]", () => {
    const [z, p, g] = [1, 2, 3].map((j) => chart.table.rows.map((r) => r[j] as number));
    expect(z).toEqual([2, 1, 0.1]);
    [0.659, 0.242, 0.099].forEach((v, j) => expect(p![j]).toBeCloseTo(v, 3));
    [-0.341, 0.242, 0.099].forEach((v, j) => expect(g![j]).toBeCloseTo(v, 3));
    expect(p!.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    expect(softmaxWorkedExample.caption).toContain("negative only for the true class (−0.341)");
  });
});
