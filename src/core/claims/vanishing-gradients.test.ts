/**
 * Claim tests for the lesson "Vanishing gradients" (content/lessons/03-vanishing-gradients). Each test
 * name quotes the lesson's sentence. The network is the vanishing-gradients lab's (labs/vanishing-gradients/
 * settings.ts, sessionSpec): [2, width × depth, 1], sigmoid output with BCE, SGD on minibatches of 32,
 * circles (300 points, noise 0.1, a quarter held out), seeds data s, init s + 1, batch s + 2, |f′| < 0.05
 * counted as saturated. The lab opens after 25 steps (WARMUP_STEPS); its bars are each layer's gradient norm
 * averaged over the last 16 history rows (one row at step 0, then one per minibatch step).
 */
import { describe, expect, it } from "vitest";
import {
  createRng,
  createTrainer,
  pathProduct,
  readLayer,
  sigmoidDerivative,
  writeLayer,
  type InitKind,
  type Trainer,
  type TrainerConfig,
} from "../index.ts";

/** The lab's settings that the lesson's presets set. */
interface LabSettings {
  depth: number;
  width: number;
  activation: TrainerConfig["hidden"];
  init: "normal" | "uniform" | "xavier" | "he";
  scale: number;
  lr: number;
  seed: number;
}

const INIT_KIND: Record<LabSettings["init"], InitKind> = {
  normal: "normal",
  uniform: "uniform",
  xavier: "xavier-normal",
  he: "he-normal",
};

/** The lab opens after this many steps. */
const WARMUP = 25;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The lesson's preset: ten sigmoid layers of 16, weights uniform on (−1, 1). */
const PRESET: LabSettings = {
  depth: 10,
  width: 16,
  activation: "sigmoid",
  init: "uniform",
  scale: 1,
  lr: 0.1,
  seed: 1,
};

/**
 * The trainer the lab builds from its settings. `measureEverySteps` = 1 measures diagnostics every step as
 * the lab does; 0 skips them where a test needs only weights or evaluate() (diagnostics never change training).
 */
function labTrainer(s: LabSettings, measureEverySteps = 1): Trainer {
  const naive = s.init === "normal" || s.init === "uniform";
  return createTrainer(
    {
      layers: [2, ...Array<number>(s.depth).fill(s.width), 1],
      hidden: s.activation,
      head: "sigmoid",
      loss: "bce",
      init: { kind: INIT_KIND[s.init], scale: naive ? s.scale : 1 },
      optimizer: { kind: "sgd", lr: s.lr },
      batchSize: 32,
      seeds: { data: s.seed, init: s.seed + 1, batch: s.seed + 2 },
      dataset: { kind: "circles", n: 300, noise: 0.1, testFraction: 0.25 },
    },
    { every: measureEverySteps, saturationThreshold: 0.05, histogramBins: 0 },
  );
}

/** The lab's bars average each layer's gradient norm over the last 16 history rows (minibatch gradients are noisy). */
const RECENT_ROWS = 16;

/**
 * The ratio last/first at initialisation (whole training set), and as the lab opens: after the warm-up, from
 * the mean of each layer's norm over the last 16 history rows (one row at step 0, then one per step).
 */
function ratios(s: LabSettings): { start: number; opening: number } {
  const t = labTrainer(s);
  t.evaluate();
  const rows: number[][] = [t.diagnostics.layers.map((l) => l.gradNormW)];
  const start = rows[0]![rows[0]!.length - 1]! / rows[0]![0]!;
  for (let k = 0; k < WARMUP; k++) {
    t.step(1);
    rows.push(t.diagnostics.layers.map((l) => l.gradNormW));
  }
  const recent = rows.slice(-RECENT_ROWS);
  const mean = (l: number): number => recent.reduce((sum, row) => sum + row[l]!, 0) / recent.length;
  return { start, opening: mean(rows[0]!.length - 1) / mean(0) };
}

/** ‖W_l − W_l(0)‖ / ‖W_l(0)‖. */
function moved(t: Trainer, start: Float64Array, l: number): number {
  const W = readLayer(t, l).W;
  let d = 0;
  let n = 0;
  for (let i = 0; i < W.length; i++) {
    d += (W[i]! - start[i]!) ** 2;
    n += start[i]! ** 2;
  }
  return Math.sqrt(d / n);
}

const geometricMean = (v: number[]): number => Math.exp(v.reduce((s, x) => s + Math.log(x), 0) / v.length);

/** Per hidden layer, mean |δ_l| / mean |δ_(l+1)| over the training set at initialisation: how much each step backwards shrinks δ. */
function shrinkPerLayer(s: LabSettings): number {
  const t = labTrainer(s);
  t.evaluate();
  const d = t.diagnostics.layers.map((l) => l.meanAbsDelta);
  const perLayer = d.slice(1, s.depth).map((v, l) => v / d[l]!);
  return geometricMean(perLayer);
}

