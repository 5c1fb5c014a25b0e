/**
 * Claim tests for the lesson "Vanishing gradients" (content/lessons/03-vanishing-gradients), its teacher guide and
 * its assignment. Each test name quotes the sentence it guards. Lab sentences run the lab's own preset through the
 * worker's session (labSession) and read it with the lab's own code: the bars are recentGradNorms over the lab's
 * bounded history, the sentence under them describeRatio, the readout the snapshot's accuracies. The lab opens after
 * WARMUP_STEPS (25). The backpropagation primer has its own file, backprop-primer.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_PRESETS } from "../../../labs/index.ts";
import { SB_WARMUP } from "../../../labs/sandbox/settings.ts";
import { explodedText } from "../../../labs/vanishing-gradients/gradients.ts";
import { WARMUP_STEPS } from "../../../labs/vanishing-gradients/settings.ts";
import {
  gradientNormPerLayer,
  labNetwork,
  PER_LAYER_RUNS,
  perLayerNorms,
  sigmoidWindow,
  WINDOW_BELOW,
  WINDOW_FROM,
  WINDOW_SCALES,
  WINDOW_STEP,
  windowRuns,
} from "../../figures/lessons/vanishing-gradients.ts";
import {
  createRng,
  createTrainer,
  pathProduct,
  readLayer,
  sigmoidDerivative,
  writeLayer,
  type InitKind,
  type Trainer,
} from "../index.ts";
import { GradientBarsView, labSession } from "./lab-runs.ts";

const ROOT = new URL("../../../", import.meta.url);
const LESSON = readFileSync(new URL("content/lessons/03-vanishing-gradients/index.mdx", ROOT), "utf8");
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const VG = "vanishing-gradients";

/** The vanishing-gradients lab for the lesson's preset with settings changed on top, as the reader changes them. */
const lab = (patch: Record<string, unknown> = {}, preset = "sigmoid-uniform"): GradientBarsView =>
  new GradientBarsView(labSession(VG, preset, patch));

