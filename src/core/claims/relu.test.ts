/**
 * Claim tests for the lesson "ReLU" (content/lessons/05-relu) and its teacher guide. Each test name quotes the
 * sentence it guards. What a lab shows is checked by running the lesson's named preset through the worker's session
 * (lab-runs.ts) and reading it with the lab's own code: the vanishing-gradients lab's bar averaging over the history
 * it keeps, its run readout's rounding, the explorer's controller for its probe.
 */
import { describe, expect, it } from "vitest";
import { ActivationExplorerLab } from "../../../labs/activation-explorer/activation-explorer.svelte.ts";
import { PRESETS as EXPLORER } from "../../../labs/activation-explorer/presets.ts";
import { percentText } from "../../../labs/shared/run-readout.ts";
import { HISTORY_CAPACITY } from "../../../labs/shared/training-lab.svelte.ts";
import { PRESETS as VG_PRESETS } from "../../../labs/vanishing-gradients/presets.ts";
import { GRAD_DOMAIN, recentGradNorms } from "../../../labs/vanishing-gradients/gradients.ts";
import { LR_RANGE, SCHEMA as VG_SCHEMA, VG_INITS, WARMUP_STEPS } from "../../../labs/vanishing-gradients/settings.ts";
import { BoundedHistory } from "../../plots/downsample.ts";
import type { TrainingSession } from "../../worker/session.ts";
import { activationRms, AT_INIT, GROWTH, gradNormsAtInit, growthPerLayer } from "../../figures/lessons/relu.ts";
import {
  createTrainer,
  getActivation,
  pathProduct,
  readLayer,
  SATURATION_THRESHOLD,
  writeLayer,
  type Trainer,
} from "../index.ts";
import { labSession } from "./lab-runs.ts";

const relu = getActivation("relu");
const SLOW = 120_000;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The relu-he preset (with settings changed on top, as the reader changes them). */
const reluHe = (patch: Record<string, unknown> = {}) => labSession("vanishing-gradients", "relu-he", patch);

/** A session read as the lab reads it: history rows kept as the lab keeps them, bars averaged by the lab's code. */
class LabBars {
  readonly session: TrainingSession;
  #history: BoundedHistory | null = null;

  constructor(session: TrainingSession) {
    this.session = session;
    this.#take();
  }

  /** Trains n steps, calling each() after every one; a snapshot every 200 steps keeps every row (the session holds 256). */
  step(n: number, each?: () => void): void {
    for (let i = 1; i <= n; i++) {
      this.session.step(1);
      each?.();
      if (i % 200 === 0 || i === n) this.#take();
    }
  }

  /** The first layer's bar over the output layer's. */
  ratio(): number {
    const layers = this.session.trainer.config.layers.length - 1;
    const bars = recentGradNorms(this.#history!, layers);
    return bars[0]! / bars[layers - 1]!;
  }

  #take(): void {
    const h = this.session.snapshot(0).history;
    this.#history ??= new BoundedHistory(HISTORY_CAPACITY, h.width - 1);
    for (let r = 0; r < h.rows; r++) {
      const row = h.data.subarray(r * h.width, (r + 1) * h.width);
      this.#history.push(row[0]!, row.subarray(1));
    }
  }
}

/** The train and test accuracy as the lab's readout writes them. */
function readout(s: TrainingSession): [string, string] {
  const snap = s.snapshot(0);
  return [percentText(snap.trainAccuracy), percentText(snap.testAccuracy)];
}

/** Per hidden layer over the training set: the share of pre-activations ≤ 0. */
function inactiveShares(t: Trainer): number[] {
  const { n, x } = t.dataset.train;
  let a = Array.from(x.subarray(0, 2 * n));
  let width = 2;
  const shares: number[] = [];
  for (let l = 0; l < t.config.layers.length - 2; l++) {
    const { W, b } = readLayer(t, l);
    const m = b.length;
    const next = new Array<number>(n * m);
    let off = 0;
    for (let r = 0; r < n; r++)
      for (let j = 0; j < m; j++) {
        let z = b[j]!;
        for (let i = 0; i < width; i++) z += a[r * width + i]! * W[i * m + j]!;
        if (z <= 0) off++;
        next[r * m + j] = relu.f(z);
      }
    shares.push(off / (n * m));
    a = next;
    width = m;
  }
  return shares;
}