/** A chain of single neurons, layers [2, 1, …, 1], every weight 1, biases chosen so every z is 0 at input (0, 0). */
function chainAtCentre(hidden: "sigmoid" | "tanh", depth: number): { factors: Float64Array; product: number } {
  const t = createTrainer({
    layers: [2, ...Array<number>(depth - 1).fill(1), 1],
    hidden,
    head: "sigmoid",
    loss: "bce",
    init: { kind: "normal" },
    optimizer: { kind: "sgd", lr: 0.1 },
    seeds: { data: 1, init: 1, batch: 1 },
    dataset: { kind: "circles", n: 20, noise: 0, testFraction: 0 },
  });
  // a_{l−1} at the centre is f(0): ½ for sigmoid, 0 for tanh; b_l = −a_{l−1} makes z_l = 0.
  const previous = hidden === "sigmoid" ? 0.5 : 0;
  for (let l = 0; l < depth; l++) writeLayer(t, l, l === 0 ? [1, 1] : [1], [l === 0 ? 0 : -previous]);
  const factors = new Float64Array(depth);
  const product = pathProduct(t, 0, 0, [0, ...Array<number>(depth).fill(0)], factors);
  return { factors, product };
}

describe("Vanishing gradients", () => {
  it("with every unit at the steep centre, each factor σ′(z_l)·w_l is exactly 1/4: in a chain of ten layers the first weight's gradient carries nine, (1/4)⁹ ≈ 3.8×10⁻⁶", () => {
    const { factors } = chainAtCentre("sigmoid", 10);
    for (const f of factors) expect(f).toBe(0.25);
    const nine = factors.subarray(1).reduce((p, f) => p * f, 1);
    expect(nine).toBe(0.25 ** 9);
    expect(nine).toBeCloseTo(3.8e-6, 7);
  });

  it("a saturated unit contributes far less: σ′(5) ≈ 0.0066 and σ′(10) ≈ 0.000045", () => {
    expect(sigmoidDerivative(5)).toBeCloseTo(0.0066, 4);
    expect(sigmoidDerivative(10)).toBeCloseTo(0.000045, 6);
  });

  it("the lab's preset, ten sigmoid layers of 16 with uniform weights: the first layer's gradient is more than 10 times smaller than the last layer's — on every seed more than 100 times", () => {
    for (const seed of SEEDS) {
      const { start, opening } = ratios({ ...PRESET, seed });
      expect(start).toBeGreaterThan(100);
      expect(opening).toBeGreaterThan(100);
    }
  }, 120_000);

  it("the loss drops at first — on this seed from about 1.5 to about 0.7 within the first 25 steps — and then flattens near ln 2 ≈ 0.69; the accuracy stays near 50%", () => {
    const first = labTrainer(PRESET, 0);
    first.evaluate();
    expect(first.diagnostics.trainLoss).toBeCloseTo(1.5, 1);
    first.step(WARMUP);
    first.evaluate();
    expect(first.diagnostics.trainLoss).toBeCloseTo(0.7, 1);
    for (const seed of SEEDS) {
      const t = labTrainer({ ...PRESET, seed }, 0);
      t.evaluate();
      const start = t.diagnostics.trainLoss;
      t.step(WARMUP);
      t.evaluate();
      expect(t.diagnostics.trainLoss).toBeLessThan(start);
      t.step(500 - WARMUP);
      t.evaluate();
      expect(Math.abs(t.diagnostics.trainLoss - Math.LN2)).toBeLessThan(0.02);
      expect(t.diagnostics.trainAccuracy).toBeGreaterThan(0.45);
      expect(t.diagnostics.trainAccuracy).toBeLessThan(0.55);
    }
  }, 60_000);

  it("after 500 steps the first layer's weights have moved by less than 0.1% of their size, and the last layer's hundreds of times more", () => {
    for (const seed of SEEDS) {
      const t = labTrainer({ ...PRESET, seed }, 0);
      const last = PRESET.depth;
      const W0 = readLayer(t, 0).W.slice();
      const WL = readLayer(t, last).W.slice();
      t.step(500);
      const first = moved(t, W0, 0);
      expect(first).toBeLessThan(1e-3);
      expect(moved(t, WL, last) / first).toBeGreaterThan(100);
    }
  }, 60_000);

  it("with ReLU and He initialisation the first layer's gradient is within a factor of 10 of the last layer's", () => {
    for (const seed of SEEDS) {
      const { start, opening } = ratios({ ...PRESET, activation: "relu", init: "he", seed });
      for (const r of [start, opening]) {
        expect(r).toBeLessThan(10);
        expect(r).toBeGreaterThan(0.1);
      }
    }
  }, 120_000);

  it("with Xavier weights each sigmoid layer still multiplies the error signal by about 1/4", () => {
    const shrink = shrinkPerLayer({ ...PRESET, init: "xavier" });
    expect(shrink).toBeGreaterThan(3.5);
    expect(shrink).toBeLessThan(5);
  });

  it("sigmoid with Xavier: the first layer's gradient ends up more than 10⁴ times smaller than the last layer's, typically around 4¹⁰ ≈ 10⁶", () => {
    expect(4 ** 10).toBeCloseTo(1e6, -5);
    const opening: number[] = [];
    for (const seed of SEEDS) {
      const r = ratios({ ...PRESET, init: "xavier", seed });
      expect(r.start).toBeGreaterThan(1e4);
      expect(r.opening).toBeGreaterThan(1e4);
      opening.push(r.opening);
    }
    const typical = geometricMean(opening);
    expect(typical).toBeGreaterThan(1e5);
    expect(typical).toBeLessThan(1e8);
  }, 120_000);

  it("with tanh instead of sigmoid, the same Xavier weights keep the first layer's gradient within a factor of 10 of the last layer's", () => {
    for (const seed of SEEDS) {
      const { start, opening } = ratios({ ...PRESET, activation: "tanh", init: "xavier", seed });
      for (const r of [start, opening]) {
        expect(r).toBeLessThan(10);
        expect(r).toBeGreaterThan(0.1);
      }
    }
  }, 120_000);

  it("exercise 1: five sigmoid factors at the centre give (1/4)⁵ ≈ 9.8×10⁻⁴; with tanh each factor is 1", () => {
    const sig = chainAtCentre("sigmoid", 5);
    expect(sig.product).toBe(0.25 ** 5);
    expect(sig.product).toBeCloseTo(9.8e-4, 5);
    const tanh = chainAtCentre("tanh", 6);
    // The hidden layers' factors (the last one is the sigmoid output's).
    for (const f of tanh.factors.subarray(0, 5)) expect(f).toBe(1);
  });

  it("exercise 2: for 32 → 32, Xavier-normal σ = √(2/64) ≈ 0.177, Xavier-uniform bound √(6/64) ≈ 0.306 (0.306²/3 ≈ 0.031 = 2/64), He-normal σ = √(2/32) = 0.25", () => {
    expect(Math.sqrt(2 / 64)).toBeCloseTo(0.177, 3);
    expect(Math.sqrt(6 / 64)).toBeCloseTo(0.306, 3);
    expect(0.306 ** 2 / 3).toBeCloseTo(0.031, 3);
    expect(Math.sqrt(6 / 64) ** 2 / 3).toBeCloseTo(2 / 64, 15);
    expect(Math.sqrt(2 / 32)).toBe(0.25);
    // The core's initialisers draw with those spreads (a 32 → 32 layer has 1024 weights).
    const layer = (kind: InitKind): Float64Array => {
      const t = createTrainer({
        layers: [2, 32, 32, 1],
        hidden: "relu",
        head: "sigmoid",
        loss: "bce",
        init: { kind },
        optimizer: { kind: "sgd", lr: 0.1 },
        seeds: { data: 1, init: 7, batch: 1 },
        dataset: { kind: "moons", n: 20, noise: 0, testFraction: 0 },
      });
      return readLayer(t, 1).W;
    };
    const std = (w: Float64Array): number => Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std(layer("xavier-normal")) / Math.sqrt(2 / 64)).toBeCloseTo(1, 1);
    expect(std(layer("xavier-uniform")) / Math.sqrt(2 / 64)).toBeCloseTo(1, 1);
    expect(Math.max(...layer("xavier-uniform").map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 64));
    expect(std(layer("he-normal")) / 0.25).toBeCloseTo(1, 1);
  });

  it("exercise 3: E[ReLU(z)²] = ½ Var(z) for z symmetric around 0", () => {
    const rng = createRng(11);
    let square = 0;
    let relu = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = 1.7 * rng.normal();
      square += z * z;
      relu += Math.max(0, z) ** 2;
    }
    expect(relu / square).toBeCloseTo(0.5, 2);
  });

  it("exercise 4: ReLU, width 32, standard normal weights: the variance factor is 32 · 1 · ½ = 16, √16 = 4 per layer, 4¹⁰ ≈ 10⁶ over 10 layers", () => {
    expect(32 * 1 * 0.5).toBe(16);
    expect(Math.sqrt(16)).toBe(4);
    expect(4 ** 10).toBe(1_048_576);
  });
});
