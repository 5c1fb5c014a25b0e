/**
 * Claim tests for the lesson "Dying ReLU" (content/lessons/06-dying-relu). Each test name quotes the
 * lesson's sentence. Each runs the dying-ReLU lab's own preset (labs/dying-relu/presets.ts) through the
 * worker's TrainingSession and counts dead units with the lab's own code (labs/dying-relu/units.ts), so the
 * numbers are the ones the reader sees: [2, 16, 16, 1], He-normal weights, every bias at the preset's value,
 * full-batch SGD at 0.1 on BCE, two moons (200 points, a quarter held out). The lab opens after DR_WARMUP
 * (100) steps; Shock takes one step at the shock's learning rate and measures the weights it left.
 */
import { describe, expect, it } from "vitest";
import { DR_WARMUP } from "../../../labs/dying-relu/settings.ts";
import type { TrainingSession } from "../../worker/session.ts";
import { lossAndGradient, readParameters, type Trainer } from "../index.ts";
import { dyingReluSession, labCounts, perLayer } from "./lab-runs.ts";

/** Tests that train thousands of steps get room on a busy machine (each takes a few seconds alone). */
const SLOW = 60_000;

/** Indices of the units of hidden layer l (0-based) that the lab shows as dead now. */
function deadUnitsOf(session: TrainingSession, l: number): number[] {
  const s = session.snapshot(0);
  const widths = s.layers.slice(0, -1).map((x) => x.units);
  const start = widths.slice(0, l).reduce((a, w) => a + w, 0);
  return s.deadSince.slice(start, start + widths[l]!).flatMap((d, j) => (d >= 0 ? [j] : []));
}

/** The lab as it opens (DR_WARMUP steps), then Shock at learning rate 50. */
function shocked(): TrainingSession {
  const session = dyingReluSession("shock");
  session.step(DR_WARMUP);
  session.shock(50);
  return session;
}

/** Steps until the training accuracy (measured before each step) first exceeds 90%, or Infinity. */
function stepsTo90(t: Trainer, maxSteps: number): number {
  for (let s = 1; s <= maxSteps; s++) {
    t.step(1);
    if (t.diagnostics.trainAccuracy > 0.9) return s;
  }
  return Infinity;
}