/** Active units per hidden layer for one input point. */
function activeAt(t: Trainer, input: readonly number[]): number[] {
  let a = [...input];
  const active: number[] = [];
  for (let l = 0; l < t.config.layers.length - 2; l++) {
    const { W, b } = readLayer(t, l);
    const m = b.length;
    const z = Array.from({ length: m }, (_, j) => a.reduce((s, ai, i) => s + ai * W[i * m + j]!, b[j]!));
    active.push(z.filter((v) => v > 0).length);
    a = z.map(relu.f);
  }
  return active;
}

/** The one-point minibatch's period: every k-th step, when the training set leaves one point over per epoch. */
function leftoverEvery(t: Trainer): number | null {
  const n = t.dataset.train.n;
  return n % t.batchSize === 1 ? Math.ceil(n / t.batchSize) : null;
}

describe("max(0, z)", () => {
  it("ReLU(z) = max(0, z); its slope is 1 for z > 0 and 0 for z < 0", () => {
    for (const z of [-5, -1, -1e-9, 1e-9, 0.5, 3]) {
      expect(relu.f(z)).toBe(Math.max(0, z));
      expect(relu.df(z)).toBe(z > 0 ? 1 : 0);
    }
  });

  it("with biases at 0, about half the pre-activations of a freshly initialised layer are negative (the relu-he preset at step 0)", () => {
    for (const seed of [1, 2, 3]) {
      const shares = inactiveShares(reluHe({ seed }).trainer);
      for (const share of shares) {
        expect(share).toBeGreaterThan(0.3);
        expect(share).toBeLessThan(0.7);
      }
      const mean = shares.reduce((s, v) => s + v, 0) / shares.length;
      expect(mean).toBeGreaterThan(0.42);
      expect(mean).toBeLessThan(0.58);
    }
  });

  it("a hat is three ReLUs: ReLU(x) − 2 ReLU(x − 1) + ReLU(x − 2) is 0, 0, 1, 0, 0 at x = −1, 0, 1, 2, 3", () => {
    const hat = (x: number): number => relu.f(x) - 2 * relu.f(x - 1) + relu.f(x - 2);
    expect([-1, 0, 1, 2, 3].map(hat)).toEqual([0, 0, 1, 0, 0]);
    expect(hat(0.5)).toBe(0.5);
    expect(hat(1.5)).toBe(0.5);
  });
});

