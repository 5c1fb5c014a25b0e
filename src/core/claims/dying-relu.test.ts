/**
 * Claim tests for the lesson "Dying ReLU" (content/lessons/06-dying-relu). Each test name quotes the
 * lesson's sentence. The network is the dying-ReLU lab's (labs/dying-relu/settings.ts, drConfig): layers
 * [2, 16, 16, 1], He-normal weights, every bias at the preset's value, full-batch SGD at 0.1 on BCE, two
 * moons (200 points, noise 0.1, a quarter held out), seeds all 3. The lab opens after 100 steps; its
 * Shock button takes one step at the shock's learning rate, then one ordinary step (the first measurement
 * of the shocked weights).
 */
import { describe, expect, it } from "vitest";
import { createTrainer, lossAndGradient, readParameters, type Trainer } from "../index.ts";

/** Tests that train thousands of steps get room on a busy machine (each takes a few seconds alone). */
const SLOW = 60_000;

const WIDTHS = [16, 16];

function labNetwork(bias: number): Trainer {
  return createTrainer({
    layers: [2, ...WIDTHS, 1],
    hidden: "relu",
    alpha: 0.2,
    head: "sigmoid",
    loss: "bce",
    init: { kind: "he-normal", bias },
    optimizer: { kind: "sgd", lr: 0.1 },
    batchSize: "full",
    seeds: { data: 3, init: 3, batch: 3 },
    dataset: { kind: "moons", n: 200, noise: 0.1, testFraction: 0.25 },
  });
}

/** Dead units per hidden layer in the latest diagnostics (measured on the whole training set). */
function deadPerLayer(t: Trainer): number[] {
  return WIDTHS.map((_, l) => t.diagnostics.layers[l]!.deadUnits);
}

/** Dead units per hidden layer at the current weights. */
function deadNow(t: Trainer): number[] {
  t.evaluate();
  return deadPerLayer(t);
}

/**
 * The lab's "dead since" record (src/worker/session.ts): after every measured step, a unit that is dead
 * and was alive gets that step; a unit that is alive again goes back to −1. Index: layer-1 units, then layer 2.
 */
class DeadSince {
  readonly since = new Array<number>(WIDTHS[0]! + WIDTHS[1]!).fill(-1);
  constructor(readonly t: Trainer) {
    t.evaluate();
    this.record();
  }
  record(): void {
    const d = this.t.diagnostics;
    let u = 0;
    WIDTHS.forEach((w, l) => {
      for (let j = 0; j < w; j++, u++) {
        if (d.layers[l]!.dead[j] === 1 && this.since[u] === -1) this.since[u] = d.step;
        else if (d.layers[l]!.dead[j] === 0) this.since[u] = -1;
      }
    });
  }
  step(n: number): void {
    for (let i = 0; i < n; i++) {
      this.t.step(1);
      this.record();
    }
  }
  /** Dead units as [layer (1-based), step it died]. */
  dead(): [number, number][] {
    return this.since.flatMap((s, u) => (s >= 0 ? [[u < WIDTHS[0]! ? 1 : 2, s] as [number, number]] : []));
  }
}

/** Indices of the dead units of hidden layer l in the latest diagnostics. */
function deadUnitsOf(t: Trainer, l: number): number[] {
  return [...t.diagnostics.layers[l]!.dead].flatMap((d, j) => (d ? [j] : []));
}

