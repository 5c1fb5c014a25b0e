/**
 * Claim tests for the lesson "ReLU" (content/lessons/05-relu). Each test name quotes the lesson's
 * sentence; the numbers are computed with the core's public API. Forward passes are done here from the
 * trainer's initial weights (readLayer), so the tests measure exactly what the lesson describes.
 */
import { describe, expect, it } from "vitest";
import { createTrainer, getActivation, readLayer, type Trainer, type TrainerConfig } from "../index.ts";

const relu = getActivation("relu");

/** A deep ReLU network on two moons, hidden layers all `width` wide, biases 0. */
function deepRelu(init: TrainerConfig["init"], width = 32, depth = 10, seed = 1): Trainer {
  return createTrainer({
    layers: [2, ...Array<number>(depth).fill(width), 1],
    hidden: "relu",
    head: "sigmoid",
    loss: "bce",
    init,
    optimizer: { kind: "sgd", lr: 0.1 },
    seeds: { data: 1, init: seed, batch: 1 },
    dataset: { kind: "moons", n: 256, noise: 0.05, testFraction: 0.25 },
  });
}

/** Per hidden layer over the training set: the share of pre-activations ≤ 0, and the root mean square of the activations. */
function forwardStats(t: Trainer): { inactive: number[]; rms: number[] } {
  const { n, x } = t.dataset.train;
  let a = Array.from(x);
  let width = 2;
  const inactive: number[] = [];
  const rms: number[] = [];
  for (let l = 0; l < t.config.layers.length - 2; l++) {
    const { W, b } = readLayer(t, l);
    const m = b.length;
    const next = new Array<number>(n * m);
    let square = 0;
    let off = 0;
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < m; j++) {
        let z = b[j]!;
        for (let i = 0; i < width; i++) z += a[r * width + i]! * W[i * m + j]!;
        if (z <= 0) off++;
        const v = relu.f(z);
        next[r * m + j] = v;
        square += v * v;
      }
    }
    inactive.push(off / (n * m));
    rms.push(Math.sqrt(square / (n * m)));
    a = next;
    width = m;
  }
  return { inactive, rms };
}

/**
 * The vanishing-gradients lab with the lesson's preset (labs/vanishing-gradients/settings.ts, sessionSpec):
 * ten hidden ReLU layers of 32, sigmoid output with BCE, SGD on minibatches of 32, circles (300 points,
 * noise 0.1, a quarter held out), seeds data s, init s + 1, batch s + 2. "he" is He-normal; "normal" is
 * the naive N(0, 1). The lab opens after 25 steps.
 */
function labTrainer(init: "he" | "normal", seed: number, lr = 0.1): Trainer {
  return createTrainer(
    {
      layers: [2, ...Array<number>(10).fill(32), 1],
      hidden: "relu",
      head: "sigmoid",
      loss: "bce",
      init: init === "he" ? { kind: "he-normal", scale: 1 } : { kind: "normal", scale: 1 },
      optimizer: { kind: "sgd", lr },
      batchSize: 32,
      seeds: { data: seed, init: seed + 1, batch: seed + 2 },
      dataset: { kind: "circles", n: 300, noise: 0.1, testFraction: 0.25 },
    },
    { every: 1, saturationThreshold: 0.05, histogramBins: 0 },
  );
}

const WARMUP = 25;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const geometricMean = (v: number[]): number => Math.exp(v.reduce((s, x) => s + Math.log(x), 0) / v.length);
/** Ratios rms[l + 1] / rms[l] for the layers whose inputs are the hidden width (the first layer reads only 2 inputs). */
const growth = (rms: number[]): number[] => rms.slice(1).map((v, l) => v / rms[l]!);