/** ‖∂L/∂W‖ of the first weight layer over the last's, over the whole training set (evaluate), at the trainer's weights. */
function fullRatio(t: Trainer): number {
  t.evaluate();
  const layers = t.diagnostics.layers;
  return layers[0]!.gradNormW / layers.at(-1)!.gradNormW;
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
const percent = (v: number): number => Math.round(100 * v);

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

describe("Vanishing gradients: the product over depth", () => {
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
});

describe("Vanishing gradients: ten sigmoid layers, U(−1, 1) (the lab's sigmoid-uniform preset)", () => {
  it("the first layer's gradient is smallest, by a factor in the thousands (on every seed more than 100): about 6,800 times smaller when the lab opens", () => {
    const seed1 = lab().to(WARMUP_STEPS).ratio;
    expect(seed1.text).toContain("about 6,800 times smaller");
    for (const seed of SEEDS) {
      const view = lab({ seed });
      expect(fullRatio(view.session.trainer)).toBeLessThan(1e-2);
      const { ratio } = view.to(WARMUP_STEPS).ratio;
      expect(ratio).toBeLessThan(1e-2);
      if (seed === 1) expect(ratio).toBeLessThan(1e-3);
    }
  }, 120_000);

  it("the loss falls from about 1.5 to about 0.7 in the first 25 steps and then stays near ln 2 ≈ 0.69; the accuracy stays at a coin toss (between 44% and 51% on the training points; the assignment: after 300 steps)", () => {
    const view = lab();
    expect(view.snapshot.trainLoss).toBeCloseTo(1.5, 1);
    view.to(WARMUP_STEPS);
    expect(view.snapshot.trainLoss).toBeCloseTo(0.7, 1);
    view.to(1000);
    const shown = view.accuracies.slice(WARMUP_STEPS).map(percent);
    expect([Math.min(...shown), Math.max(...shown)]).toEqual([44, 51]);
    expect(Math.abs(view.snapshot.trainLoss! - Math.LN2)).toBeLessThan(0.03);
    for (const seed of SEEDS) {
      const t = labSession(VG, "sigmoid-uniform", { seed }).trainer;
      t.step(500);
      t.evaluate();
      expect(Math.abs(t.diagnostics.trainLoss - Math.LN2)).toBeLessThan(0.02);
      expect(t.diagnostics.trainAccuracy).toBeGreaterThan(0.45);
      expect(t.diagnostics.trainAccuracy).toBeLessThan(0.55);
    }
  }, 120_000);

  it("no boundary forms: the first layer's bar stays thousands of times shorter than the last's, so the first layer's weights barely move (after 500 steps by less than 0.1% of their size, the last layer's hundreds of times more)", () => {
    const view = lab().to(WARMUP_STEPS);
    for (let step = 50; step <= 500; step += 50)
      expect(view.to(step).ratio.text, `step ${step}`).toMatch(/,\d{3} times smaller/);
    for (const seed of SEEDS) {
      const t = labSession(VG, "sigmoid-uniform", { seed }).trainer;
      const last = t.config.layers.length - 2;
      const [W0, WL] = [readLayer(t, 0).W.slice(), readLayer(t, last).W.slice()];
      t.step(500);
      expect(moved(t, W0, 0)).toBeLessThan(1e-3);
      expect(moved(t, WL, last) / moved(t, W0, 0)).toBeGreaterThan(100);
    }
  }, 120_000);
});

describe("Vanishing gradients: initialisation", () => {
  it("why Xavier does not rescue the sigmoid: the sentence under the bars reads about 4.2×10⁶ times smaller instead of about 6,800; each layer still multiplies δ by about 1/4, over ten layers about 4¹⁰ ≈ 10⁶", () => {
    expect(lab({ init: "xavier" }).to(WARMUP_STEPS).ratio.text).toContain("about 4.2×10⁶ times smaller");
    expect(4 ** 10).toBeCloseTo(1e6, -5);
    const t = labSession(VG, "sigmoid-uniform", { init: "xavier" }).trainer;
    t.evaluate();
    const d = t.diagnostics.layers.map((l) => l.meanAbsDelta);
    const shrink = geometricMean(d.slice(1, 10).map((v, l) => v / d[l]!));
    expect(shrink).toBeGreaterThan(3.5);
    expect(shrink).toBeLessThan(5);
    const opening = SEEDS.map((seed) => {
      const view = lab({ init: "xavier", seed });
      expect(fullRatio(view.session.trainer)).toBeLessThan(1e-4);
      return view.to(WARMUP_STEPS).ratio.ratio;
    });
    for (const r of opening) expect(r).toBeLessThan(1e-4);
    expect(1 / geometricMean(opening)).toBeGreaterThan(1e5);
    expect(1 / geometricMean(opening)).toBeLessThan(1e8);
  }, 120_000);

  it("with tanh instead of sigmoid, the same Xavier weights keep the first layer's gradient within a factor of 10 of the last layer's", () => {
    for (const seed of SEEDS) {
      const view = lab({ activation: "tanh", init: "xavier", seed });
      for (const r of [fullRatio(view.session.trainer), view.to(WARMUP_STEPS).ratio.ratio]) {
        expect(r).toBeLessThan(10);
        expect(r).toBeGreaterThan(0.1);
      }
    }
  }, 120_000);

  it("change the initialisation first, to He normal: the sigmoid stays stuck (now about 290,000 times smaller)", () => {
    expect(lab({ init: "he" }).to(WARMUP_STEPS).ratio.text).toContain("about 290,000 times smaller");
  });

  it("then the activation to ReLU: 'about the same size' when the lab opens, 95% within 100 steps; between steps 340 and 550 single steps knock the accuracy down to about 50% and it climbs back within a few dozen steps; 96% by step 600, 98% by step 1,500", () => {
    const view = lab({ init: "he", activation: "relu" });
    expect(view.to(WARMUP_STEPS).ratio.text).toContain("about the same size");
    view.to(1500);
    const acc = view.accuracies;
    expect(acc.findIndex((a) => a > 0.95)).toBeLessThanOrEqual(100);
    const drops = acc.flatMap((a, step) => (a < 0.6 && step > 100 && step < 600 ? [step] : []));
    expect(Math.min(...drops)).toBeGreaterThanOrEqual(340);
    expect(Math.max(...drops)).toBeLessThanOrEqual(550);
    expect(percent(Math.min(...drops.map((step) => acc[step]!)))).toBe(49);
    for (const step of drops) expect(Math.max(...acc.slice(step + 1, step + 41))).toBeGreaterThan(0.8);
    // Each fall follows a step on the one point an epoch leaves over: 225 = 7 · 32 + 1, so steps 8, 16, 24, …
    // (a history row describes the weights its step started from, so a fall seen at row k came from step k − 1).
    const { train } = view.session.trainer.dataset;
    expect(train.n % 32).toBe(1);
    expect(Math.ceil(train.n / 32)).toBe(8);
    const falls = drops.filter((step) => acc[step - 1]! >= 0.6);
    expect(falls.length).toBeGreaterThan(3);
    for (const step of falls) expect((step - 1) % 8).toBe(0);
    expect(percent(acc[600]!)).toBe(96);
    expect(percent(acc[1500]!)).toBe(98);
    for (const seed of SEEDS) {
      const v = lab({ init: "he", activation: "relu", seed });
      for (const r of [fullRatio(v.session.trainer), v.to(WARMUP_STEPS).ratio.ratio]) {
        expect(r).toBeLessThan(10);
        expect(r).toBeGreaterThan(0.1);
      }
    }
  }, 120_000);

  it("changing the activation first would pass through ReLU with the U(−1, 1) weights: the loss overflows within a few steps and the lab says the run diverged", () => {
    const s = labSession(VG, "sigmoid-uniform", { activation: "relu" });
    s.step(WARMUP_STEPS);
    const snap = s.snapshot(0);
    expect(snap.status).toBe("diverged");
    expect(snap.divergedAt).toBeLessThanOrEqual(10);
    expect(explodedText(snap.divergedAt, { usesScale: true, canLowerRate: true })).toContain(
      "Try He or Xavier initialisation, a smaller init scale or a smaller learning rate.",
    );
  });

  it("teacher guide: a learning rate near the top (10) does the same to ReLU with He weights", () => {
    const s = labSession(VG, "sigmoid-uniform", { activation: "relu", init: "he", lr: 10 });
    s.step(200);
    expect(s.snapshot(0).status).toBe("diverged");
  });

  it("symmetry: every unit of a layer that starts with equal weights stays a copy ('its 8 units are 1 distinct unit'), and the accuracy stalls near two thirds; Xavier normal gets every point right within 150 steps", () => {
    // The lesson's link opens the sandbox's symmetric-init preset on a page of its own, with that preset's intro.
    expect(LESSON).toContain("[Open the sandbox with every weight at 0.5](../../embed/sandbox/symmetric-init/)");
    expect(LAB_PRESETS.sandbox["symmetric-init"].settings).toMatchObject({
      layers: 2,
      width: 8,
      act: "tanh",
      data: "circles",
    });
    const s = labSession("sandbox", "symmetric-init");
    for (const step of [0, SB_WARMUP, 500, 1000]) {
      s.step(step - s.trainer.steps);
      const hidden = s.snapshot(0).layers.slice(0, -1);
      for (const l of hidden) expect([l.units, l.distinctUnits]).toEqual([8, 1]);
      if (step >= 500) expect(s.snapshot(0).trainAccuracy).toBeCloseTo(0.67, 2);
    }
    const random = labSession("sandbox", "symmetric-init", { init: "xavier-normal" });
    random.step(SB_WARMUP);
    expect([random.snapshot(0).trainAccuracy, random.snapshot(0).testAccuracy]).toEqual([1, 1]);
  }, 60_000);

  it("all zeros is worse still: with W_(l+1) = 0 every δ_l is 0, and the hidden weights get no gradient at all", () => {
    const t = createTrainer({
      ...labNetwork("tanh", { kind: "constant", scale: 0 }),
      layers: [2, 8, 8, 1],
    });
    t.evaluate();
    const layers = t.diagnostics.layers;
    for (const l of layers.slice(0, -1)) expect([l.gradNormW, l.meanAbsDelta]).toEqual([0, 0]);
    expect(layers.at(-1)!.gradNormB).toBeGreaterThan(0);
  });
});

describe("Vanishing gradients: the sigmoid's window", () => {
  it("the lab's sigmoid-window preset is the sigmoid-uniform one with the init scale moved to 5", () => {
    const { settings } = LAB_PRESETS[VG]["sigmoid-window"];
    expect(settings).toEqual({ ...LAB_PRESETS[VG]["sigmoid-uniform"].settings, scale: 5 });
  });

  it("16 units with U(−s, s) weights: √(16s²/3) ≈ 2.3s; at the steep centre s ≈ 1.7 would make the factor 1; the offset ½Σ W_ij spreads ½√16·s/√3 ≈ 1.2s", () => {
    expect(Math.sqrt(16 / 3)).toBeCloseTo(2.3, 1);
    expect(1 / (Math.sqrt(16 / 3) * 0.25)).toBeCloseTo(1.7, 1);
    expect((0.5 * Math.sqrt(16)) / Math.sqrt(3)).toBeCloseTo(1.2, 1);
    // The offset of the next layer's z when every sigmoid outputs its mean ½: spread over many draws of W.
    const rng = createRng(5);
    let sq = 0;
    const draws = 20_000;
    for (let k = 0; k < draws; k++) {
      let offset = 0;
      for (let i = 0; i < 16; i++) offset += 0.5 * (2 * rng.next() - 1);
      sq += offset * offset;
    }
    expect(Math.sqrt(sq / draws)).toBeCloseTo(0.5 * Math.sqrt(16 / 3), 1);
  });

  it("the window figure is the lab's own network: its runs are the lab's sessions with those init scales, at initialisation and after 300 steps (checked at the scales its caption names)", () => {
    const runs = windowRuns();
    expect(runs.map((r) => r.s)).toEqual(WINDOW_SCALES);
    for (const run of runs) {
      const s = labSession(VG, "sigmoid-uniform", { scale: run.s });
      expect(s.spec.config).toEqual(labNetwork("sigmoid", { kind: "uniform", scale: run.s }));
      expect(fullRatio(s.trainer)).toBe(run.start);
      if (![0.25, WINDOW_BELOW, WINDOW_FROM, 4, 5].includes(run.s)) continue;
      s.step(WINDOW_STEP);
      expect(fullRatio(s.trainer)).toBe(run.trained);
      expect(s.trainer.diagnostics.trainAccuracy).toBe(run.accuracy);
    }
  }, 120_000);

  it("at initialisation a wider spread of weights always helps, but not enough; after 300 steps the widest settings have pulled their first layer level with the last and learned", () => {
    const runs = windowRuns();
    runs.slice(1).forEach((r, i) => expect(r.start).toBeGreaterThan(runs[i]!.start * (r.s < 4.75 ? 1 : 0.8)));
    for (const r of runs) expect(r.start).toBeLessThan(0.1);
    for (const r of runs.filter((run) => run.s >= WINDOW_FROM)) {
      expect(r.trained).toBeGreaterThan(0.1);
      expect(r.trained).toBeLessThan(10);
      expect(r.accuracy).toBeGreaterThan(0.7);
    }
    for (const r of runs.filter((run) => run.s <= WINDOW_BELOW)) {
      expect(r.trained).toBeLessThan(0.0125);
      expect(r.accuracy).toBeLessThan(0.52);
    }
    expect(sigmoidWindow.caption).toContain("0.31–3.5");
    expect(sigmoidWindow.caption).toContain("71%–90% training accuracy");
  });

  it("init scale 5: from about 110 times smaller when the lab opens to level by step 300; 96% by step 600, 98% at step 2,000; between 3,000 and 4,250 the accuracy falls back to 51%, and by step 4,500 the first layer's gradient is about 2,500 times smaller", () => {
    const view = lab({ scale: 5 });
    expect(view.to(WARMUP_STEPS).ratio.text).toContain("about 110 times smaller");
    // Assignment: within 10× after a couple of hundred steps, and 90% training accuracy at about 600 steps.
    expect(view.to(200).ratio.ratio).toBeGreaterThan(0.1);
    expect(view.to(300).ratio.text).toContain("about the same size");
    expect(view.to(500).trainAccuracy).toBeLessThan(0.9);
    expect(percent(view.to(600).trainAccuracy)).toBe(96);
    expect(percent(view.to(2000).trainAccuracy)).toBe(98);
    expect(view.to(3000).trainAccuracy).toBeGreaterThan(0.97);
    // Teacher guide: still above 60% at step 4,000, back to 51% after it.
    expect(view.to(4000).trainAccuracy).toBeGreaterThan(0.6);
    expect(percent(view.to(4250).trainAccuracy)).toBe(51);
    expect(view.to(4500).ratio.text).toContain("about 2,500 times smaller");
  }, 120_000);
});

describe("Vanishing gradients: exploding gradients", () => {
  it("the lab's exploding preset is what the lesson's steps reach: learning rate 0.001, then tanh, Normal N(0, s²) and s = 2", () => {
    expect(LAB_PRESETS[VG].exploding.settings).toEqual({
      ...LAB_PRESETS[VG]["sigmoid-uniform"].settings,
      lr: 0.001,
      activation: "tanh",
      init: "normal",
      scale: 2,
    });
  });

  it("most units after the first layer start saturated; the factor comes out near 1.8 per layer, and at initialisation the first layer's gradient is about 350 times the last layer's (1.8¹⁰ ≈ 350)", () => {
    const s = labSession(VG, "exploding");
    const ratio = fullRatio(s.trainer);
    expect(Math.round(ratio / 10) * 10).toBe(350);
    expect(ratio ** (1 / 10)).toBeCloseTo(1.8, 1);
    expect(Math.abs(1.8 ** 10 / 350 - 1)).toBeLessThan(0.03);
    const saturation = s.trainer.diagnostics.layers.slice(1, 10).map((l) => l.saturation);
    expect(saturation.reduce((a, b) => a + b, 0) / saturation.length).toBeGreaterThan(0.5);
  });

  it("the first bar is about 220 times the last when the lab opens; the second layer's near-zero slopes rise from 71% to 91%; level by step 500; 3.4 times smaller by step 1,000; training accuracy between 42% and 72%", () => {
    const view = lab({}, "exploding");
    expect(view.to(WARMUP_STEPS).ratio.text).toContain("220 times the last layer's");
    expect(percent(view.snapshot.layers[1]!.saturation)).toBe(71);
    expect(view.to(500).ratio.text).toContain("about the same size");
    expect(percent(view.snapshot.layers[1]!.saturation)).toBe(91);
    expect(view.to(1000).ratio.text).toContain("about 3.4 times smaller");
    const trained = view.to(2000).accuracies.slice(WARMUP_STEPS);
    expect(percent(Math.min(...trained))).toBe(42);
    expect(percent(Math.max(...trained))).toBe(72);
  }, 120_000);
});

describe("Vanishing gradients: the gradient norm per layer at initialisation (figure)", () => {
  it("its four networks are the lab's, and its bars the lab's gradient norms at step 0", () => {
    const patches = [
      ["sigmoid-uniform", {}],
      ["sigmoid-uniform", { activation: "tanh", init: "xavier" }],
      ["sigmoid-uniform", { activation: "relu", init: "he" }],
      ["exploding", {}],
    ] as const;
    const norms = perLayerNorms();
    patches.forEach(([preset, patch], i) => {
      const s = labSession(VG, preset, patch);
      const run = PER_LAYER_RUNS[i]!;
      expect(s.spec.config).toEqual(labNetwork(run.hidden, run.init, run.lr));
      expect(s.trainer.diagnostics.layers.map((l) => l.gradNormW)).toEqual(norms[i]);
    });
  });

  it("sigmoid's bars fall layer by layer towards the input (4.3×10⁻⁵); tanh/Xavier and ReLU/He keep the first within 10× of the last (1.2 and 0.15); the wide tanh's first is 350 times the last", () => {
    const [sigmoid, tanh, relu, wide] = perLayerNorms();
    sigmoid!.slice(1).forEach((v, l) => expect(v).toBeGreaterThan(sigmoid![l]!));
    for (const text of ["4.3×10⁻⁵ of the last", "(1.2 and 0.15 of it)", "350 times the last's"]) {
      expect(gradientNormPerLayer.caption).toContain(text);
    }
    for (const n of [tanh!, relu!]) {
      expect(n[0]! / n.at(-1)!).toBeLessThan(10);
      expect(n[0]! / n.at(-1)!).toBeGreaterThan(0.1);
    }
    expect(wide![0]! / wide!.at(-1)!).toBeGreaterThan(100);
  });
});

describe("Vanishing gradients: exercises", () => {
  it("exercise 2: five sigmoid factors at the centre give (1/4)⁵ ≈ 9.8×10⁻⁴; with tanh each factor is 1", () => {
    const sig = chainAtCentre("sigmoid", 5);
    expect(sig.product).toBe(0.25 ** 5);
    expect(sig.product).toBeCloseTo(9.8e-4, 5);
    const tanh = chainAtCentre("tanh", 6);
    // The hidden layers' factors (the last one is the sigmoid output's).
    for (const f of tanh.factors.subarray(0, 5)) expect(f).toBe(1);
  });

  it("exercise 3: for 32 → 32, Xavier-normal σ = √(2/64) ≈ 0.177, Xavier-uniform bound √(6/64) ≈ 0.306 (0.306²/3 ≈ 0.031 = 2/64), He-normal σ = √(2/32) = 0.25", () => {
    expect(Math.sqrt(2 / 64)).toBeCloseTo(0.177, 3);
    expect(Math.sqrt(6 / 64)).toBeCloseTo(0.306, 3);
    expect(0.306 ** 2 / 3).toBeCloseTo(0.031, 3);
    expect(Math.sqrt(6 / 64) ** 2 / 3).toBeCloseTo(2 / 64, 15);
    expect(Math.sqrt(2 / 32)).toBe(0.25);
    // The core's initialisers draw with those spreads (a 32 → 32 layer has 1024 weights).
    const layer = (kind: InitKind): Float64Array =>
      readLayer(createTrainer({ ...labNetwork("relu", { kind }), layers: [2, 32, 32, 1] }), 1).W;
    const std = (w: Float64Array): number => Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std(layer("xavier-normal")) / Math.sqrt(2 / 64)).toBeCloseTo(1, 1);
    expect(std(layer("xavier-uniform")) / Math.sqrt(2 / 64)).toBeCloseTo(1, 1);
    expect(Math.max(...layer("xavier-uniform").map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 64));
    expect(std(layer("he-normal")) / 0.25).toBeCloseTo(1, 1);
  });

  it("exercise 4: E[ReLU(z)²] = ½ Var(z) for z symmetric around 0", () => {
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

  it("exercise 5: ReLU, 32 units, standard normal weights: the variance factor is 32 · 1 · ½ = 16, √16 = 4 per layer, 4¹⁰ ≈ 10⁶ over 10 layers", () => {
    expect(32 * 1 * 0.5).toBe(16);
    expect(Math.sqrt(16)).toBe(4);
    expect(4 ** 10).toBe(1_048_576);
  });

  it("exercise 6: units with equal incoming weights stay equal after a step if the next layer's weights are equal too, and differ after one step if those are random", () => {
    const run = (nextRandom: boolean): Float64Array => {
      const t = createTrainer({
        ...labNetwork("tanh", { kind: "xavier-normal" }),
        layers: [2, 4, 3, 1],
        batchSize: "full",
      });
      const { W, b } = readLayer(t, 1);
      writeLayer(t, 1, W.fill(0.3), b.fill(0.1));
      if (!nextRandom) writeLayer(t, 2, readLayer(t, 2).W.fill(0.5), [0]);
      t.step(1);
      return readLayer(t, 1).W;
    };
    const columns = (W: Float64Array) => [0, 1, 2].map((j) => [0, 1, 2, 3].map((i) => W[i * 3 + j]));
    const [a, b, c] = columns(run(false));
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    const [d, e] = columns(run(true));
    expect(d).not.toEqual(e);
  });
});
