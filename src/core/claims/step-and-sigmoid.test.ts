/**
 * Claim tests for the lesson "Step and sigmoid" (content/lessons/02-step-and-sigmoid) and its teacher guide. Each
 * test name quotes the sentence it guards. The step-function lab's sentences run its "stuck-step" preset through the
 * worker's session (labSession); the lab opens after STEP_WARMUP (300) steps, one training example per perceptron
 * step. Floating-point sentences are computed in float64, the core's (and JavaScript's) precision.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_PRESETS } from "../../../labs/index.ts";
import { PARTS_POINTS, WARMUP_STEPS as OUTPUT_WARMUP } from "../../../labs/output-loss/settings.ts";
import { STEP_WARMUP } from "../../../labs/step-function/settings.ts";
import { bceLoss, sigmoidAndSlope } from "../../figures/lessons/step-and-sigmoid.ts";
import {
  binaryCrossEntropy,
  lossValue,
  OPTIMIZER_KINDS,
  SATURATION_THRESHOLD,
  sigmoid,
  sigmoidDerivative,
} from "../index.ts";
import { TrainingSession } from "../../worker/session.ts";
import { labSession, outputLossSessions, type SingleRunLab } from "./lab-runs.ts";
import facts from "./pytorch-facts.json" with { type: "json" };

const ROOT = new URL("../../../", import.meta.url);
/** A thousand steps of three small runs: quick alone, slower beside a build. */
const SLOW_RUN = 60_000;

/** The textbook form σ(1 − σ), as code that differentiates through the sigmoid's output computes it. */
const textbook = (z: number): number => sigmoid(z) * (1 - sigmoid(z));

/** The boundary of a predicate by bisection: the last x in [a, b] where it is false, given it flips once. */
function edge(holds: (x: number) => boolean, a: number, b: number): number {
  for (let k = 0; k < 200; k++) {
    const mid = (a + b) / 2;
    if (mid === a || mid === b) break;
    if (holds(mid) === holds(b)) b = mid;
    else a = mid;
  }
  return a;
}

describe("Step and sigmoid: the loss", () => {
  it("a network that answers p = 0.5 everywhere pays ln 2 ≈ 0.693 on every point, of either class", () => {
    expect(binaryCrossEntropy(0.5, 1)).toBe(Math.LN2);
    expect(binaryCrossEntropy(0.5, 0)).toBe(Math.LN2);
    expect(Math.LN2.toFixed(3)).toBe("0.693");
  });

  it("BCE is −ln p on a point of class 1 and −ln(1 − p) on a point of class 0: sure and right costs almost nothing, sure and wrong without limit", () => {
    for (const p of [0.01, 0.3, 0.9, 0.999]) {
      expect(binaryCrossEntropy(p, 1)).toBeCloseTo(-Math.log(p), 14);
      expect(binaryCrossEntropy(p, 0)).toBeCloseTo(-Math.log(1 - p), 14);
    }
    expect(binaryCrossEntropy(1 - 1e-9, 1)).toBeLessThan(1e-8);
    expect(binaryCrossEntropy(1e-9, 1)).toBeGreaterThan(20);
  });

  it("for a step unit, whose output is 0 or 1, the mean squared error is the share of points it gets wrong", () => {
    const y = Float64Array.of(1, 0, 1, 1, 0);
    const a = Float64Array.of(1, 1, 0, 1, 0);
    expect(lossValue("mse", a, a, y, 5, 1)).toBe(2 / 5);
  });

  it("the BCE figure draws −ln p and −ln(1 − p), crossing at ln 2 ≈ 0.693 at p = 0.5", () => {
    const chart = bceLoss.build();
    for (const [p, one, zero] of chart.table.rows as number[][]) {
      expect(one).toBe(binaryCrossEntropy(p!, 1));
      expect(zero).toBe(binaryCrossEntropy(p!, 0));
    }
    expect(chart.body).toContain("ln 2 ≈ 0.693");
    expect(bceLoss.caption).toContain("ln 2 ≈ 0.693");
  });
});

