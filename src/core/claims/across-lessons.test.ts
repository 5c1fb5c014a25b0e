/** Claim tests: each reproduces, with numbers, a sentence a lesson states. The test name quotes the sentence. */
import { describe, expect, it } from "vitest";
import { sigmoid, sigmoidDerivative } from "../activations/sigmoid.ts";
import { headForward } from "../network/heads.ts";
import { createTrainer, outputGradientParts, type TrainerConfig } from "../index.ts";
import type { LossName } from "../losses/losses.ts";
import { lossGradientWrtOutput, outputDelta } from "../losses/output-gradient.ts";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function deepNet(hidden: TrainerConfig["hidden"], init: TrainerConfig["init"], seed: number): TrainerConfig {
  return {
    layers: [2, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 1],
    hidden,
    head: "sigmoid",
    loss: "bce",
    init,
    optimizer: { kind: "sgd", lr: 0.1 },
    seeds: { data: 1, init: seed, batch: 1 },
    dataset: { kind: "moons", n: 256, noise: 0.05, testFraction: 0.25 },
  };
}

/** ‖∂L/∂W‖ of the last layer over that of the first, at initialisation. */
function lastOverFirst(config: TrainerConfig): number {
  const t = createTrainer(config);
  expect(t.evaluate()).toBe(true);
  const layers = t.diagnostics.layers;
  return layers[layers.length - 1]!.gradNormW / layers[0]!.gradNormW;
}

describe("claims", () => {
  it("in a 10-layer sigmoid network with a naive initialisation the first layer's gradient norm is more than 10× smaller than the last layer's", () => {
    for (const seed of SEEDS)
      expect(lastOverFirst(deepNet("sigmoid", { kind: "uniform", scale: 1 }, seed))).toBeGreaterThan(10);
  });

  it("far less so with ReLU and He initialisation", () => {
    for (const seed of SEEDS) expect(lastOverFirst(deepNet("relu", { kind: "he-normal" }, seed))).toBeLessThan(10);
  });

  it("a ReLU network with a strongly negative bias has dead units whose gradients are exactly 0, while Leaky ReLU's are not", () => {
    const config = (hidden: TrainerConfig["hidden"]): TrainerConfig => ({
      layers: [2, 16, 16, 1],
      hidden,
      alpha: 0.01,
      head: "sigmoid",
      loss: "bce",
      init: { kind: "he-normal", bias: -1.5 },
      optimizer: { kind: "sgd", lr: 0.1 },
      seeds: { data: 1, init: 2, batch: 3 },
      dataset: { kind: "moons", n: 200, noise: 0.1, testFraction: 0.25 },
    });
    const relu = createTrainer(config("relu"));
    const leaky = createTrainer(config("leaky-relu"));
    relu.evaluate();
    leaky.evaluate();
    let dead = 0;
    for (let l = 0; l < 2; l++) {
      const layer = relu.diagnostics.layers[l]!;
      const width = relu.config.layers[l + 1]!;
      const fanIn = relu.config.layers[l]!;
      expect(leaky.diagnostics.layers[l]!.dead).toEqual(layer.dead);
      for (let j = 0; j < width; j++) {
        if (!layer.dead[j]) continue;
        dead++;
        let leakyNonZero = false;
        for (let i = 0; i < fanIn; i++) {
          expect(relu.mlp.dW[l]![i * width + j]).toBe(0);
          if (leaky.mlp.dW[l]![i * width + j] !== 0) leakyNonZero = true;
        }
        expect(relu.mlp.db[l]![j]).toBe(0);
        expect(leaky.mlp.db[l]![j]).not.toBe(0);
        expect(leakyNonZero).toBe(true);
      }
    }
    expect(dead).toBeGreaterThan(4);
    relu.step(50);
    expect(relu.diagnostics.layers[1]!.deadUnits).toBeGreaterThan(0);
  });

  it("at z = −10, y = 1, dL/dz ≈ −9.08e-5 for sigmoid+MSE and ≈ −0.99995 for sigmoid+BCE", () => {
    const z = new Float64Array([-10]);
    const y = new Float64Array([1]);
    const a = new Float64Array(1);
    const fp = new Float64Array(1);
    const dLdz = (loss: LossName): number => {
      const d = new Float64Array(1);
      headForward("sigmoid", z, a, fp, 1, 1);
      outputDelta(loss, z, a, fp, y, 1, 1, d);
      return d[0]!;
    };
    const mse = dLdz("mse");
    const bce = dLdz("bce");
    expect(mse).toBeCloseTo(-9.08e-5, 7);
    expect(mse).toBe(2 * (sigmoid(-10) - 1) * sigmoidDerivative(-10));
    expect(bce).toBeCloseTo(-0.99995, 5);
    expect(bce).toBe(sigmoid(-10) - 1);
    const dLda = new Float64Array(1);
    lossGradientWrtOutput("mse", z, a, fp, y, 1, 1, dLda);
    expect(dLda[0]! * fp[0]!).toBe(mse);
    expect(bce / mse).toBeGreaterThan(10000);
  });

  it("the output gradient splits as ∂L/∂a · σ′(z) over a training set, and σ′(z) cancels under BCE", () => {
    const base: TrainerConfig = {
      layers: [2, 4, 1],
      hidden: "tanh",
      head: "sigmoid",
      loss: "mse",
      init: { kind: "normal", scale: 3, bias: 0 },
      optimizer: { kind: "sgd", lr: 0.1 },
      seeds: { data: 1, init: 2, batch: 3 },
      dataset: { kind: "linear", n: 40, noise: 0, testFraction: 0 },
    };
    for (const loss of ["mse", "bce"] as const) {
      const t = createTrainer({ ...base, loss });
      const n = t.dataset.train.n;
      const [dLda, dadz, dLdz] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
      outputGradientParts(t, dLda, dadz, dLdz);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(dLda[i]! * dadz[i]! - dLdz[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(dLdz[i]!) + 1e-300);
        if (loss === "bce") expect(Math.abs(dLdz[i]!)).toBeLessThanOrEqual(1 / n);
      }
    }
  });
});
