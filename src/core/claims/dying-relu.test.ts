/**
 * Claim tests for the lesson "Dying ReLU" (content/lessons/06-dying-relu). Each test name quotes the
 * lesson's sentence. Each runs the dying-ReLU lab's own preset (labs/dying-relu/presets.ts) through the
 * worker's TrainingSession and counts dead units with the lab's own code (labs/dying-relu/units.ts), so the
 * numbers are the ones the reader sees: [2, 16, 16, 1], He-normal weights, every bias at the preset's value,
 * full-batch SGD at 0.1 on BCE, two moons (200 points, a quarter held out). The lab opens after DR_WARMUP
 * (100) steps; Shock takes one step at the shock's learning rate and measures the weights it left. The count line's
 * two parts after a switch to Leaky ReLU are read as the lab reads them: the units dead just before the switch, those
 * still dead once the same weights are measured under Leaky ReLU, and those of the latter alive now (deadUnits).
 */
import { describe, expect, it } from "vitest";
import { DR_WARMUP } from "../../../labs/dying-relu/settings.ts";
import { deadUnits } from "../../../labs/dying-relu/units.ts";
import { percentText } from "../../../labs/shared/run-readout.ts";
import type { TrainingSession } from "../../worker/session.ts";
import { largestZ, negativeBiasSwitch, shockTimeline, TIMELINE } from "../../figures/lessons/dying-relu.ts";
import { getActivation, lossAndGradient, readParameters, type Trainer } from "../index.ts";
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

/** The train and test accuracy as the lab's readout writes them. */
function readout(session: TrainingSession): [string, string] {
  const snap = session.snapshot(0);
  return [percentText(snap.trainAccuracy), percentText(snap.testAccuracy)];
}

/** Units dead now, as the lab lists them (layer after layer). */
const deadNow = (session: TrainingSession): number[] => deadUnits(session.snapshot(0).deadSince);

/**
 * Switches a session to Leaky ReLU as the lab does, and returns the count line's parts: `atSwitch` (units that stopped
 * counting as dead with no weight moving) and a function giving `since` (units inactive right after the switch that
 * are alive now).
 */
function switchToLeaky(
  session: TrainingSession,
  alpha = 0.2,
): { atSwitch: number; since: () => number; after: number[] } {
  const before = deadNow(session);
  const weights = readParameters(session.trainer);
  session.setActivation("leaky-relu", alpha);
  expect(readParameters(session.trainer)).toEqual(weights);
  const after = deadNow(session);
  return {
    atSwitch: before.filter((u) => !after.includes(u)).length,
    since: () => {
      const now = new Set(deadNow(session));
      return after.filter((u) => !now.has(u)).length;
    },
    after,
  };
}