describe("Step and sigmoid: the step-function lab (stuck-step)", () => {
  it("90 points for training and 30 held out to test", () => {
    const { train, test } = labSession("step-function", "stuck-step").trainer.dataset;
    expect([train.n, test.n]).toEqual([90, 30]);
  });

  it("when the lab opens, the gradient-descent unit has not moved at all (‖θ − θ₀‖ = 0): its gradient is 0, and 100 times 0 is still 0", () => {
    const s = labSession("step-function", "stuck-step");
    s.step(STEP_WARMUP);
    const opened = s.snapshot(0);
    expect(opened.distanceFromStart).toBe(0);
    expect([opened.layers[0]!.gradNormW, opened.layers[0]!.gradNormB]).toEqual([0, 0]);
    s.setLearningRate(100 * s.trainer.learningRate);
    s.step(300);
    expect(s.snapshot(0).distanceFromStart).toBe(0);
  });

  it("the perceptron, from the same weights, is at 99% when the lab opens and at 100% from step 382 on", () => {
    const s = labSession("step-function", "stuck-step");
    const p = s.perceptron!;
    const reached: number[] = [];
    for (let step = 1; step <= 3000; step++) {
      s.step(1);
      if (step === STEP_WARMUP) expect(Math.round(100 * p.accuracy("train"))).toBe(99);
      if (p.accuracy("train") === 1) reached.push(step);
    }
    expect(reached[0]).toBe(382);
    expect(reached).toHaveLength(3000 - 382 + 1);
    expect(p.visits).toBe(3000);
  });

  it("the step unit's accuracies, 53% on the training points and 87% on the test points, are those of its random start; its loss is 0.467, the share of training points it gets wrong", () => {
    const s = labSession("step-function", "stuck-step");
    const start = s.snapshot(0);
    s.step(STEP_WARMUP);
    const opened = s.snapshot(0);
    for (const snap of [start, opened]) {
      expect(Math.round(100 * snap.trainAccuracy!)).toBe(53);
      expect(Math.round(100 * snap.testAccuracy!)).toBe(87);
      expect(snap.trainLoss!.toFixed(3)).toBe("0.467");
      expect(snap.trainLoss).toBeCloseTo(1 - snap.trainAccuracy!, 14);
    }
    // Each test point is worth 1/30 ≈ 3%.
    expect(Math.round(100 / 30)).toBe(3);
  });
});

describe("Step and sigmoid: the sigmoid's slope", () => {
  it("σ′(0) = 1/4 is the largest slope; σ′(5) ≈ 0.0066 is closer to 0.01 than to 0.1 or 0.25", () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(sigmoidDerivative(5)).toBeCloseTo(0.0066, 4);
    expect(Math.max(...sigmoidAndSlope.build().table.rows.map((r) => r[2] as number))).toBe(0.25);
  });

  it("the table: σ(±2) = 0.881 / 0.119 with σ′ = 0.105; σ(±5) = 0.9933 / 0.0067, σ′ = 0.0066; σ(±10) = 0.99995 / 0.000045, σ′ = 0.000045", () => {
    expect(sigmoid(2)).toBeCloseTo(0.881, 3);
    expect(sigmoid(-2)).toBeCloseTo(0.119, 3);
    expect(sigmoidDerivative(2)).toBeCloseTo(0.105, 3);
    expect(sigmoid(5)).toBeCloseTo(0.9933, 4);
    expect(sigmoid(-5)).toBeCloseTo(0.0067, 4);
    expect(sigmoid(10)).toBeCloseTo(0.99995, 5);
    expect(sigmoid(-10)).toBeCloseTo(0.000045, 6);
    expect(sigmoidDerivative(10)).toBeCloseTo(0.000045, 6);
  });

  it("the course calls a unit saturated when its slope is below 0.01, which for the sigmoid means |z| > 4.6", () => {
    expect(SATURATION_THRESHOLD).toBe(0.01);
    const at = edge((z) => sigmoidDerivative(z) < SATURATION_THRESHOLD, 0, 10);
    expect(at.toFixed(1)).toBe("4.6");
  });

  it("at z = 10 the middle factor is about 0.000045, more than five thousand times smaller than at z = 0", () => {
    expect(sigmoidDerivative(0) / sigmoidDerivative(10)).toBeGreaterThan(5000);
    expect(sigmoidDerivative(0) / sigmoidDerivative(10)).toBeLessThan(6000);
  });
});