describe("Slope 1 when active (the relu-he preset)", () => {
  it(
    "ten hidden ReLU layers with He initialisation: the first layer's bar is within a factor of 10 of the last layer's when the lab opens (every seed from 1 to 8)",
    () => {
      for (const seed of SEEDS) {
        const t = new LabBars(reluHe({ seed }));
        t.step(WARMUP_STEPS);
        expect(t.ratio()).toBeGreaterThan(0.1);
        expect(t.ratio()).toBeLessThan(10);
      }
    },
    SLOW,
  );

  it(
    "the chart titled Near-zero slopes per layer counts slopes below 0.01; for ReLU it counts the inactive units, and stands at about one half in every hidden layer",
    () => {
      for (const seed of SEEDS) {
        const s = reluHe({ seed });
        expect(s.spec.saturationThreshold).toBe(SATURATION_THRESHOLD);
        expect(SATURATION_THRESHOLD).toBe(0.01);
        s.step(WARMUP_STEPS);
        const hidden = s
          .snapshot(0)
          .layers.slice(0, 10)
          .map((l) => l.saturation);
        for (const share of hidden) {
          expect(share).toBeGreaterThan(0.3);
          expect(share).toBeLessThan(0.75);
        }
        const mean = hidden.reduce((sum, v) => sum + v, 0) / hidden.length;
        expect(mean).toBeGreaterThan(0.42);
        expect(mean).toBeLessThan(0.6);
      }
      // The slope is exactly 0 or 1, so "below 0.01" means "inactive".
      expect(relu.df(-1e-12)).toBe(0);
      expect(relu.df(1e-12)).toBe(1);
    },
    SLOW,
  );

  it("the chain-rule table shows every hidden factor either exactly 0 or simply the weight, and a product of exactly 0 — for unit 1 and for every other unit the slider picks", () => {
    const s = reluHe();
    s.step(WARMUP_STEPS);
    const path = s.snapshot(0).path!;
    path.fPrime.slice(0, 10).forEach((fp, l) => {
      expect([0, 1]).toContain(fp);
      expect(path.factors[l]).toBe(fp * path.weights[l]!);
    });
    expect(path.fPrime.slice(0, 10)).toContain(0);
    expect(path.product).toBe(0);
    // The slider replays the run to the same step with the path through another unit: the same weights, another path.
    const factors = new Float64Array(path.factors.length);
    const sizes = s.trainer.config.layers;
    for (let unit = 2; unit <= sizes[1]!; unit++) {
      const indices = sizes.map((_, l) => (l === 0 || l === sizes.length - 1 ? 0 : unit - 1));
      expect(Math.abs(pathProduct(s.trainer, s.spec.path!.x[0], s.spec.path!.x[1], indices, factors))).toBe(0);
    }
  });

  it("a path through ten hidden units is all active about once in 2¹⁰ ≈ 1000 paths (once in 1,700 at the table's point); of the 32¹⁰ ≈ 10¹⁵ paths from the input about 10¹² are all active", () => {
    const s = reluHe();
    s.step(WARMUP_STEPS);
    const allActive = activeAt(s.trainer, s.spec.path!.x).reduce((p, v) => p * v, 1);
    const once = 32 ** 10 / allActive;
    expect(once).toBeGreaterThan(1500);
    expect(once).toBeLessThan(1900);
    expect(2 ** 10).toBe(1024);
    expect(32 ** 10).toBeGreaterThan(1e15);
    expect(32 ** 10).toBeLessThan(1.2e15);
    expect(allActive).toBeGreaterThan(3e11);
    expect(allActive).toBeLessThan(3e12);
  });

  it("the figure of gradient norms at initialisation is the labs' networks: the tanh-xavier preset, relu-he, and tanh-xavier switched to the sigmoid", () => {
    const lab = (s: TrainingSession) => s.snapshot(0).layers.map((l) => l.gradNormW);
    expect(gradNormsAtInit(AT_INIT.tanh)).toEqual(lab(labSession("vanishing-gradients", "tanh-xavier")));
    expect(gradNormsAtInit(AT_INIT.relu)).toEqual(lab(reluHe()));
    expect(gradNormsAtInit(AT_INIT.sigmoid)).toEqual(
      lab(labSession("vanishing-gradients", "tanh-xavier", { activation: "sigmoid" })),
    );
  });
});

describe("Train it: collapses and recoveries", () => {
  it(
    "by step 300 the accuracy reads about 97% on the training points and 99% on the test points, with level bars",
    () => {
      const t = new LabBars(reluHe());
      t.step(300);
      expect(readout(t.session)).toEqual(["97%", "99%"]);
      expect(t.ratio()).toBeGreaterThan(0.1);
      expect(t.ratio()).toBeLessThan(10);
    },
    SLOW,
  );

  it(
    "from step 400 on the accuracy now and then falls to about 50% (near steps 409, 473 and 545); after step 545 it is above 90% again by step 590; it falls again at steps 601 and 665, and recovers each time; every sudden fall comes right after a step on a single training point (every 8th step: 225 points in batches of 32), and now and then that one point's gradient is far larger than an average of 32; 49% or 51% are the two classes' shares; between steps 400 and 2,000 the accuracy falls to about 50% ten times; the first layer's bar never falls below 1/15 of the last's",
    () => {
      const t = new LabBars(reluHe());
      const d = t.session.trainer.diagnostics;
      const acc: number[] = [];
      const outGrad: number[] = [];
      let lowest = Infinity;
      t.step(2000, () => {
        acc[d.step] = d.trainAccuracy;
        // Measured on the step's own minibatch: the one point's gradient on a one-point step.
        outGrad[d.step] = d.layers.at(-1)!.gradNormW;
        if (d.step > WARMUP_STEPS + 16) lowest = Math.min(lowest, t.ratio());
      });
      const train = t.session.trainer;
      expect(train.dataset.train.n).toBe(225);
      expect(train.batchSize).toBe(32);
      expect(leftoverEvery(train)).toBe(8);
      // The falls: one-step drops of more than 30 points. Each is caused by step k (acc[k + 1] shows its result).
      const falls: number[] = [];
      for (let k = 1; k < 2000; k++) if (acc[k]! - acc[k + 1]! > 0.3) falls.push(k);
      for (const k of falls) expect(k % 8).toBe(0);
      expect(falls).toEqual(expect.arrayContaining([544, 600, 664]));
      // The Predict's question: the first falls a reader sees, shown at steps 409, 473 and 545.
      expect(falls.filter((k) => k >= 400 && k < 560).map((k) => k + 1)).toEqual([409, 473, 545]);
      // "Now and then one of them is far larger than an average of 32 would be": steps 544 and 600 against the median.
      const median = outGrad.filter(Number.isFinite).sort((a, b) => a - b)[Math.floor(outGrad.length / 2)]!;
      for (const k of [544, 600]) expect(outGrad[k]! / median).toBeGreaterThan(5);
      expect(acc[544]).toBeGreaterThan(0.9);
      expect(Math.max(...acc.slice(546, 581))).toBeLessThan(0.5);
      expect(acc.findIndex((a, k) => k > 546 && a >= 0.9)).toBe(590);
      expect(acc[600]).toBeGreaterThan(0.9);
      expect(Math.max(...acc.slice(601, 641))).toBeLessThan(0.52);
      expect(acc.findIndex((a, k) => k > 601 && a >= 0.9)).toBe(664);
      expect(acc[665]).toBeLessThan(0.52);
      expect(acc.findIndex((a, k) => k > 665 && a >= 0.9)).toBeLessThan(700);
      // The lows are the class shares: one class predicted for every point.
      const labels = train.dataset.train.labels;
      const ones = labels.reduce((a, v) => a + v, 0) / labels.length;
      expect([percentText(1 - ones), percentText(ones)].sort()).toEqual(["49%", "51%"]);
      expect([ones, 1 - ones].some((share) => Math.abs(acc[560]! - share) < 1e-12)).toBe(true);
      expect([ones, 1 - ones].some((share) => Math.abs(acc[620]! - share) < 1e-12)).toBe(true);
      // Between steps 400 and 2,000 the accuracy falls to about 50% ten times.
      const dips = acc.flatMap((a, k) => (k > 400 && a < 0.6 && acc[k - 1]! >= 0.6 ? [k] : []));
      expect(dips).toHaveLength(10);
      expect(lowest).toBeGreaterThan(1 / 15);
    },
    SLOW,
  );
});

