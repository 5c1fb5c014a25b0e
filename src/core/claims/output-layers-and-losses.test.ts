/**
 * Claim tests for the lesson "Output layers and losses" (content/lessons/08-output-layers-and-losses).
 * Each test name quotes the lesson's sentence; the numbers come from the core's public API, mostly by
 * pinning a one-layer network's logit with writeLayer (W = 0, b = z) and reading ∂L/∂b, which is ∂L/∂z. What the
 * lesson says PyTorch computes comes from pytorch-facts.json (real torch; see pytorch-facts.test.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  createTrainer,
  crossEntropyRow,
  logSumExp,
  lossAndGradient,
  outputGradientParts,
  sigmoid,
  sigmoidDerivative,
  softmaxRows,
  tanhDerivative,
  writeLayer,
  type Trainer,
  type TrainerConfig,
} from "../index.ts";
import { fractionDropped } from "../../../labs/output-loss/loss-compare.ts";
import { LR_RANGE, WARMUP_STEPS } from "../../../labs/output-loss/settings.ts";
import { softmaxTable } from "../../../labs/output-loss/softmax-view.ts";
import { formatPercent } from "../../../labs/output-loss/summary.ts";
import type { TrainingSession } from "../../worker/session.ts";
import { outputLossSessions } from "./lab-runs.ts";
import pytorchFacts from "./pytorch-facts.json" with { type: "json" };

/** The lesson's text with line breaks and indentation collapsed to single spaces. */
function lessonText(): string {
  const file = new URL("../../../content/lessons/08-output-layers-and-losses/index.mdx", import.meta.url);
  return readFileSync(file, "utf8").replace(/\s+/g, " ");
}

/** Tests that train thousands of steps get room on a busy machine (each takes a few seconds alone). */
const SLOW = 60_000;

/** A network with no hidden layer whose k logits are the biases: z = x·0 + b. */
function pinnedLogits(head: TrainerConfig["head"], loss: TrainerConfig["loss"], logits: number[]): Trainer {
  const k = logits.length;
  const t = createTrainer({
    layers: [2, k],
    hidden: "relu",
    head,
    loss,
    init: { kind: "normal", scale: 1 },
    optimizer: { kind: "sgd", lr: 0.1 },
    seeds: { data: 1, init: 2, batch: 3 },
    dataset:
      k === 1
        ? { kind: "linear", n: 40, noise: 0, testFraction: 0 }
        : { kind: "blobs", n: 40, noise: 0.1, classes: k, testFraction: 0 },
  });
  writeLayer(t, 0, new Float64Array(2 * k), logits);
  return t;
}

/** Loss and ∂L/∂z (= ∂L/∂b) for one example of class `label` at the pinned logits. */
function atLogits(head: TrainerConfig["head"], loss: TrainerConfig["loss"], logits: number[], label: number) {
  const t = pinnedLogits(head, loss, logits);
  const grad = new Float64Array(3 * logits.length);
  const value = lossAndGradient(t, new Float64Array([0.3, -0.2]), Int32Array.of(label), grad);
  return { loss: value, dLdz: Array.from(grad.subarray(2 * logits.length)) };
}

/** Steps until `share` of the run's starting training loss is gone, as the lab's comparison reads it; or Infinity. */
function stepsUntilGone(s: TrainingSession, share: number, maxSteps: number): number {
  const start = s.snapshot(0).trainLoss!;
  for (let t = 1; t <= maxSteps; t++) {
    s.step(1);
    if (fractionDropped(start, s.snapshot(0).trainLoss!) >= share) return t;
  }
  return Infinity;
}

/** The multiclass run's softmax table at training point `pt`, from the logits the worker reports (the lab's own view). */
function pointTable(s: TrainingSession, pt: number) {
  const snap = s.snapshot(0);
  const k = s.config.layers.at(-1)!;
  const label = s.trainer.dataset.train.labels[pt]!;
  return { label, table: softmaxTable(snap.logits!.slice(pt * k, pt * k + k), label)! };
}

