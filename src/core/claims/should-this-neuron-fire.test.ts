/**
 * Claim tests for the lesson "Should this neuron fire?" (content/lessons/01-should-this-neuron-fire).
 * Each test name quotes the lesson's sentence; the numbers are computed with the core's public API, and the sandbox's
 * sentences run its "linear-stack" preset through the worker's session (labSession), as the lab does.
 */
import { describe, expect, it } from "vitest";
import { ActivationExplorerLab } from "../../../labs/activation-explorer/activation-explorer.svelte.ts";
import { PRESETS as EXPLORER } from "../../../labs/activation-explorer/presets.ts";
import { SB_WARMUP } from "../../../labs/sandbox/settings.ts";
import {
  boundaryRuns,
  linearStackConfig,
  linearVsCurvedBoundary,
  neuronOutputs,
  oneNeuron,
  SANDBOX_STEPS,
} from "../../figures/lessons/should-this-neuron-fire.ts";
import { getActivation, predictGrid, readLayer, SATURATION_THRESHOLD, sigmoid, type Trainer } from "../index.ts";
import { labSession } from "./lab-runs.ts";

const step = getActivation("step");
const relu = getActivation("relu").f;

/** z = w·x + b for one neuron. */
function weightedSum(w: readonly number[], x: readonly number[], b: number): number {
  return w.reduce((sum, wi, i) => sum + wi * x[i]!, b);
}

/** Row vector times matrix: (1×k)·(k×m) → 1×m; W row-major. */
function rowTimes(x: readonly number[], W: ArrayLike<number>, m: number): number[] {
  const out = new Array<number>(m).fill(0);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < m; j++) out[j]! += x[i]! * W[i * m + j]!;
  return out;
}

/** The sandbox as lesson 1 opens it (the "linear-stack" preset), with settings changed on top; it opens after SB_WARMUP steps. */
function sandbox(patch: Record<string, unknown> = {}): Trainer {
  return labSession("sandbox", "linear-stack", patch).trainer;
}