describe("ReLU", () => {
  it("ReLU(z) = max(0, z); its slope is 1 for z > 0 and 0 for z < 0", () => {
    for (const z of [-5, -1, -1e-9, 1e-9, 0.5, 3]) {
      expect(relu.f(z)).toBe(Math.max(0, z));
      expect(relu.df(z)).toBe(z > 0 ? 1 : 0);
    }
  });

  it("PyTorch defines ReLU′(0) = 0, and this course's compute core does the same", () => {
    expect(relu.f(0)).toBe(0);
    expect(relu.df(0)).toBe(0);
  });

  it("any number g between 0 and 1 is a subgradient at 0: max(0, z) ≥ g·z for every z ⟺ 0 ≤ g ≤ 1", () => {
    const zs = [-100, -3, -1, -0.01, 0, 0.01, 1, 3, 100];
    const isSubgradient = (g: number): boolean => zs.every((z) => relu.f(z) >= g * z);
    for (const g of [0, 0.3, 0.5, 1]) expect(isSubgradient(g)).toBe(true);
    for (const g of [-0.1, 1.5]) expect(isSubgradient(g)).toBe(false);
  });

  it("with biases at 0, about half the pre-activations of a freshly initialised layer are negative", () => {
    for (const seed of [1, 2, 3]) {
      const { inactive } = forwardStats(deepRelu({ kind: "he-normal" }, 32, 10, seed));
      for (const share of inactive) {
        expect(share).toBeGreaterThan(0.35);
        expect(share).toBeLessThan(0.65);
      }
      const mean = inactive.reduce((s, v) => s + v, 0) / inactive.length;
      expect(mean).toBeGreaterThan(0.45);
      expect(mean).toBeLessThan(0.55);
    }
  });

  it("a hat is three ReLUs: ReLU(x) − 2 ReLU(x − 1) + ReLU(x − 2) is 0, 0, 1, 0, 0 at x = −1, 0, 1, 2, 3", () => {
    const hat = (x: number): number => relu.f(x) - 2 * relu.f(x - 1) + relu.f(x - 2);
    expect([-1, 0, 1, 2, 3].map(hat)).toEqual([0, 0, 1, 0, 0]);
    expect(hat(0.5)).toBe(0.5);
    expect(hat(1.5)).toBe(0.5);
  });

  it("standard normal weights in a layer with 32 inputs: the factor is ½ · 32 = 16, so the typical activation grows 4× per layer, and after nine such layers about 4⁹ ≈ 2.6×10⁵ times; He initialisation makes the factor 1", () => {
    expect(0.5 * 32 * 1).toBe(16);
    expect(4 ** 9).toBeCloseTo(2.6e5, -4);
    for (const seed of [1, 2, 3]) {
      const naive = forwardStats(deepRelu({ kind: "normal", scale: 1 }, 32, 10, seed)).rms;
      const perLayer = geometricMean(growth(naive));
      expect(perLayer).toBeGreaterThan(3.3);
      expect(perLayer).toBeLessThan(4.8);
      const total = naive[9]! / naive[0]!;
      expect(total).toBeGreaterThan(4 ** 9 / 5);
      expect(total).toBeLessThan(4 ** 9 * 5);
      const he = forwardStats(deepRelu({ kind: "he-normal" }, 32, 10, seed)).rms;
      expect(geometricMean(growth(he))).toBeGreaterThan(0.85);
      expect(geometricMean(growth(he))).toBeLessThan(1.15);
      for (const v of he) expect(v / he[0]!).toBeLessThan(2);
    }
  });

  it("ten hidden ReLU layers with He initialisation: the first layer's gradient is within a factor of 10 of the last layer's", () => {
    for (const seed of SEEDS) {
      // As the lab's bars: each layer's norm averaged over the last 16 history rows (step 0, then one per step).
      const t = labTrainer("he", seed);
      t.evaluate();
      const rows: number[][] = [t.diagnostics.layers.map((l) => l.gradNormW)];
      for (let k = 0; k < WARMUP; k++) {
        t.step(1);
        rows.push(t.diagnostics.layers.map((l) => l.gradNormW));
      }
      const recent = rows.slice(-16);
      const mean = (l: number): number => recent.reduce((sum, row) => sum + row[l]!, 0) / recent.length;
      const ratio = mean(rows[0]!.length - 1) / mean(0);
      expect(ratio).toBeLessThan(10);
      expect(ratio).toBeGreaterThan(0.1);
    }
  }, 120_000);

  it("the saturation bars, which count slopes below 0.05, stand at about one half in every hidden layer: for ReLU they count the inactive units", () => {
    for (const seed of SEEDS) {
      const t = labTrainer("he", seed);
      t.step(WARMUP);
      const hidden = t.diagnostics.layers.slice(0, 10).map((l) => l.saturation);
      for (const share of hidden) {
        expect(share).toBeGreaterThan(0.3);
        expect(share).toBeLessThan(0.75);
      }
      const mean = hidden.reduce((sum, v) => sum + v, 0) / hidden.length;
      expect(mean).toBeGreaterThan(0.45);
      expect(mean).toBeLessThan(0.58);
    }
    // The slope is exactly 0 or 1, so "below 0.05" means "inactive".
    expect(relu.df(-1e-12)).toBe(0);
    expect(relu.df(1e-12)).toBe(1);
  }, 120_000);

  it("standard normal weights: the loss starts near 50, against about 0.7 with He — the sigmoid is pinned at 0 or 1 and confidently wrong on about half the points", () => {
    for (const seed of SEEDS) {
      const naive = labTrainer("normal", seed);
      naive.evaluate();
      const d = naive.diagnostics;
      expect(d.trainLoss).toBeGreaterThan(45);
      expect(d.trainLoss).toBeLessThan(55);
      // BCELoss clamps each log at −100, so a loss near 50 means about half the points get probability ≈ 0 for their class.
      expect(1 - d.trainAccuracy).toBeCloseTo(d.trainLoss / 100, 1);
      const he = labTrainer("he", seed);
      he.evaluate();
      expect(he.diagnostics.trainLoss).toBeGreaterThan(0.6);
      expect(he.diagnostics.trainLoss).toBeLessThan(0.9);
    }
  });

  it("before the first step every layer's gradient norm is already above 10⁴, against at most about 1 with He", () => {
    for (const seed of SEEDS) {
      const naive = labTrainer("normal", seed);
      naive.evaluate();
      for (const l of naive.diagnostics.layers) expect(l.gradNormW).toBeGreaterThan(1e4);
      const he = labTrainer("he", seed);
      he.evaluate();
      for (const l of he.diagnostics.layers) expect(l.gradNormW).toBeLessThan(1.5);
    }
  });

  it("the run diverges within 5 steps, even at the smallest learning rate the lab offers, 0.0001", () => {
    for (const seed of [1, 2, 3]) {
      for (const lr of [0.1, 0.0001]) {
        const t = labTrainer("normal", seed, lr);
        t.step(WARMUP);
        const status = t.status;
        expect(status.status).toBe("diverged");
        expect(status.step).toBeLessThanOrEqual(5);
      }
    }
  });

  it("with α = 0.1 Leaky ReLU outputs αx = −0.3 with slope 0.1 at x = −3, and −0.6 with slope still 0.1 at x = −6; ReLU outputs 0 with slope 0", () => {
    const leaky = getActivation("leaky-relu", 0.1);
    expect(leaky.f(-3)).toBeCloseTo(-0.3, 15);
    expect(leaky.df(-3)).toBe(0.1);
    expect(leaky.f(-6)).toBeCloseTo(-0.6, 15);
    expect(leaky.df(-6)).toBe(0.1);
    expect(relu.f(-3)).toBe(0);
    expect(relu.df(-3)).toBe(0);
  });

  it("Leaky ReLU with, typically, α = 0.01 (PyTorch's default negative_slope)", () => {
    const leaky = getActivation("leaky-relu");
    expect(leaky.df(-1)).toBe(0.01);
    expect(leaky.f(-200)).toBeCloseTo(-2, 12);
  });

  it("exercise 1: ReLU(z) = ½(z + |z|)", () => {
    for (const z of [-7, -0.25, 0, 0.25, 7]) expect(relu.f(z)).toBe(0.5 * (z + Math.abs(z)));
  });

  it("exercise 3: 64 inputs, standard deviation 0.1: the mean-square factor is 0.32, so the typical activation shrinks by √0.32 ≈ 0.57 per layer; He's σ = √(2/64) ≈ 0.177 gives exactly 1", () => {
    expect(0.5 * 64 * 0.1 ** 2).toBeCloseTo(0.32, 15);
    expect(Math.sqrt(0.32)).toBeCloseTo(0.57, 2);
    expect(Math.sqrt(2 / 64)).toBeCloseTo(0.177, 3);
    const measured = geometricMean(growth(forwardStats(deepRelu({ kind: "normal", scale: 0.1 }, 64, 6)).rms));
    expect(measured).toBeGreaterThan(0.5);
    expect(measured).toBeLessThan(0.65);
  });

  it("exercise 4: the subgradients of |z| at 0 are −1 ≤ g ≤ 1", () => {
    const zs = [-10, -1, -0.1, 0, 0.1, 1, 10];
    const ok = (g: number): boolean => zs.every((z) => Math.abs(z) >= g * z);
    for (const g of [-1, -0.5, 0, 0.5, 1]) expect(ok(g)).toBe(true);
    for (const g of [-1.2, 1.2]) expect(ok(g)).toBe(false);
  });
});