describe("lesson: dying ReLU", () => {
  it("in this lesson's lab the batch is the whole training set, n = 150; if z ≤ 0 for every example, every δ is 0 and the gradients of the unit's weights and bias are exactly zero, however large ∂L/∂a is", () => {
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
    expect(t.batchSize).toBe(150);
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
    "layer 1's three never come back; layer 2's count wobbles between 4 and 7; 300 steps on, the loss is down to about 0.07 and the readout says about 99% of the training points (98% of the test points)",
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
          expect(session.snapshot(0).trainLoss).toBeCloseTo(0.07, 2);
          expect(readout(session)).toEqual(["99%", "98%"]);
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

  it("the data lie in the square from −1.25 to 1.25, and the first layer's weights are He-initialised with standard deviation 1 (√(2/2): two inputs)", () => {
    const t = dyingReluSession("negative-bias").trainer;
    for (const v of [...t.dataset.train.x, ...t.dataset.test.x]) expect(Math.abs(v)).toBeLessThanOrEqual(1.25);
    expect(t.config.init.kind).toBe("he-normal");
    expect(t.config.layers[0]).toBe(2);
    expect(Math.sqrt(2 / t.config.layers[0]!)).toBe(1);
  });

  it("with initial bias −0.5, 20 of the 32 units are dead at step 0 (6 of 16 in layer 1, 14 of 16 in layer 2); at −2, all 32 are", () => {
    expect(perLayer(dyingReluSession("negative-bias"))).toEqual([6, 14]);
    expect(perLayer(dyingReluSession("negative-bias", { bias: -2 }))).toEqual([16, 16]);
  });

  it(
    "after 1,000 steps the loss sits at about 0.692 and the training accuracy at 52% (44% on the test points, 44% class 0): the constant guess 72/150 = 0.48, just under ln 2 ≈ 0.693",
    () => {
      const session = dyingReluSession("negative-bias");
      session.step(1000);
      const s = session.snapshot(0);
      expect(s.trainAccuracy).toBeCloseTo(0.52, 10);
      // The constant answer "class 0" is right on the test points as often as class 0 is among them: 44%.
      expect(readout(session)).toEqual(["52%", "44%"]);
      const test = session.trainer.dataset.test.labels;
      expect(test.filter((v) => v === 0).length / test.length).toBe(s.testAccuracy);
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
    "switch the negative-bias lab to Leaky ReLU after its first 100 steps: layer 2's dead count falls from 14 to 7 at once; within about 300 steps the loss, stuck at 0.693, falls below 0.3 and the training accuracy passes 90%, with 3 more units back by then; layer 1's count hardly moves (between 5 and 7)",
    () => {
      const session = dyingReluSession("negative-bias");
      session.step(100);
      expect(perLayer(session)).toEqual([6, 14]);
      expect(session.snapshot(0).trainLoss).toBeCloseTo(0.693, 3);
      const sw = switchToLeaky(session);
      expect(perLayer(session)).toEqual([6, 7]);
      expect(sw.atSwitch).toBe(7);
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
        if (s === 300) expect(sw.since()).toBe(3);
      }
      expect(passed).toBeLessThanOrEqual(300);
      expect(below).toBeGreaterThan(250);
      expect(below).toBeLessThanOrEqual(300);
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

describe("cures: what switching to Leaky ReLU does at once, and what only training does", () => {
  it(
    "after the shock, switching to Leaky ReLU (α = 0.2) turns layer 2's 5 dead units into 1 before any weight moves — 4 units come back with no weight moving — while layer 1 stays at 3; training brings back 1 more at step 112, eleven steps later; layer 1's three stay inactive, learning with slope α, for at least 2,000 steps",
    () => {
      const session = shocked();
      expect(perLayer(session)).toEqual([3, 5]);
      const sw = switchToLeaky(session);
      expect(perLayer(session)).toEqual([3, 1]);
      expect(sw.atSwitch).toBe(4);
      const layer1 = sw.after.filter((u) => u < 16);
      expect(layer1).toHaveLength(3);
      const w0 = readParameters(session.trainer);
      let firstBack = -1;
      for (let s = 1; s <= 2000; s++) {
        session.step(1);
        if (firstBack < 0 && sw.since() === 1) firstBack = session.trainer.steps;
        // Layer 1's three stay inactive: still z ≤ 0 on every example.
        const now = deadNow(session);
        for (const u of layer1) expect(now).toContain(u);
      }
      expect(firstBack).toBe(112);
      expect(sw.since()).toBe(1);
      // Their weights move now: Leaky ReLU passes them α·δ.
      const w1 = readParameters(session.trainer);
      for (const j of layer1) {
        const moved = Math.hypot(w1[j]! - w0[j]!, w1[16 + j]! - w0[16 + j]!, w1[32 + j]! - w0[32 + j]!);
        expect(moved).toBeGreaterThan(0.01);
      }
    },
    SLOW,
  );

  it(
    "switch the first lab to Leaky ReLU whenever after the shock: layer 2's count drops at once to 0 or 1 while layer 1 stays at 3; at learning rate 0.1 layer 1's three do not come back in 2,000 steps",
    () => {
      for (const delay of [0, 100, 300, 1000]) {
        const session = shocked();
        session.step(delay);
        const layer1 = deadUnitsOf(session, 0);
        expect(layer1).toHaveLength(3);
        switchToLeaky(session);
        const [first, second] = perLayer(session);
        expect(first).toBe(3);
        expect(second).toBeLessThanOrEqual(1);
        session.step(2000);
        expect(deadUnitsOf(session, 0)).toEqual(layer1);
      }
    },
    SLOW,
  );

  it("with α = 0.5, one of layer 1's three comes back within 100 steps of the switch, and with the learning rate raised to 1 as well, all three do", () => {
    const half = shocked();
    half.setActivation("leaky-relu", 0.5);
    half.step(100);
    expect(perLayer(half)[0]).toBe(2);
    const faster = shocked();
    faster.setActivation("leaky-relu", 0.5);
    faster.setLearningRate(1);
    faster.step(100);
    expect(perLayer(faster)[0]).toBe(0);
  });

  it(
    "switch the second lab to Leaky ReLU as it opens or after its 1,000 steps of ReLU: layer 2's dead count falls to 7 at once, and within about 300 steps the loss falls below 0.3 and the training accuracy reaches 90%",
    () => {
      for (const at of [DR_WARMUP, 1000]) {
        const session = dyingReluSession("negative-bias");
        session.step(at);
        switchToLeaky(session);
        expect(perLayer(session)[1]).toBe(7);
        session.step(300);
        const snap = session.snapshot(0);
        expect(snap.trainLoss).toBeLessThan(0.3);
        expect(readout(session)[0]).toBe("91%");
      }
    },
    SLOW,
  );

  it("a layer-2 unit revived at the switch: only its inputs from layer 1's inactive units changed, from 0 to αz", () => {
    const session = shocked();
    const t = session.trainer;
    const relu = largestZ(t, 1, getActivation("relu"));
    const leaky = largestZ(t, 1, getActivation("leaky-relu", 0.2));
    const revived = relu.flatMap((z, j) => (z <= 0 && leaky[j]! > 0 ? [j] : []));
    expect(revived).toHaveLength(4);
    // Layer 1's pre-activations, and so its active units' outputs, are the same under both activations.
    expect(largestZ(t, 0, getActivation("relu"))).toEqual(largestZ(t, 0, getActivation("leaky-relu", 0.2)));
  });

  it("the figure of dead units over the steps is the lab's run, step by step, with and without the switch after the shock", () => {
    const { relu, leaky } = shockTimeline();
    expect(TIMELINE).toMatchObject({ open: DR_WARMUP, shockRate: 50, alpha: 0.2 });
    const lab = dyingReluSession("shock");
    expect(perLayer(lab)).toEqual(relu.get(0));
    for (let s = 1; s <= TIMELINE.open; s++) {
      lab.step(1);
      expect(perLayer(lab), `step ${s}`).toEqual(relu.get(s));
    }
    const switched = dyingReluSession("shock");
    switched.step(TIMELINE.open);
    lab.shock(TIMELINE.shockRate);
    switched.shock(TIMELINE.shockRate);
    switched.setActivation("leaky-relu", TIMELINE.alpha);
    expect(perLayer(lab)).toEqual(relu.get(TIMELINE.open + 1));
    expect(perLayer(switched)).toEqual(leaky.get(TIMELINE.open + 1));
    while (lab.trainer.steps < TIMELINE.end) {
      lab.step(1);
      switched.step(1);
      expect(perLayer(lab), `ReLU, step ${lab.trainer.steps}`).toEqual(relu.get(lab.trainer.steps));
      expect(perLayer(switched), `Leaky, step ${switched.trainer.steps}`).toEqual(leaky.get(switched.trainer.steps));
    }
  });

  it("the figure of layer 2's largest z per unit is the negative-bias lab at step 100, under ReLU and, same weights, under Leaky ReLU: 14 dead, then 7", () => {
    const figure = negativeBiasSwitch();
    const session = dyingReluSession("negative-bias");
    session.step(TIMELINE.open);
    expect(largestZ(session.trainer, 1, getActivation("relu"))).toEqual(figure.relu);
    expect(figure.relu.filter((z) => z <= 0)).toHaveLength(perLayer(session)[1]!);
    session.setActivation("leaky-relu", TIMELINE.alpha);
    expect(largestZ(session.trainer, 1, getActivation("leaky-relu", TIMELINE.alpha))).toEqual(figure.leaky);
    expect(figure.leaky.filter((z) => z <= 0)).toHaveLength(perLayer(session)[1]!);
    expect([figure.relu, figure.leaky].map((v) => v.filter((z) => z <= 0).length)).toEqual([14, 7]);
  });

  it(
    "teacher guide: at the learning rate slider's top (10) with Leaky ReLU the loss overflows within about a dozen steps; under ReLU the same rate does not diverge but kills units (30 of 32 within 200 steps)",
    () => {
      const leaky = dyingReluSession("shock");
      leaky.step(DR_WARMUP);
      leaky.setActivation("leaky-relu", 0.2);
      leaky.setLearningRate(10);
      leaky.step(200);
      const status = leaky.trainer.status;
      expect(status.status).toBe("diverged");
      expect(status.step - DR_WARMUP).toBeLessThanOrEqual(15);
      const relu = dyingReluSession("shock");
      relu.step(DR_WARMUP);
      relu.setLearningRate(10);
      relu.step(200);
      expect(relu.trainer.status.status).toBe("ok");
      expect(labCounts(relu).off).toBe(30);
    },
    SLOW,
  );
});