describe("Should this neuron fire?", () => {
  it("x = (1.0, 2.0), w = (0.5, −0.25), b = 0.1 gives z = 0.1; the step outputs 1 and the sigmoid σ(0.1) ≈ 0.525 (and the figure draws them)", () => {
    const z = weightedSum([0.5, -0.25], [1, 2], 0.1);
    expect(z).toBeCloseTo(0.1, 15);
    expect(step.f(z)).toBe(1);
    expect(sigmoid(z)).toBeCloseTo(0.525, 3);
    expect(neuronOutputs()).toEqual({ z, step: 1, sigmoid: sigmoid(z) });
    const drawn = oneNeuron.build().body;
    for (const label of ["w₁ = 0.5", "w₂ = −0.25", "z = 0.1", "step: 1", "σ: 0.525"]) expect(drawn).toContain(label);
  });

  it("with b = −0.2 the step flips to 0, while the sigmoid moves only from 0.525 to σ(−0.2) ≈ 0.450", () => {
    const z = weightedSum([0.5, -0.25], [1, 2], -0.2);
    expect(z).toBeCloseTo(-0.2, 15);
    expect(step.f(z)).toBe(0);
    expect(sigmoid(z)).toBeCloseTo(0.45, 3);
    expect(sigmoid(0.1) - sigmoid(z)).toBeLessThan(0.08);
  });

  it("D linear layers equal one layer with W′ = W₁W₂⋯W_D and b′ = b₁W₂ + b₂ (folded layer by layer): a deep linear network draws one straight line", () => {
    // Identity hidden layers, trained a little so the biases are not 0; the network's own predictions must
    // equal σ(x·W′ + b′) for the collapsed single layer, everywhere on the plotting grid.
    const t = sandbox({ seed: 3, bias: 0.1 });
    t.step(50);
    const depth = t.config.layers.length - 1;
    let W: number[] = [1, 0, 0, 1]; // 2×2 identity, row-major
    let b: number[] = [0, 0];
    let cols = 2;
    for (let l = 0; l < depth; l++) {
      const layer = readLayer(t, l);
      const m = layer.b.length;
      const next = new Array<number>(2 * m).fill(0);
      for (let r = 0; r < 2; r++) {
        const row = rowTimes(W.slice(r * cols, (r + 1) * cols), layer.W, m);
        for (let j = 0; j < m; j++) next[r * m + j] = row[j]!;
      }
      b = rowTimes(b, layer.W, m).map((v, j) => v + layer.b[j]!);
      W = next;
      cols = m;
    }
    const size = 16;
    const grid = new Float64Array(size * size);
    predictGrid(t, size, grid);
    const extent = 1.25;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const x0 = -extent + ((c + 0.5) * 2 * extent) / size;
        const x1 = extent - ((r + 0.5) * 2 * extent) / size;
        expect(grid[r * size + c]).toBeCloseTo(sigmoid(x0 * W[0]! + x1 * W[1]! + b[0]!), 12);
      }
    }
  });

  it("on the circles dataset a linear network gets stuck between 50% and 65% accuracy, whatever its depth; with tanh or ReLU the same network reaches more than 98% of the training points within 150 steps", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const layers of [0, 3]) {
        const linear = sandbox({ seed, layers });
        linear.step(1000);
        linear.evaluate();
        expect(linear.diagnostics.trainAccuracy).toBeGreaterThan(0.5);
        expect(linear.diagnostics.trainAccuracy).toBeLessThan(0.65);
      }
      for (const act of ["tanh", "relu"] as const) {
        const curved = sandbox({ seed, act });
        curved.step(SB_WARMUP);
        curved.evaluate();
        expect(curved.diagnostics.trainAccuracy).toBeGreaterThan(0.98);
      }
    }
  }, 60_000);

  it("the sandbox preset (seed 1): the identity network's accuracy stays near 61%", () => {
    const s = labSession("sandbox", "linear-stack");
    for (const steps of [SB_WARMUP, 1000]) {
      s.step(steps - s.trainer.steps);
      expect(s.snapshot(0).trainAccuracy).toBeCloseTo(0.61, 2);
    }
  });

  it("the figure: the same network after the same 150 steps, with the identity (61% of the training points right) and with tanh (100%), is the sandbox's run", () => {
    expect(SANDBOX_STEPS).toBe(SB_WARMUP);
    for (const run of boundaryRuns()) {
      const s = labSession("sandbox", "linear-stack", { act: run.hidden });
      expect(s.spec.config).toEqual(linearStackConfig(run.hidden));
      s.step(SB_WARMUP);
      const opened = s.snapshot(0);
      expect([opened.trainAccuracy, opened.testAccuracy]).toEqual([run.train, run.test]);
    }
    const [linear, curved] = boundaryRuns();
    expect(Math.round(100 * linear!.train)).toBe(61);
    expect(Math.round(100 * curved!.train)).toBe(100);
    expect(linearVsCurvedBoundary.caption).toContain("61% of the training points right");
    expect(linearVsCurvedBoundary.caption).toContain("around the disc: 100%");
  });

  it("two ReLU units solve XOR: h₁ = ReLU(x₁ + x₂), h₂ = ReLU(x₁ + x₂ − 1), y = h₁ − 2h₂ gives 0, 1, 1, 0", () => {
    const table = [
      [[0, 0], 0, 0, 0],
      [[1, 0], 1, 0, 1],
      [[0, 1], 1, 0, 1],
      [[1, 1], 2, 1, 0],
    ] as const;
    for (const [[x1, x2], h1, h2, y] of table) {
      expect(relu(x1 + x2)).toBe(h1);
      expect(relu(x1 + x2 - 1)).toBe(h2);
      expect(relu(x1 + x2) - 2 * relu(x1 + x2 - 1)).toBe(y);
    }
  });

  it("no linear score separates XOR: s(1,0) + s(0,1) = w₁ + w₂ + 2b = s(0,0) + s(1,1)", () => {
    for (const [w1, w2, b] of [
      [0.3, -1.7, 0.25],
      [2, 2, -1],
      [-0.5, 4, 3],
    ] as const) {
      const s = (x1: number, x2: number): number => w1 * x1 + w2 * x2 + b;
      expect(s(1, 0) + s(0, 1)).toBeCloseTo(w1 + w2 + 2 * b, 12);
      expect(s(0, 0) + s(1, 1)).toBeCloseTo(w1 + w2 + 2 * b, 12);
    }
  });

  it("exercise 1: w = (2, −1), b = −0.5, x = (0.5, 0.25) gives z = 0.25, σ(0.25) ≈ 0.562, and the step fires", () => {
    const z = weightedSum([2, -1], [0.5, 0.25], -0.5);
    expect(z).toBe(0.25);
    expect(sigmoid(z)).toBeCloseTo(0.562, 3);
    expect(step.f(z)).toBe(1);
  });

  it("exercise 2: W₁ = [[1, 2], [0, −1]], b₁ = (0, 1), W₂ = [3, 1]ᵀ, b₂ = −1 collapse to W′ = (5, −1)ᵀ, b′ = 0, and both give 4 at x = (1, 1)", () => {
    const W1 = [1, 2, 0, -1];
    const b1 = [0, 1];
    const W2 = [3, 1];
    const b2 = -1;
    const Wp = [rowTimes([1, 0], W1, 2), rowTimes([0, 1], W1, 2)].map((row) => rowTimes(row, W2, 1)[0]!);
    const bp = rowTimes(b1, W2, 1)[0]! + b2;
    expect(Wp).toEqual([5, -1]);
    expect(bp).toBe(0);
    const z1 = rowTimes([1, 1], W1, 2).map((v, j) => v + b1[j]!);
    expect(z1).toEqual([1, 2]);
    expect(rowTimes(z1, W2, 1)[0]! + b2).toBe(4);
    expect(1 * Wp[0]! + 1 * Wp[1]! + bp).toBe(4);
  });

  it("exercise 4: ReLU(0) = 0 but ReLU(1) + ReLU(−1) = 1, and |z| = ReLU(z) + ReLU(−z)", () => {
    expect(relu(0)).toBe(0);
    expect(relu(1) + relu(-1)).toBe(1);
    for (const z of [-3, -0.5, 0, 0.25, 7]) expect(relu(z) + relu(-z)).toBe(Math.abs(z));
  });
});