describe("Unbounded: outputs can grow large", () => {
  it("standard normal weights and 32 inputs: the factor is ½ · 32 = 16, so the typical activation grows 4× per layer, and after nine such layers about 4⁹ ≈ 2.6×10⁵ times", () => {
    expect(0.5 * 32 * 1).toBe(16);
    expect(Math.sqrt(16)).toBe(4);
    expect(4 ** 9).toBeCloseTo(2.6e5, -4);
  });

  it("in the lab's network the growth is 3.8× per layer (the figure, the lab's relu-he network with naive normal weights); He's weights keep it about 1", () => {
    const normal = activationRms(reluHe({ init: "normal", scale: 1 }).trainer);
    const he = activationRms(reluHe().trainer);
    expect(normal).toEqual(activationRms(createTrainer(GROWTH.normal)));
    expect(he).toEqual(activationRms(createTrainer(GROWTH.he)));
    expect(growthPerLayer(normal).toFixed(1)).toBe("3.8");
    expect(growthPerLayer(he)).toBeGreaterThan(0.85);
    expect(growthPerLayer(he)).toBeLessThan(1.15);
  });

  it("set the initialisation to Normal N(0, s²) and leave the init scale s at 1 (standard normal weights): the loss starts near 50, against about 0.7 with He, and every layer's gradient bar is pinned at the top of the chart (the table shows norms above 10⁴)", () => {
    expect(VG_INITS.normal.label).toBe("Normal N(0, s²)");
    expect("scale" in VG_PRESETS["relu-he"].settings).toBe(false);
    expect(VG_SCHEMA.scale.fallback).toBe(1);
    expect(GRAD_DOMAIN.max).toBeLessThan(1e4);
    for (const seed of SEEDS) {
      const naive = reluHe({ seed, init: "normal", scale: 1 }).snapshot(0);
      expect(naive.trainLoss).toBeGreaterThan(45);
      expect(naive.trainLoss).toBeLessThan(55);
      // BCELoss clamps each log at −100, so a loss near 50 means about half the points get probability ≈ 0 for their class.
      expect(1 - naive.trainAccuracy!).toBeCloseTo(naive.trainLoss! / 100, 1);
      for (const l of naive.layers) expect(l.gradNormW).toBeGreaterThan(1e4);
      const he = reluHe({ seed }).snapshot(0);
      expect(he.trainLoss).toBeGreaterThan(0.6);
      expect(he.trainLoss).toBeLessThan(0.9);
    }
  });

  it("the run diverges within 5 steps: the lab shows its divergence message — even at the smallest learning rate the lab offers, 0.0001", () => {
    expect(LR_RANGE.min).toBe(0.0001);
    for (const seed of [1, 2, 3]) {
      for (const lr of [0.1, LR_RANGE.min]) {
        const s = reluHe({ seed, init: "normal", scale: 1, lr });
        s.step(WARMUP_STEPS);
        const snap = s.snapshot(0);
        expect(snap.status).toBe("diverged");
        expect(snap.divergedAt).toBeLessThanOrEqual(5);
      }
    }
  });
});