describe("Step and sigmoid: σ′ in floating point (float64)", () => {
  it("the number closest to σ(40) = 1 − 4.2×10⁻¹⁸ is exactly 1, so σ(1 − σ) returns 0 at z = 40, where σ(z)·σ(−z) ≈ 4.25×10⁻¹⁸", () => {
    expect(sigmoid(40)).toBe(1);
    expect(textbook(40)).toBe(0);
    expect(sigmoid(-40)).toBeCloseTo(4.25e-18, 20);
    expect(sigmoid(40) * sigmoid(-40)).toBeCloseTo(4.25e-18, 20);
    expect(sigmoidDerivative(40) / (sigmoid(40) * sigmoid(-40))).toBeCloseTo(1, 14);
  });

  it("in 64-bit floats this happens for every z from about 36.74 on, where σ(z) rounds to 1", () => {
    const one = edge((z) => sigmoid(z) === 1, 30, 40);
    expect(one.toFixed(2)).toBe("36.74");
    for (const z of [36.74, 37, 40, 100, 700]) expect(textbook(z)).toBe(0);
    for (const z of [20, 30, 36.7]) expect(textbook(z)).toBeGreaterThan(0);
  });

  it("on the negative side σ(1 − σ) returns σ(z), which is σ′(z) to full precision, until σ(z) runs out of range: below z ≈ −708 it is under 2.2×10⁻³⁰⁸ and keeps fewer digits, and below z ≈ −745.13 it is exactly 0", () => {
    for (const z of [-40, -100, -300, -700]) {
      expect(1 - sigmoid(z)).toBe(1);
      expect(textbook(z)).toBe(sigmoid(z));
      expect(Math.abs(textbook(z) / sigmoidDerivative(z) - 1)).toBeLessThan(1e-15);
    }
    const normal = edge((z) => sigmoid(z) >= 2.2250738585072014e-308, -720, -700);
    expect(Math.round(normal)).toBe(-708);
    // σ(z) ≈ e^z there, so ln σ(z) should be z: to full precision at −700, to about two digits at −744.
    expect(Math.abs(Math.log(textbook(-700)) + 700)).toBeLessThan(1e-12);
    expect(Math.abs(Math.log(textbook(-744)) + 744)).toBeGreaterThan(1e-3);
    const zero = edge((z) => sigmoid(z) > 0, -750, -740);
    expect(zero.toFixed(2)).toBe("-745.13");
    expect(sigmoid(-745.14)).toBe(0);
    expect(sigmoid(-745.13)).toBeGreaterThan(0);
  });
});

describe("In PyTorch: float32", () => {
  it("float32 is 32-bit floats, which keep about 7 significant digits (float64: about 16)", () => {
    // A 24-bit significand: 1 + 2⁻²³ is the next float32 after 1, and 1 + 2⁻²⁴ rounds back to 1.
    expect(Math.fround(1 + 2 ** -23)).toBeGreaterThan(1);
    expect(Math.fround(1 + 2 ** -24)).toBe(1);
    expect(Math.round(24 * Math.log10(2))).toBe(7);
    expect(1 + 2 ** -52).toBeGreaterThan(1);
    expect(1 + 2 ** -53).toBe(1);
    expect(Math.round(53 * Math.log10(2))).toBe(16);
  });
});

/** The lesson's paragraph that links the float32 lab, whitespace collapsed. */
function watchParagraph(): string {
  const lesson = readFileSync(new URL("content/lessons/02-step-and-sigmoid/index.mdx", ROOT), "utf8");
  const para = lesson.split(/\n\s*\n/).find((p) => p.startsWith("You can watch this happen."));
  expect(para, "the paragraph after the In PyTorch aside").toBeDefined();
  return para!.replace(/\s+/g, " ");
}

/** Every training point's z, a and ∂L/∂z as the lab's worker computes them (the lab itself reports the first 16). */
function allPoints(s: TrainingSession) {
  const parts = new TrainingSession({ ...s.spec, outputParts: s.trainer.dataset.train.n });
  parts.step(s.trainer.steps);
  return parts.snapshot(0).outputParts!;
}

/** Exactly 0, either sign. */
const isZero = (v: number): boolean => v === 0;

