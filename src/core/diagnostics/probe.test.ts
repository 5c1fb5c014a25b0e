import { describe, expect, it } from "vitest";
import {
  createPerceptron,
  createTrainer,
  pathProduct,
  predictGrid,
  readLayer,
  writeLayer,
  type TrainerConfig,
} from "../index.ts";

const CHAIN: TrainerConfig = {
  layers: [2, 1, 1, 1, 1],
  hidden: "sigmoid",
  head: "sigmoid",
  loss: "bce",
  init: { kind: "normal", scale: 1.5, bias: 0.2 },
  optimizer: { kind: "sgd", lr: 0.1 },
  seeds: { data: 1, init: 2, batch: 3 },
  dataset: { kind: "circles", n: 20, noise: 0, testFraction: 0 },
};

describe("probes", () => {
  it("the path product is the chain rule: on a width-1 chain it equals ∂a_out/∂x₀", () => {
    const t = createTrainer(CHAIN);
    const factors = new Float64Array(4);
    const fPrime = new Float64Array(4);
    const weights = new Float64Array(4);
    const x0 = 0.3;
    const x1 = -0.4;
    const product = pathProduct(t, x0, x1, [0, 0, 0, 0, 0], factors, fPrime, weights);
    const out = (x: number): number => {
      const g = new Float64Array(1);
      const grid = { xMin: x - 1e-9, xMax: x + 1e-9, yMin: x1 - 1e-9, yMax: x1 + 1e-9 };
      predictGrid(t, 1, g, grid);
      return g[0]!;
    };
    const h = 1e-5;
    const numeric = (out(x0 + h) - out(x0 - h)) / (2 * h);
    expect(Math.abs(product - numeric)).toBeLessThan(1e-9);
    factors.forEach((f, l) => expect(f).toBe(fPrime[l]! * weights[l]!));
    expect(weights[0]).toBe(readLayer(t, 0).W[0]);
    expect(() => pathProduct(t, 0, 0, [0, 1, 0, 0, 0], factors)).toThrow(/path\[1\] must be an integer in \[0, 0\]/);
  });

  it("the decision grid holds class scores in [0, 1], row 0 at the top", () => {
    const t = createTrainer({ ...CHAIN, layers: [2, 1] });
    writeLayer(t, 0, [0, 10], [0]);
    const g = new Float64Array(4 * 4);
    predictGrid(t, 4, g);
    expect(g.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(g[0]).toBeGreaterThan(0.99);
    expect(g[15]).toBeLessThan(0.01);
    expect(() => predictGrid(t, 4, new Float64Array(3))).toThrow(/needs 16/);
    expect(() => writeLayer(t, 0, [1], [0])).toThrow(/W must have 2×1 = 2 entries/);
  });
});

describe("perceptron rule vs gradient descent on a step unit", () => {
  const setup = {
    dataset: { kind: "linear" as const, n: 100, noise: 0, testFraction: 0.2 },
    seeds: { data: 4, init: 5, batch: 6 },
    init: { kind: "normal" as const, scale: 0.5, bias: 0 },
  };

  it("gradient descent gets exactly zero gradient and never moves; the perceptron rule separates the data", () => {
    const gd = createTrainer({
      ...setup,
      layers: [2, 1],
      hidden: "step",
      head: "step",
      loss: "mse",
      optimizer: { kind: "sgd", lr: 1 },
    });
    const before = readLayer(gd, 0);
    gd.step(200);
    const after = readLayer(gd, 0);
    expect(after).toEqual(before);
    expect(gd.diagnostics.layers[0]!.gradNormW).toBe(0);

    const p = createPerceptron({ ...setup, lr: 0.1 });
    expect(Array.from(p.w)).toEqual(Array.from(before.W));
    for (let epoch = 0; epoch < 100 && p.lastEpochMistakes !== 0; epoch++) p.step(p.data.train.n);
    expect(p.lastEpochMistakes).toBe(0);
    expect(p.accuracy("train")).toBe(1);
    expect(p.accuracy("test")).toBeGreaterThan(0.9);
    p.reset();
    expect(Array.from(p.w)).toEqual(Array.from(before.W));
  });
});
