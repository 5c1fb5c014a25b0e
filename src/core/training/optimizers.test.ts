import { describe, expect, it } from "vitest";
import { Optimizer } from "./optimizers.ts";

describe("optimisers (PyTorch forms)", () => {
  it("momentum with θ₀ = 1, lr = 0.1, μ = 0.9, g ≡ 1 gives 0.9, 0.71, 0.439", () => {
    const opt = new Optimizer({ kind: "momentum", lr: 0.1, momentum: 0.9 }, 1);
    const theta = new Float64Array([1]);
    const g = new Float64Array([1]);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      opt.step(theta, g);
      seen.push(theta[0]!);
    }
    expect(seen[0]).toBeCloseTo(0.9, 15);
    expect(seen[1]).toBeCloseTo(0.71, 15);
    expect(seen[2]).toBeCloseTo(0.439, 15);
  });

  it("Adam's first step is −lr·g/(|g| + ε)", () => {
    const gs = [3, -0.02, 1e-9, 0];
    const opt = new Optimizer({ kind: "adam", lr: 0.01 }, gs.length);
    const theta = new Float64Array(gs.length);
    opt.step(theta, new Float64Array(gs));
    gs.forEach((g, i) => {
      const expected = (-0.01 * g) / (Math.abs(g) + 1e-8);
      expect(Math.abs(theta[i]! - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));
    });
  });

  it("plain SGD: θ −= lr·g, with weight decay added to the gradient", () => {
    const opt = new Optimizer({ kind: "sgd", lr: 0.5, weightDecay: 0.1 }, 2);
    const theta = new Float64Array([2, -1]);
    opt.step(theta, new Float64Array([1, 1]));
    expect(theta[0]).toBeCloseTo(2 - 0.5 * (1 + 0.2), 15);
    expect(theta[1]).toBeCloseTo(-1 - 0.5 * (1 - 0.1), 15);
  });

  it("the learning rate can change mid-run without resetting state, and reset forgets the state", () => {
    const opt = new Optimizer({ kind: "momentum", lr: 0.1, momentum: 0.9 }, 1);
    const theta = new Float64Array([1]);
    const g = new Float64Array([1]);
    opt.step(theta, g);
    opt.lr = 1;
    opt.step(theta, g);
    expect(theta[0]).toBeCloseTo(0.9 - 1.9, 14);
    opt.reset();
    expect(opt.steps).toBe(0);
    opt.step(theta, g);
    expect(theta[0]).toBeCloseTo(0.9 - 1.9 - 1, 14);
  });
});