describe("You can watch this happen (the output lab's float32-sigmoid-flat preset)", () => {
  const edge32 = facts.sigmoid.float32.first_one.z;

  it("the link opens the output lab in float32 with every point near z = 20, past 16.64; three one-unit networks side by side, each started with the bias b = 20", () => {
    const text = watchParagraph();
    expect(text).toContain(
      "[Open the output lab in float32 with every point near $z = 20$](../../embed/output-loss/float32-sigmoid-flat/)",
    );
    expect(text).toContain(`past ${edge32.toFixed(2)}:`);
    expect(text).toContain("each started with the bias $b = 20$");
    // The part of the lab the paragraph names, by its title (a disclosure on a phone).
    expect(text).toContain("Under **The output gradient, split**, the *sigmoid + MSE* row");
    expect(readFileSync(new URL("labs/output-loss/BinaryPanel.svelte", ROOT), "utf8")).toContain(
      '<LabPart title="The output gradient, split">',
    );
    const preset = LAB_PRESETS["output-loss"]["float32-sigmoid-flat"]!.settings;
    expect(preset).toMatchObject({ mode: "binary", bias: 20, prec: "float32", show: "sigmoid-mse", ex: 3 });
    const runs = outputLossSessions("float32-sigmoid-flat").binary;
    expect(Object.keys(runs)).toHaveLength(3);
    for (const s of Object.values(runs)) {
      expect(s.spec.config.layers).toEqual([2, 1]);
      expect(s.spec.config.precision).toBe("float32");
      s.step(OUTPUT_WARMUP);
      const z = allPoints(s).z;
      expect(z).toHaveLength(150);
      // Within 0.8 of 20 at every training point, so all of them past float32's edge, 16.64.
      expect(Math.min(...z)).toBeGreaterThan(19.2);
      expect(Math.max(...z)).toBeLessThan(20.8);
      expect(Math.min(...z)).toBeGreaterThan(edge32);
    }
  });

  it(
    "in float32, at point #3, of class 0, sigmoid + MSE's prediction a is exactly 1 and ∂L/∂z is exactly 0, as at every example point you can pick, and Train leaves sigmoid + MSE's loss exactly where it was",
    () => {
      const text = watchParagraph();
      expect(text).toContain(
        "At point #3, of class 0, the prediction $a$ is exactly 1 and $\\partial L/\\partial z$ is exactly 0, as at every example point you can pick",
      );
      const s = outputLossSessions("float32-sigmoid-flat").binary["sigmoid-mse"];
      s.step(OUTPUT_WARMUP);
      expect(s.trainer.dataset.train.labels[3]).toBe(0);
      const opened = s.snapshot(0);
      const parts = opened.outputParts!;
      expect(parts.a).toHaveLength(PARTS_POINTS);
      expect(parts.a.every((a) => a === 1)).toBe(true);
      expect(parts.dLdz.every(isZero)).toBe(true);
      // And at every training point, not only the ones the lab lists.
      expect(allPoints(s).dLdz.every(isZero)).toBe(true);
      s.step(1000);
      expect(s.snapshot(0).trainLoss).toBe(opened.trainLoss);
    },
    SLOW_RUN,
  );

  it(
    "set Numbers to float64 and train again: the same row shows ∂L/∂z ≈ 5.1×10⁻⁹ at point #3, tiny but not zero",
    () => {
      expect(watchParagraph()).toContain(
        "shows $\\partial L/\\partial z \\approx 5.1\\times10^{-9}$ at point #3, tiny but not zero",
      );
      const s = outputLossSessions("float32-sigmoid-flat", { prec: "float64" }).binary["sigmoid-mse"];
      // The switch restarts the run at step 0; then the reader trains.
      for (const steps of [0, 1000]) {
        s.step(steps);
        const g = s.snapshot(0).outputParts!.dLdz[3]!;
        expect(g.toExponential(1), `after ${s.trainer.steps} steps`).toBe("5.1e-9");
      }
    },
    SLOW_RUN,
  );

  it(
    "the sigmoid + BCE row is stuck in float32 too (∂L/∂z exactly 0, the loss unchanged by Train); in float64 that row learns",
    () => {
      expect(watchParagraph()).toContain("The *sigmoid + BCE* row is stuck in float32 too");
      const f32 = outputLossSessions("float32-sigmoid-flat").binary["sigmoid-bce"];
      f32.step(OUTPUT_WARMUP);
      const opened = f32.snapshot(0);
      expect(opened.outputParts!.dLdz.every(isZero)).toBe(true);
      f32.step(1000);
      expect(f32.snapshot(0).trainLoss).toBe(opened.trainLoss);

      const f64 = outputLossSessions("float32-sigmoid-flat", { prec: "float64" }).binary["sigmoid-bce"];
      const start = f64.snapshot(0).trainLoss!;
      expect(f64.snapshot(0).outputParts!.dLdz[3]).toBeCloseTo(1, 6);
      f64.step(1000);
      expect(f64.snapshot(0).trainLoss).toBeLessThan(0.1 * start);
    },
    SLOW_RUN,
  );
});

describe("Step and sigmoid: gradient descent, as the labs run it", () => {
  it("the sandbox also offers two refinements of SGD, momentum and Adam; every other training lab trains with plain SGD", () => {
    expect([...OPTIMIZER_KINDS].sort()).toEqual(["adam", "momentum", "sgd"]);
    const labs: SingleRunLab[] = ["step-function", "vanishing-gradients", "dying-relu"];
    for (const id of labs)
      for (const preset of Object.keys(LAB_PRESETS[id]))
        expect(labSession(id, preset).spec.config.optimizer.kind, `${id} ${preset}`).toBe("sgd");
  });

  it("the lab writes the step function as H, for Heaviside, and its slope as H′(z)", () => {
    const view = readFileSync(new URL("labs/step-function/Lab.svelte", ROOT), "utf8");
    const formula = readFileSync(new URL("labs/step-function/Embed.astro", ROOT), "utf8");
    expect(view).toContain("multiplied by H′(z) = 0");
    expect(view).toContain("the step's slope H′(z)");
    expect(formula).toContain("H'(z)");
  });
});