describe("The subgradient, Leaky ReLU", () => {
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

  it("z lands on exactly 0.0 when a unit's bias is 0 and every input it receives is exactly 0, as happens to a unit in the layer after one whose units are all inactive for that example", () => {
    const t = createTrainer(AT_INIT.relu);
    const first = readLayer(t, 0);
    const second = readLayer(t, 1);
    // Layer 1 all inactive at the point (biases far below 0); layer 2's biases 0.
    writeLayer(
      t,
      0,
      first.W,
      first.b.map(() => -50),
    );
    writeLayer(
      t,
      1,
      second.W,
      second.b.map(() => 0),
    );
    const x = [0.5, 0.5];
    const m1 = first.b.length;
    const a1 = Array.from({ length: m1 }, (_, j) => relu.f(x[0]! * first.W[j]! + x[1]! * first.W[m1 + j]! - 50));
    expect(a1.every((v) => v === 0)).toBe(true);
    const m2 = second.b.length;
    for (let j = 0; j < m2; j++) {
      const z = a1.reduce((s, ai, i) => s + ai * second.W[i * m2 + j]!, 0);
      expect(z).toBe(0);
      expect(relu.df(z)).toBe(0);
    }
    expect(activeAt(t, x)[1]).toBe(0);
  });

  it("with α = 0.1 Leaky ReLU outputs −0.3 with slope 0.1 at x = −3 (the explorer's relu-vs-leaky probe), and −0.6 with slope still 0.1 at x = −6; ReLU gives 0 with slope 0 at both", () => {
    const explorer = new ActivationExplorerLab(EXPLORER["relu-vs-leaky"].settings, { address: null });
    const [r, l] = explorer.readouts;
    expect([r!.name, r!.x, r!.f, r!.df]).toEqual(["relu", -3, 0, 0]);
    expect(l!.name).toBe("leaky-relu");
    expect(l!.f).toBeCloseTo(-0.3, 15);
    expect(l!.df).toBe(0.1);
    const leaky = getActivation("leaky-relu", 0.1);
    expect(leaky.f(-6)).toBeCloseTo(-0.6, 15);
    expect(leaky.df(-6)).toBe(0.1);
    expect(relu.f(-6)).toBe(0);
    expect(relu.df(-6)).toBe(0);
  });

  it("Leaky ReLU with, typically, α = 0.01", () => {
    const leaky = getActivation("leaky-relu");
    expect(leaky.df(-1)).toBe(0.01);
    expect(leaky.f(-200)).toBeCloseTo(-2, 12);
  });
});

describe("Exercises", () => {
  it("exercise 1: ReLU(z) = ½(z + |z|)", () => {
    for (const z of [-7, -0.25, 0, 0.25, 7]) expect(relu.f(z)).toBe(0.5 * (z + Math.abs(z)));
  });

  it("exercise 3: 64 inputs, standard deviation 0.1: the mean-square factor is 0.32, so the typical activation shrinks by √0.32 ≈ 0.57 per layer; He's √(2/64) ≈ 0.177 gives exactly 1", () => {
    expect(0.5 * 64 * 0.1 ** 2).toBeCloseTo(0.32, 15);
    expect(Math.sqrt(0.32)).toBeCloseTo(0.57, 2);
    expect(Math.sqrt(2 / 64)).toBeCloseTo(0.177, 3);
    const t = createTrainer({
      ...AT_INIT.relu,
      layers: [2, ...Array<number>(6).fill(64), 1],
      init: { kind: "normal", scale: 0.1 },
    });
    const measured = growthPerLayer(activationRms(t));
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
