/**
 * Claim tests for the lesson "Leaky ReLU and friends" (content/lessons/07-leaky-relu-and-friends). Each test
 * name quotes the lesson's sentence. The training claims use the dying-ReLU lab's network
 * (labs/dying-relu/settings.ts, drConfig) with the lesson's preset: Leaky ReLU, α = 0.01, every bias −0.5, seed 3.
 */
import { describe, expect, it } from "vitest";
import { createTrainer, getActivation, type Trainer } from "../index.ts";

/** Tests that train thousands of steps get room on a busy machine (each takes a few seconds alone). */
const SLOW = 60_000;

function labNetwork(hidden: "relu" | "leaky-relu", alpha: number): Trainer {
  return createTrainer({
    layers: [2, 16, 16, 1],
    hidden,
    alpha,
    head: "sigmoid",
    loss: "bce",
    init: { kind: "he-normal", bias: -0.5 },
    optimizer: { kind: "sgd", lr: 0.1 },
    batchSize: "full",
    seeds: { data: 3, init: 3, batch: 3 },
    dataset: { kind: "moons", n: 200, noise: 0.1, testFraction: 0.25 },
  });
}

/** The step (counted from 0) at which the training loss, measured at every step, first falls below `level`. */
function stepBelow(t: Trainer, level: number, maxSteps: number): number {
  while (t.steps < maxSteps) {
    t.step(1);
    if (t.diagnostics.trainLoss < level) return t.steps;
  }
  return Infinity;
}