describe("Should this neuron fire? The explorer's caption", () => {
  it("Predict: the sigmoid's slope is never larger than the identity's: moving the probe across the whole range, the identity reads f′ = 1 and the sigmoid at most 1/4, at z = 0", () => {
    const opened = new ActivationExplorerLab(EXPLORER["sigmoid-vs-identity"].settings, { address: null });
    const half = Number(opened.current.range);
    let steepest = { x: NaN, df: -Infinity };
    // Every position of the probe slider (step 0.05 on the default range).
    for (let i = -20 * half; i <= 20 * half; i++) {
      const x = i / 20;
      const [sigmoidAt, identityAt] = new ActivationExplorerLab(
        { ...EXPLORER["sigmoid-vs-identity"].settings, x },
        { address: null },
      ).readouts;
      expect(identityAt!.df).toBe(1);
      expect(sigmoidAt!.df).toBeLessThan(identityAt!.df);
      if (sigmoidAt!.df > steepest.df) steepest = { x, df: sigmoidAt!.df };
    }
    expect(steepest).toEqual({ x: 0, df: 0.25 });
  });

  it("the shaded bands are where the sigmoid's slope is below 0.01, nearly flat (the saturation threshold, explained in the next lesson)", () => {
    const explorer = new ActivationExplorerLab(EXPLORER["sigmoid-vs-identity"].settings, { address: null });
    expect([explorer.current.a, explorer.current.b]).toEqual(["sigmoid", "identity"]);
    expect(explorer.current.threshold).toBe(SATURATION_THRESHOLD);
    expect(SATURATION_THRESHOLD).toBe(0.01);
    // Two bands, the sigmoid's tails, from where σ′ = 0.01 (|x| ≈ 4.6) outwards.
    const [left, right] = explorer.bandsA;
    expect(explorer.bandsA).toHaveLength(2);
    expect(left!.to).toBeCloseTo(-4.6, 1);
    expect(right!.from).toBeCloseTo(4.6, 1);
  });
});