/** The lab as it opens (100 steps), then Shock at learning rate 50. */
function shocked(): Trainer {
  const t = labNetwork(0);
  t.step(100);
  t.setLearningRate(50);
  t.step(1);
  t.setLearningRate(0.1);
  t.step(1);
  return t;
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
    const t = labNetwork(-0.5);
    const n = t.dataset.train.n;
    const grad = new Float64Array(readParameters(t).length);
    const loss = lossAndGradient(t, t.dataset.train.x, t.dataset.train.labels, grad);
    expect(loss).toBeGreaterThan(0.5);
    t.evaluate();
    const dead = [0, 1].flatMap((l) => deadUnitsOf(t, l).map((j) => [l, j] as const));
    expect(dead.length).toBeGreaterThan(0);
    // Layout of readParameters: [W_0 (2 × 16), b_0 (16), W_1 (16 × 16), b_1 (16), W_2, b_2].
    const offsets = [0, 2 * 16 + 16];
    const fanIn = [2, 16];
    for (const [l, j] of dead) {
      const o = offsets[l]!;
      for (let i = 0; i < fanIn[l]!; i++) expect(grad[o + i * 16 + j]).toBe(0);
      expect(grad[o + fanIn[l]! * 16 + j]).toBe(0);
    }
    expect(n).toBe(150);
  });

  it("and no learning rate changes that: a dead first-layer unit's weights do not move", () => {
    const t = labNetwork(-0.5);
    const before = readParameters(t);
    t.evaluate();
    const dead = deadUnitsOf(t, 0);
    expect(dead.length).toBeGreaterThan(0);
    for (const lr of [0.1, 50]) {
      t.setLearningRate(lr);
      t.step(1);
    }
    const after = readParameters(t);
    for (const j of dead) {
      expect(after[j]).toBe(before[j]);
      expect(after[16 + j]).toBe(before[16 + j]);
      expect(after[32 + j]).toBe(before[32 + j]);
    }
  });

  it("3 of the 32 units are dead when the lab opens, all in layer 2: one since step 0, two since steps 11 and 16; two units that started dead have come back", () => {
    const run = new DeadSince(labNetwork(0));
    const atStart = run.dead();
    expect(atStart).toEqual([
      [2, 0],
      [2, 0],
      [2, 0],
    ]);
    run.step(100);
    expect(run.dead().sort((a, b) => a[1] - b[1])).toEqual([
      [2, 0],
      [2, 11],
      [2, 16],
    ]);
  });

  it("the shock kills 5 more: 8 of 32, 3 in layer 1 and 5 in layer 2", () => {
    const run = new DeadSince(labNetwork(0));
    run.step(100);
    expect(deadPerLayer(run.t)).toEqual([0, 3]);
    run.t.setLearningRate(50);
    run.step(1);
    run.t.setLearningRate(0.1);
    run.step(1);
    expect(run.t.diagnostics.step).toBe(102);
    expect(deadPerLayer(run.t)).toEqual([3, 5]);
    expect(run.dead()).toHaveLength(8);
  });

  it(
    "keep training with ReLU and layer 1's three never come back; layer 2's count wobbles between 4 and 7; 300 steps on, the loss is down to about 0.07 and the training accuracy about 99%",
    () => {
      const t = shocked();
      const layer1 = deadUnitsOf(t, 0);
      let min = Infinity;
      let max = -Infinity;
      for (let s = 0; s < 2000; s++) {
        t.step(1);
        const d = t.diagnostics.layers;
        expect(d[0]!.deadUnits).toBe(3);
        for (const j of layer1) expect(d[0]!.dead[j]).toBe(1);
        min = Math.min(min, d[1]!.deadUnits);
        max = Math.max(max, d[1]!.deadUnits);
        if (s === 299) {
          expect(t.diagnostics.trainAccuracy).toBeGreaterThan(0.985);
          expect(t.diagnostics.trainLoss).toBeCloseTo(0.07, 2);
        }
      }
      expect([min, max]).toEqual([4, 7]);
      t.evaluate();
      expect(t.diagnostics.trainAccuracy).toBeGreaterThan(0.98);
    },
    SLOW,
  );

  it(
    "whatever learning rate you choose: a smaller rate after the shock does not bring layer 1's dead units back",
    () => {
      for (const lr of [0.001, 0.01, 1]) {
        const t = shocked();
        t.setLearningRate(lr);
        t.step(300);
        expect(deadNow(t)[0]).toBe(3);
      }
    },
    SLOW,
  );

  it("with initial bias −0.5, 20 of the 32 units are dead at step 0 (6 of 16 in layer 1, 14 of 16 in layer 2); at −2, all 32 are", () => {
    expect(deadNow(labNetwork(-0.5))).toEqual([6, 14]);
    expect(deadNow(labNetwork(-2))).toEqual([16, 16]);
  });

  it(
    "after 1,000 steps the loss sits at about 0.692 and the training accuracy is still 52%: the constant guess 72/150 = 0.48, just under ln 2 ≈ 0.693",
    () => {
      const t = labNetwork(-0.5);
      t.step(1000);
      t.evaluate();
      expect(t.diagnostics.trainAccuracy).toBeCloseTo(0.52, 10);
      expect(t.diagnostics.trainLoss).toBeCloseTo(0.692, 3);
      expect(t.diagnostics.trainLoss).toBeLessThan(Math.LN2);
      const labels = t.dataset.train.labels;
      const ones = labels.reduce((s, v) => s + v, 0);
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
      const t = labNetwork(-0.5);
      t.step(100);
      expect(deadPerLayer(t)).toEqual([6, 14]);
      expect(t.diagnostics.trainLoss).toBeCloseTo(0.693, 3);
      t.setHiddenActivation("leaky-relu", 0.2);
      expect(deadNow(t)).toEqual([6, 7]);
      let layer1Min = Infinity;
      let layer1Max = -Infinity;
      let passed = Infinity;
      let below = Infinity;
      for (let s = 1; s <= 500; s++) {
        t.step(1);
        layer1Min = Math.min(layer1Min, t.diagnostics.layers[0]!.deadUnits);
        layer1Max = Math.max(layer1Max, t.diagnostics.layers[0]!.deadUnits);
        if (passed === Infinity && t.diagnostics.trainAccuracy > 0.9) passed = s;
        if (below === Infinity && t.diagnostics.trainLoss < 0.3) below = s;
      }
      expect(passed).toBeLessThanOrEqual(300);
      expect(below).toBeGreaterThan(250);
      expect(below).toBeLessThan(350);
      expect(layer1Min).toBeGreaterThanOrEqual(5);
      expect(layer1Max).toBeLessThanOrEqual(7);
      expect(deadNow(t)[1]).toBeLessThanOrEqual(6);
    },
    SLOW,
  );

  it(
    "under ReLU the same network stays stuck: switching nothing, it does not pass 90% in 1,000 steps",
    () => {
      const t = labNetwork(-0.5);
      t.step(100);
      expect(stepsTo90(t, 1000)).toBe(Infinity);
    },
    SLOW,
  );

  it(
    "keep training: around step 3,900 the loss finally drops below 0.6, and below 0.3 near step 4,200; one unit in layer 2 stayed alive; layer 1's six dead units never come back",
    () => {
      const t = labNetwork(-0.5);
      let below06 = Infinity;
      let below03 = Infinity;
      for (let s = 1; s <= 4500; s++) {
        t.step(1);
        const d = t.diagnostics;
        expect(d.layers[0]!.deadUnits).toBe(6);
        if (s === 1000) expect(d.layers[1]!.deadUnits).toBe(15);
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