describe("lesson: Leaky ReLU and friends", () => {
  it("with α = 0.01: f(−0.01) = −0.0001, f(−5) = −0.05, f(−100) = −1, f(3) = 3; the slope is 0.01 on the left and 1 on the right", () => {
    const f = getActivation("leaky-relu", 0.01);
    expect(f.f(-0.01)).toBeCloseTo(-0.0001, 15);
    expect(f.f(-5)).toBeCloseTo(-0.05, 15);
    expect(f.f(-100)).toBeCloseTo(-1, 15);
    expect(f.f(3)).toBe(3);
    for (const x of [-100, -5, -0.01]) expect(f.df(x)).toBe(0.01);
    expect(f.df(3)).toBe(1);
  });

  it("PyTorch's default is α = 0.01, and at the kink x = 0 it uses the slope α", () => {
    expect(getActivation("leaky-relu").df(-1)).toBe(0.01);
    expect(getActivation("leaky-relu", 0.2).df(0)).toBe(0.2);
  });

  it("the max form works because α < 1: max(αx, x) is x for positive x and αx for negative x", () => {
    for (const alpha of [0.01, 0.2, 0.5]) {
      const f = getActivation("leaky-relu", alpha);
      for (const x of [-7, -1, -0.3, 0.3, 1, 7]) expect(Math.max(alpha * x, x)).toBe(f.f(x));
    }
  });

  it("with α = 0.1 the explorer reads f(−3) = −0.3 and f′(−3) = 0.1", () => {
    const f = getActivation("leaky-relu", 0.1);
    expect(f.f(-3)).toBeCloseTo(-0.3, 15);
    expect(f.df(-3)).toBe(0.1);
  });

  it("exercise 2: at α = 2, max(αx, x) is 2x for positive x and x for negative x", () => {
    for (const x of [-3, -0.5]) expect(Math.max(2 * x, x)).toBe(x);
    for (const x of [0.5, 3]) expect(Math.max(2 * x, x)).toBe(2 * x);
  });

  it(
    "with α = 0.01 it recovers slowly: the loss drops below 0.3 at about step 2,500; with α = 0.2 at about step 300, more than eight times sooner",
    () => {
      const slow = stepBelow(labNetwork("leaky-relu", 0.01), 0.3, 4000);
      const fast = stepBelow(labNetwork("leaky-relu", 0.2), 0.3, 4000);
      expect(slow).toBeGreaterThan(2400);
      expect(slow).toBeLessThan(2600);
      expect(fast).toBeGreaterThan(250);
      expect(fast).toBeLessThan(350);
      expect(slow / fast).toBeGreaterThan(8);
    },
    SLOW,
  );

  it("the lab opens after 100 steps with the loss stuck at 0.693 (α = 0.01)", () => {
    const t = labNetwork("leaky-relu", 0.01);
    t.step(100);
    expect(t.diagnostics.trainLoss).toBeCloseTo(0.693, 3);
  });

  it(
    "compare ReLU: the same network sat at 0.69 for about 3,900 steps and got below 0.3 only near step 4,200",
    () => {
      const t = labNetwork("relu", 0.01);
      const sat = stepBelow(t, 0.6, 5000);
      expect(sat).toBeGreaterThan(3800);
      expect(sat).toBeLessThan(4000);
      const below = stepBelow(t, 0.3, 5000);
      expect(below).toBeGreaterThan(4150);
      expect(below).toBeLessThan(4300);
      const early = labNetwork("relu", 0.01);
      early.step(3500);
      expect(early.diagnostics.trainLoss).toBeCloseTo(0.69, 2);
    },
    SLOW,
  );

  it("exercise 3: with Σ ∂L/∂a = −4 the bias gradient is 0 under ReLU, −0.04 with α = 0.01 and −0.8 with α = 0.2, twenty times more", () => {
    const upstream = [-1.5, -2, -0.5];
    const z = [-0.3, -1.2, -2.5];
    const gradB = (name: "relu" | "leaky-relu", alpha?: number) => {
      const f = getActivation(name, alpha);
      return z.reduce((s, zn, n) => s + f.df(zn) * upstream[n]!, 0);
    };
    expect(gradB("relu")).toBe(0);
    expect(gradB("leaky-relu", 0.01)).toBeCloseTo(-0.04, 15);
    expect(gradB("leaky-relu", 0.2)).toBeCloseTo(-0.8, 15);
    expect(gradB("leaky-relu", 0.2) / gradB("leaky-relu", 0.01)).toBeCloseTo(20, 10);
  });

  it("ELU with α = 1 levels off at −α: ELU(−3) ≈ −0.950 and ELU′(−3) ≈ 0.0498; ELU′(−10) ≈ 0.0000454", () => {
    const elu = getActivation("elu");
    expect(elu.f(-3)).toBeCloseTo(-0.95, 3);
    expect(elu.df(-3)).toBeCloseTo(0.0498, 4);
    expect(elu.df(-10)).toBeCloseTo(0.0000454, 7);
    expect(elu.f(-40)).toBeCloseTo(-1, 12);
  });

  it("GELU dips to about −0.170 at x ≈ −0.75, where its slope passes through 0; SiLU to about −0.278 at x ≈ −1.28", () => {
    const minimum = (name: "gelu" | "silu") => {
      const f = getActivation(name);
      let best = { x: 0, y: 0 };
      for (let x = -4; x <= 0; x += 1e-4) if (f.f(x) < best.y) best = { x, y: f.f(x) };
      return best;
    };
    const g = minimum("gelu");
    const s = minimum("silu");
    expect(g.y).toBeCloseTo(-0.17, 3);
    expect(g.x).toBeCloseTo(-0.75, 2);
    expect(s.y).toBeCloseTo(-0.278, 3);
    expect(s.x).toBeCloseTo(-1.28, 2);
    // the explorer's caption: GELU's slope passes through 0 at the bottom of its dip, near x ≈ −0.75
    expect(Math.abs(getActivation("gelu").df(g.x))).toBeLessThan(1e-3);
    expect(getActivation("gelu").df(-1)).toBeLessThan(0);
    expect(getActivation("gelu").df(-0.5)).toBeGreaterThan(0);
  });

  it("the explorer's preset: with threshold 0.05 and α = 0.1, Leaky ReLU's |f′| is below the threshold nowhere; with α = 0.01, everywhere on the left", () => {
    for (const x of [-6, -1, 0, 1, 6])
      expect(Math.abs(getActivation("leaky-relu", 0.1).df(x))).toBeGreaterThanOrEqual(0.05);
    for (const x of [-6, -1, -0.001]) expect(Math.abs(getActivation("leaky-relu", 0.01).df(x))).toBeLessThan(0.05);
  });
});