function softmax(z: number[]): number[] {
  const p = new Float64Array(z.length);
  softmaxRows(Float64Array.from(z), p, 1, z.length);
  return Array.from(p);
}

describe("lesson: output layers and losses", () => {
  it("at z = −10 and y = 1, ∂L/∂z ≈ −9.08×10⁻⁵ for sigmoid + MSE and ≈ −0.99995 for sigmoid + BCE: the cross-entropy gradient is about 11,000 times larger", () => {
    const mse = atLogits("sigmoid", "mse", [-10], 1).dLdz[0]!;
    const bce = atLogits("sigmoid", "bce", [-10], 1).dLdz[0]!;
    expect(mse).toBeCloseTo(-9.08e-5, 7);
    expect(bce).toBeCloseTo(-0.99995, 5);
    expect(bce / mse).toBeGreaterThan(10_950);
    expect(bce / mse).toBeLessThan(11_050);
    // The formulas the lesson derives: 2(a − y)σ′(z) with N = 1, and a − y.
    expect(mse).toBeCloseTo(2 * (sigmoid(-10) - 1) * sigmoidDerivative(-10), 15);
    expect(bce).toBeCloseTo(sigmoid(-10) - 1, 15);
  });

  it("so a = σ(−10) ≈ 0.0000454, and σ′(−10) ≈ 0.0000454 as well", () => {
    expect(sigmoid(-10)).toBeCloseTo(0.0000454, 7);
    expect(sigmoidDerivative(-10)).toBeCloseTo(0.0000454, 7);
  });

  it("the squared error's loss is below 1 (about 0.9999), while the cross-entropy is about 10", () => {
    const mse = atLogits("sigmoid", "mse", [-10], 1).loss;
    const bce = atLogits("sigmoid", "bce", [-10], 1).loss;
    expect(mse).toBeLessThan(1);
    expect(mse).toBeCloseTo(0.9999, 4);
    expect(bce).toBeCloseTo(10, 3);
  });

  it("a tanh output with targets ±1 and the squared error: at z = −10, y = 1 its gradient is ≈ −3.3×10⁻⁸ (tanh′(−10) is about 8×10⁻⁹)", () => {
    const tanhMse = atLogits("tanh", "mse", [-10], 1).dLdz[0]!;
    expect(tanhMse).toBeCloseTo(-3.3e-8, 9);
    expect(tanhDerivative(-10)).toBeGreaterThan(7.5e-9);
    expect(tanhDerivative(-10)).toBeLessThan(8.5e-9);
  });

  it("over a training set the output gradient splits as ∂L/∂a · ∂a/∂z, and under BCE the product is a − y", () => {
    for (const loss of ["mse", "bce"] as const) {
      const t = pinnedLogits("sigmoid", loss, [-10]);
      const n = t.dataset.train.n;
      const [dLda, dadz, dLdz] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
      outputGradientParts(t, dLda, dadz, dLdz);
      for (let i = 0; i < n; i++) {
        const y = t.dataset.train.labels[i]!;
        expect(dLda[i]! * dadz[i]!).toBeCloseTo(dLdz[i]!, 12);
        if (loss === "bce") expect(dLdz[i]! * n).toBeCloseTo(sigmoid(-10) - y, 12);
      }
    }
  });

  it("logits [2, 1, 0.1] become probabilities of about [0.659, 0.242, 0.099]; with the first class true L = −log 0.659 ≈ 0.417", () => {
    const p = softmax([2, 1, 0.1]);
    expect(p[0]).toBeCloseTo(0.659, 3);
    expect(p[1]).toBeCloseTo(0.242, 3);
    expect(p[2]).toBeCloseTo(0.099, 3);
    expect(atLogits("softmax", "cross-entropy", [2, 1, 0.1], 0).loss).toBeCloseTo(0.417, 3);
  });

  it("softmax turns differences of logits into ratios: p_i / p_j = e^(z_i − z_j)", () => {
    const z = [2, 1, 0.1];
    const p = softmax(z);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(p[i]! / p[j]!).toBeCloseTo(Math.exp(z[i]! - z[j]!), 12);
  });

  it("the gradient of softmax + cross-entropy at the logits is p − y ≈ [−0.341, 0.242, 0.099]", () => {
    const p = softmax([2, 1, 0.1]);
    const { dLdz } = atLogits("softmax", "cross-entropy", [2, 1, 0.1], 0);
    expect(dLdz[0]).toBeCloseTo(-0.341, 3);
    expect(dLdz[1]).toBeCloseTo(0.242, 3);
    expect(dLdz[2]).toBeCloseTo(0.099, 3);
    p.forEach((pj, j) => expect(dLdz[j]).toBeCloseTo(pj - (j === 0 ? 1 : 0), 14));
  });

  it("with two classes softmax is the sigmoid again: e^z₁/(e^z₁ + e^z₂) = σ(z₁ − z₂)", () => {
    for (const [z1, z2] of [
      [0.5, -1],
      [3, 2.5],
      [-4, 7],
    ] as const)
      expect(softmax([z1, z2])[0]).toBeCloseTo(sigmoid(z1 - z2), 14);
  });

  it("computed literally, softmax overflows: e^710 is already infinite, so [1000, 1000] gives ∞/∞ = NaN", () => {
    expect(Math.exp(710)).toBe(Infinity);
    expect(Math.exp(1000) / (Math.exp(1000) + Math.exp(1000))).toBeNaN();
  });

  it("softmax([1000, 1000]) = [0.5, 0.5]; log-sum-exp([1000, 1000]) = 1000 + log 2 ≈ 1000.693; the cross-entropy is log 2 ≈ 0.693 for either class", () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    const z = Float64Array.of(1000, 1000);
    expect(logSumExp(z, 0, 2)).toBeCloseTo(1000.693, 3);
    expect(logSumExp(z, 0, 2)).toBe(1000 + Math.LN2);
    expect(crossEntropyRow(z, Float64Array.of(1, 0), 0, 2)).toBeCloseTo(Math.LN2, 15);
    expect(crossEntropyRow(z, Float64Array.of(0, 1), 0, 2)).toBeCloseTo(0.693, 3);
  });

  it("with a softmax before nn.CrossEntropyLoss, even a perfect prediction [1, 0, 0] scores log(1 + 2/e) ≈ 0.551 with three classes instead of 0", () => {
    const floor = crossEntropyRow(Float64Array.of(1, 0, 0), Float64Array.of(1, 0, 0), 0, 3);
    expect(floor).toBeCloseTo(Math.log(1 + 2 / Math.E), 14);
    expect(floor).toBeCloseTo(0.551, 3);
    // And the double softmax of a nearly certain prediction is no better.
    const twice = crossEntropyRow(Float64Array.from(softmax([20, 0, 0])), Float64Array.of(1, 0, 0), 0, 3);
    expect(twice).toBeGreaterThan(0.55);
  });

  it("the extra softmax multiplies every gradient by its Jacobian, whose entries are at most 1/4", () => {
    for (const z of [
      [0, 0],
      [2, 1, 0.1],
      [0.3, 0.3, 5, -2],
      [1, 1, 1, 1, 1],
    ]) {
      const p = softmax(z);
      for (let i = 0; i < p.length; i++) {
        for (let j = 0; j < p.length; j++) {
          const J = p[j]! * ((i === j ? 1 : 0) - p[i]!);
          expect(Math.abs(J)).toBeLessThanOrEqual(0.25);
        }
      }
    }
  });

  it("BCE with logits is y·softplus(−z) + (1 − y)·softplus(z), because log σ(z) = −softplus(−z)", () => {
    const softplus = (x: number): number => Math.log1p(Math.exp(x));
    for (const z of [-8, -1.5, 0, 0.7, 9]) {
      expect(Math.log(sigmoid(z))).toBeCloseTo(-softplus(-z), 12);
      for (const y of [0, 1])
        expect(binaryCrossEntropyWithLogits(z, y)).toBeCloseTo(y * softplus(-z) + (1 - y) * softplus(z), 12);
    }
  });

  it("in PyTorch's default 32-bit floats torch.sigmoid is exactly 0, and so is its gradient, for z below about −88.72, where e^(−z) overflows", () => {
    const { last_positive: positive, first_zero: zero } = pytorchFacts.sigmoid.float32;
    expect(lessonText()).toContain(
      "`torch.sigmoid` is exactly 0, and so is its gradient, for $z$ below about " +
        `$${zero.z.toFixed(2)}$, where $e^{-z}$ overflows`,
    );
    expect([zero.value, zero.grad]).toEqual([0, 0]);
    expect(positive.value).toBeGreaterThan(0);
    expect(positive.z.toFixed(2)).toBe(zero.z.toFixed(2));
    // The overflow: e^(−z) passes float32's largest finite value between the two neighbouring floats.
    expect(Math.fround(Math.exp(-zero.z))).toBe(Infinity);
    expect(Math.fround(Math.exp(-positive.z))).toBeLessThan(Infinity);
  });

  it("nn.BCELoss clamps each logarithm at −100: for z = −200 and y = 1 it reports 100 while nn.BCEWithLogitsLoss reports the true value, 200", () => {
    expect(binaryCrossEntropy(sigmoid(-200), 1)).toBe(100);
    expect(binaryCrossEntropy(0, 1)).toBe(100);
    expect(binaryCrossEntropyWithLogits(-200, 1)).toBe(200);
  });

  it("σ′(z) falls below PyTorch's 10⁻¹² floor for z below about −28; at z = −40, y = 1 the chained gradient of nn.Sigmoid + nn.BCELoss is about −4.2×10⁻⁶ instead of −1", () => {
    expect(sigmoidDerivative(-27)).toBeGreaterThan(1e-12);
    expect(sigmoidDerivative(-28)).toBeLessThan(1e-12);
    const t = pinnedLogits("sigmoid", "bce", [-40]);
    const n = t.dataset.train.n;
    const [dLda, dadz, dLdz] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    outputGradientParts(t, dLda, dadz, dLdz);
    let positives = 0;
    for (let i = 0; i < n; i++) {
      if (t.dataset.train.labels[i] !== 1) continue;
      positives++;
      expect(dLda[i]! * dadz[i]! * n).toBeCloseTo(-4.2e-6, 7);
      expect(dLdz[i]! * n).toBeCloseTo(-1, 12);
    }
    expect(positives).toBeGreaterThan(0);
  });

  it("exercise 1: at z = 3, y = 0, a = σ(3) ≈ 0.953; BCE gives ∂L/∂z ≈ 0.953 and MSE about 0.086, eleven times weaker", () => {
    expect(sigmoid(3)).toBeCloseTo(0.953, 3);
    const bce = atLogits("sigmoid", "bce", [3], 0).dLdz[0]!;
    const mse = atLogits("sigmoid", "mse", [3], 0).dLdz[0]!;
    expect(bce).toBeCloseTo(0.953, 3);
    expect(mse).toBeCloseTo(0.086, 3);
    expect(Math.round(bce / mse)).toBe(11);
  });

  it("exercise 4: softmax of [3, 1, −1] is about [0.867, 0.117, 0.016] (the shifted exponentials sum to about 1.154), and [1003, 1001, 999] gives the same", () => {
    expect(1 + Math.exp(-2) + Math.exp(-4)).toBeCloseTo(1.154, 3);
    const p = softmax([3, 1, -1]);
    [0.867, 0.117, 0.016].forEach((v, j) => expect(p[j]).toBeCloseTo(v, 3));
    softmax([1003, 1001, 999]).forEach((v, j) => expect(v).toBeCloseTo(p[j]!, 14));
  });

  it(
    "lab (confidently-wrong): 90% of sigmoid + BCE's loss is gone by step 200; after 10,000 steps the table still shows both MSE runs at ≈ 0 % fallen",
    () => {
      const { binary } = outputLossSessions("confidently-wrong");
      expect(binary["sigmoid-bce"].snapshot(0).learningRate).toBe(0.1);
      expect(stepsUntilGone(binary["sigmoid-bce"], 0.9, 200)).toBeLessThanOrEqual(200);
      for (const id of ["sigmoid-mse", "tanh-mse"] as const) {
        const s = binary[id];
        const start = s.snapshot(0).trainLoss!;
        s.step(10_000);
        expect(s.snapshot(0).status).toBe("ok");
        // The table's "loss fallen since step 0" column, as the lab formats it.
        expect(formatPercent(fractionDropped(start, s.snapshot(0).trainLoss!))).toBe("≈ 0 %");
      }
      expect(lessonText()).toContain("After 10,000 steps the table still shows both MSE runs at ≈ 0 % fallen");
    },
    SLOW,
  );

  it(
    "lab (confidently-wrong) at learning rate 10: sigmoid + MSE sits on its plateau for about 1,600 steps and then drops off a cliff, half its loss gone and, a few steps later, 90%; sigmoid + BCE is 90% done within a few steps",
    () => {
      const { binary } = outputLossSessions("confidently-wrong", { lr: 10 });
      const mse = binary["sigmoid-mse"];
      const start = mse.snapshot(0).trainLoss!;
      const half = stepsUntilGone(mse, 0.5, 3000);
      expect(half).toBeGreaterThan(1550);
      expect(half).toBeLessThan(1700);
      let more = 0;
      while (fractionDropped(start, mse.snapshot(0).trainLoss!) < 0.9 && more < 100) more += mse.step(1);
      expect(more).toBeLessThan(15);
      expect(stepsUntilGone(binary["sigmoid-bce"], 0.9, 10)).toBeLessThanOrEqual(5);
    },
    SLOW,
  );

  it(
    "lab (float32-bce-floor): in float32, as PyTorch's nn.Sigmoid then nn.BCELoss, sigmoid + BCE started at z ≈ −40 stays at a loss of about 18.4 for 1,000 steps, its output gradient for a class-1 point near −4e-6 where a − y ≈ −1; in float64 the same run loses 90% of its loss within 300 steps",
    () => {
      const float32 = outputLossSessions("float32-bce-floor").binary["sigmoid-bce"];
      expect(float32.snapshot(0).precision).toBe("float32");
      expect(float32.snapshot(0).learningRate).toBe(1);
      float32.step(WARMUP_STEPS);
      const opened = float32.snapshot(0);
      expect(opened.trainLoss!).toBeCloseTo(18.4, 1);
      // Class-1 points are the ones whose ∂L/∂a is negative (the loss falls as a rises towards y = 1).
      const parts32 = opened.outputParts!;
      const classOne = parts32.dLda.flatMap((g, i) => (g < 0 ? [i] : []));
      expect(classOne.length).toBeGreaterThan(3);
      for (const i of classOne) {
        expect(parts32.dLdz[i]!).toBeLessThan(-1e-6);
        expect(parts32.dLdz[i]!).toBeGreaterThan(-1e-5);
      }
      float32.step(1000);
      expect(fractionDropped(opened.trainLoss!, float32.snapshot(0).trainLoss!)).toBeLessThan(0.001);

      const float64 = outputLossSessions("float32-bce-floor", { prec: "float64" }).binary["sigmoid-bce"];
      expect(float64.snapshot(0).precision).toBe("float64");
      float64.step(WARMUP_STEPS);
      for (const i of classOne) expect(float64.snapshot(0).outputParts!.dLdz[i]!).toBeLessThan(-0.99);
      expect(stepsUntilGone(float64, 0.9, 300)).toBeLessThanOrEqual(300);
    },
    SLOW,
  );

  it("lab (softmax-three-classes): three classes; the table's p − y is the gradient of the point's loss at its logits, negative only for the true class", () => {
    const { multiclass } = outputLossSessions("softmax-three-classes");
    expect(multiclass.config.layers.at(-1)).toBe(3);
    multiclass.step(WARMUP_STEPS);
    for (const pt of [0, 1, 2, 7]) {
      const { label, table } = pointTable(multiclass, pt);
      const z = table.rows.map((r) => r.z);
      const y = Float64Array.from(z, (_, j) => (j === label ? 1 : 0));
      const h = 1e-6;
      table.rows.forEach((r, j) => {
        const up = Float64Array.from(z, (v, q) => (q === j ? v + h : v));
        const down = Float64Array.from(z, (v, q) => (q === j ? v - h : v));
        const numeric = (crossEntropyRow(up, y, 0, 3) - crossEntropyRow(down, y, 0, 3)) / (2 * h);
        expect(r.grad).toBeCloseTo(numeric, 7);
        expect(r.grad < 0).toBe(j === label);
      });
    }
  });

  it(
    "lab (softmax-three-classes): as training goes on the true class's bar grows: at point #0, p of its class goes from 0.81 when the lab opens to 0.99 fifty steps later",
    () => {
      const { multiclass } = outputLossSessions("softmax-three-classes");
      multiclass.step(WARMUP_STEPS);
      const open = pointTable(multiclass, 0);
      expect(open.table.rows[open.label]!.p.toFixed(2)).toBe("0.81");
      multiclass.step(50);
      const later = pointTable(multiclass, 0);
      expect(later.table.rows[later.label]!.p.toFixed(2)).toBe("0.99");
      expect(Math.abs(later.table.rows[later.label]!.grad)).toBeLessThan(Math.abs(open.table.rows[open.label]!.grad));
      // Not only this point: the mean probability of the true class grows too.
      const meanTrue = () => {
        const n = multiclass.trainer.dataset.train.n;
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const { label, table } = pointTable(multiclass, i);
          sum += table.rows[label]!.p / n;
        }
        return sum;
      };
      const before = meanTrue();
      multiclass.step(100);
      expect(meanTrue()).toBeGreaterThan(before);
    },
    SLOW,
  );

  it("in float64, σ(−200) ≈ 1.4×10⁻⁸⁷ is not 0: the clamp alone caps nn.BCELoss's loss; it bites for z below −100", () => {
    expect(sigmoid(-200)).toBeGreaterThan(0);
    expect(sigmoid(-200).toExponential(1)).toBe("1.4e-87");
    expect(binaryCrossEntropy(sigmoid(-200), 1)).toBe(100);
    expect(Math.log(sigmoid(-99))).toBeGreaterThan(-100);
    expect(binaryCrossEntropy(sigmoid(-99), 1)).toBeCloseTo(99, 10);
    expect(Math.log(sigmoid(-101))).toBeLessThan(-100);
  });

  it("in PyTorch's float32 tanh′(−10) is exactly 0: torch.tanh rounds to ±1 beyond |z| ≈ 9.01 (where the core's float64 gives 8×10⁻⁹)", () => {
    const t = pytorchFacts.saturation_gradients.tanh;
    expect(t.float32[t.z.indexOf(10)]).toBe(0);
    expect(pytorchFacts.tanh.float32.first_one.z.toFixed(2)).toBe("9.01");
    expect(lessonText()).toContain("rounds to $\\pm 1$ for $\\lvert z\\rvert$ beyond about 9.01");
  });

  it("teacher guide: at the multiclass learning rate's top (10⁶) the loss leaps to about 5×10⁵ after the first update, stays finite, and falls back below 0.01 within ten steps", () => {
    expect(LR_RANGE.multiclass.max).toBe(1e6);
    const { multiclass } = outputLossSessions("softmax-three-classes", { mlr: LR_RANGE.multiclass.max });
    // A step's measurement describes the weights it started from: the first update's result shows at step 2.
    multiclass.step(2);
    const leap = multiclass.snapshot(0).trainLoss!;
    expect(leap).toBeGreaterThan(3e5);
    expect(leap).toBeLessThan(7e5);
    multiclass.step(8);
    expect(multiclass.snapshot(0).status).toBe("ok");
    expect(multiclass.snapshot(0).trainLoss!).toBeLessThan(0.01);
  });
});