describe("lesson: dying ReLU", () => {
  it("if z ≤ 0 for every example, every δ is 0 and the gradients of the unit's weights and bias are exactly zero, however large ∂L/∂a is", () => {
    const session = dyingReluSession("negative-bias");
    const t = session.trainer;
    const grad = new Float64Array(readParameters(t).length);
    const loss = lossAndGradient(t, t.dataset.train.x, t.dataset.train.labels, grad);
    expect(loss).toBeGreaterThan(0.5);
    const dead = [0, 1].flatMap((l) => deadUnitsOf(session, l).map((j) => [l, j] as const));
    expect(dead.length).toBeGreaterThan(0);
    // Layout of readParameters: [W_0 (2 × 16), b_0 (16), W_1 (16 × 16), b_1 (16), W_2, b_2].
    const offsets = [0, 2 * 16 + 16];
    const fanIn = [2, 16];
    for (const [l, j] of dead) {
      const o = offsets[l]!;
      for (let i = 0; i < fanIn[l]!; i++) expect(grad[o + i * 16 + j]).toBe(0);
      expect(grad[o + fanIn[l]! * 16 + j]).toBe(0);
    }
    expect(t.dataset.train.n).toBe(150);
  });

  it("and no learning rate changes that: a dead first-layer unit's weights do not move", () => {
    const session = dyingReluSession("negative-bias");
    const before = readParameters(session.trainer);
    const dead = deadUnitsOf(session, 0);
    expect(dead.length).toBeGreaterThan(0);
    for (const lr of [0.1, 50]) {
      session.setLearningRate(lr);
      session.step(1);
    }
    const after = readParameters(session.trainer);
    for (const j of dead) {
      expect(after[j]).toBe(before[j]);
      expect(after[16 + j]).toBe(before[16 + j]);
      expect(after[32 + j]).toBe(before[32 + j]);
    }
  });

  it("3 of the 32 units are dead when the lab opens, all in layer 2: one since step 0, two since steps 11 and 16; two units that started dead have come back", () => {
    const session = dyingReluSession("shock");
    expect(perLayer(session)).toEqual([0, 3]);
    expect(session.snapshot(0).deadSince.filter((d) => d >= 0)).toEqual([0, 0, 0]);
    session.step(DR_WARMUP);
    expect(labCounts(session).off).toBe(3);
    expect(perLayer(session)).toEqual([0, 3]);
    expect(
      session
        .snapshot(0)
        .deadSince.filter((d) => d >= 0)
        .sort((a, b) => a - b),
    ).toEqual([0, 11, 16]);
  });

  it("the shock kills 5 more: 8 of 32, 3 in layer 1 and 5 in layer 2", () => {
    const session = shocked();
    expect(session.trainer.steps).toBe(DR_WARMUP + 1);
    expect(perLayer(session)).toEqual([3, 5]);
    expect(labCounts(session).off).toBe(8);
  });

  it(
    "keep training with ReLU and layer 1's three never come back; layer 2's count wobbles between 4 and 7; 300 steps on, the loss is down to about 0.07 and the training accuracy about 99%",
    () => {
      const session = shocked();
      const layer1 = deadUnitsOf(session, 0);
      let min = Infinity;
      let max = -Infinity;
      for (let s = 0; s < 2000; s++) {
        session.step(1);
        const [first, second] = perLayer(session);
        expect(first).toBe(3);
        expect(deadUnitsOf(session, 0)).toEqual(layer1);
        min = Math.min(min, second!);
        max = Math.max(max, second!);
        if (s === 299) {
          const d = session.trainer.diagnostics;
          expect(d.trainAccuracy).toBeGreaterThan(0.985);
          expect(d.trainLoss).toBeCloseTo(0.07, 2);
        }
      }
      expect([min, max]).toEqual([4, 7]);
      expect(session.snapshot(0).trainAccuracy).toBeGreaterThan(0.98);
    },
    SLOW,
  );

  it(
    "whatever learning rate you choose: a smaller rate after the shock does not bring layer 1's dead units back",
    () => {
      for (const lr of [0.001, 0.01, 1]) {
        const session = shocked();
        session.setLearningRate(lr);
        session.step(300);
        expect(perLayer(session)[0]).toBe(3);
      }
    },
    SLOW,
  );

  it("with initial bias −0.5, 20 of the 32 units are dead at step 0 (6 of 16 in layer 1, 14 of 16 in layer 2); at −2, all 32 are", () => {
    expect(perLayer(dyingReluSession("negative-bias"))).toEqual([6, 14]);
    expect(perLayer(dyingReluSession("negative-bias", { bias: -2 }))).toEqual([16, 16]);
  });

  it(
    "after 1,000 steps the loss sits at about 0.692 and the training accuracy is still 52%: the constant guess 72/150 = 0.48, just under ln 2 ≈ 0.693",
    () => {
      const session = dyingReluSession("negative-bias");
      session.step(1000);
      const s = session.snapshot(0);
      expect(s.trainAccuracy).toBeCloseTo(0.52, 10);
      expect(s.trainLoss).toBeCloseTo(0.692, 3);
      expect(s.trainLoss).toBeLessThan(Math.LN2);
      const labels = session.trainer.dataset.train.labels;
      const ones = labels.reduce((sum, v) => sum + v, 0);
      expect([ones, labels.length]).toEqual([72, 150]);
      const p = ones / labels.length;
      expect(-(p * Math.log(p) + (1 - p) * Math.log(1 - p))).toBeCloseTo(0.692, 3);
      expect(Math.LN2).toBeCloseTo(0.693, 3);
    },
    SLOW,
  );

  it(
    "switch to Leaky ReLU with α = 0.2 after the first 100 steps: the loss, stuck at 0.693, falls below 0.3 in about 300 steps, by which the training accuracy has passed 90%; at the switch layer 2's inactive units drop from 14 to 7; layer 1's count hardly moves",
    () => {
      const session = dyingReluSession("negative-bias");
      session.step(100);
      expect(perLayer(session)).toEqual([6, 14]);
      expect(session.snapshot(0).trainLoss).toBeCloseTo(0.693, 3);
      session.setActivation("leaky-relu", 0.2);
      expect(perLayer(session)).toEqual([6, 7]);
      let layer1Min = Infinity;
      let layer1Max = -Infinity;
      let passed = Infinity;
      let below = Infinity;
      for (let s = 1; s <= 500; s++) {
        session.step(1);
        const d = session.trainer.diagnostics;
        const [first] = perLayer(session);
        layer1Min = Math.min(layer1Min, first!);
        layer1Max = Math.max(layer1Max, first!);
        if (passed === Infinity && d.trainAccuracy > 0.9) passed = s;
        if (below === Infinity && d.trainLoss < 0.3) below = s;
      }
      expect(passed).toBeLessThanOrEqual(300);
      expect(below).toBeGreaterThan(250);
      expect(below).toBeLessThan(350);
      expect(layer1Min).toBeGreaterThanOrEqual(5);
      expect(layer1Max).toBeLessThanOrEqual(7);
      expect(perLayer(session)[1]).toBeLessThanOrEqual(6);
    },
    SLOW,
  );

  it(
    "under ReLU the same network stays stuck: switching nothing, it does not pass 90% in 1,000 steps",
    () => {
      const session = dyingReluSession("negative-bias");
      session.step(100);
      expect(stepsTo90(session.trainer, 1000)).toBe(Infinity);
    },
    SLOW,
  );

  it(
    "keep training: around step 3,900 the loss finally drops below 0.6, and below 0.3 near step 4,200; one unit in layer 2 stayed alive; layer 1's six dead units never come back",
    () => {
      const session = dyingReluSession("negative-bias");
      let below06 = Infinity;
      let below03 = Infinity;
      for (let s = 1; s <= 4500; s++) {
        session.step(1);
        const d = session.trainer.diagnostics;
        if (s % 100 === 0 || s === 1000) {
          const [first, second] = perLayer(session);
          expect(first).toBe(6);
          if (s === 1000) expect(second).toBe(15);
        }
        if (below06 === Infinity && d.trainLoss < 0.6) below06 = s;
        if (below03 === Infinity && d.trainLoss < 0.3) below03 = s;
      }
      expect(below06).toBeGreaterThan(3800);
      expect(below06).toBeLessThan(4000);
      expect(below03).toBeGreaterThan(4150);
      expect(below03).toBeLessThan(4300);
    },
    SLOW,
  );
});
