import { describe, expect, it } from "vitest";
import { predictGrid } from "../core/index.ts";
import type { SessionSpec } from "./protocol.ts";
import { TrainingSession } from "./session.ts";
import { testSpec } from "./test-spec.ts";

/** This file's session: two hidden layers on 200 XOR points and a 16×16 boundary, unless a test says otherwise. */
function spec(overrides: Partial<SessionSpec> = {}, config: Record<string, unknown> = {}): SessionSpec {
  return testSpec(
    { layers: [2, 8, 8, 1], dataset: { kind: "xor", n: 200, noise: 0.05, testFraction: 0.25 }, ...config },
    { boundarySize: 16, ...overrides },
  );
}

describe("TrainingSession", () => {
  it("trains, and its loss falls", () => {
    const s = new TrainingSession(spec());
    const first = s.snapshot(1);
    s.step(300);
    const later = s.snapshot(1);
    expect(later.step).toBe(300);
    expect(later.trainLoss!).toBeLessThan(first.trainLoss! * 0.7);
    expect(later.boundary).toHaveLength(16 * 16);
  });

  it("trains on given points (a reader's own data), and its first snapshot carries exactly those points", () => {
    // Two rings: class 0 inside radius 0.4, class 1 outside 0.7, 160 points in all.
    const x: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 160; i++) {
      const r = i % 2 === 0 ? 0.1 + (0.3 * i) / 160 : 0.7 + (0.3 * i) / 160;
      x.push(r * Math.cos(i * 2.4), r * Math.sin(i * 2.4));
      labels.push(i % 2);
    }
    const dataset = { kind: "points", n: 160, noise: 0, classes: 2, testFraction: 0.25, points: { x, labels } };
    const s = new TrainingSession(spec({}, { hidden: "tanh", dataset }));
    const first = s.snapshot(1);
    const d = first.data!;
    expect([d.trainLabels.length, d.testLabels.length]).toEqual([120, 40]);
    const given = new Set(labels.map((c, i) => `${x[2 * i]},${x[2 * i + 1]},${c}`));
    for (const [X, L] of [
      [d.trainX, d.trainLabels],
      [d.testX, d.testLabels],
    ] as const)
      for (let i = 0; i < L.length; i++) expect(given.has(`${X[2 * i]},${X[2 * i + 1]},${L[i]}`)).toBe(true);
    s.step(400);
    const later = s.snapshot(1);
    expect(later.trainLoss!).toBeLessThan(first.trainLoss! * 0.5);
    expect(later.trainAccuracy!).toBeGreaterThan(0.9);
  });

  it("says which kernels train it: the SIMD tiles wherever WebAssembly SIMD runs, as in Node 22", () => {
    expect(new TrainingSession(spec()).snapshot(1).kernels).toBe("simd");
  });

  it("records one history row per measurement and hands each row out once", () => {
    const s = new TrainingSession(spec());
    s.snapshot(1);
    s.step(10);
    const snap = s.snapshot(1);
    expect(snap.history.rows).toBe(10);
    expect(snap.history.width).toBe(6 + 3 * 3);
    expect(snap.history.data[0]).toBe(1);
    expect(s.snapshot(1).history.rows).toBe(0);
  });

  it("records accuracy in every history row, so a warmed-up lab can chart it from step 0", () => {
    const s = new TrainingSession(spec({ perceptron: { lr: 0.1 } }));
    s.step(10);
    const snap = s.snapshot(1);
    const w = snap.history.width;
    const last = snap.history.data.subarray((snap.history.rows - 1) * w, snap.history.rows * w);
    expect(last[w - 3]).toBe(snap.trainAccuracy);
    expect(last[w - 1]).toBe(snap.perceptron!.trainAccuracy);
    const first = snap.history.data.subarray(0, w);
    expect(first[0]).toBe(0);
    expect(first[w - 3]).toBeGreaterThanOrEqual(0);
    expect(first[w - 3]).toBeLessThanOrEqual(1);
    // Without a perceptron its column is NaN (the charts skip it).
    const plain = new TrainingSession(spec()).snapshot(1);
    expect(plain.history.data[plain.history.width - 1]).toBeNaN();
  });

  it("keeps pending history bounded when nobody reads it", () => {
    const s = new TrainingSession(spec());
    s.step(2000);
    const snap = s.snapshot(1);
    expect(snap.history.rows).toBeLessThanOrEqual(256);
    expect(snap.history.data[(snap.history.rows - 1) * snap.history.width]).toBe(2000);
  });

  it("reports the output logits at every training point when asked, and they match the boundary grid's softmax", () => {
    const multi = spec(
      { outputLogits: true, boundarySize: 64 },
      {
        layers: [2, 8, 3],
        head: "softmax",
        loss: "cross-entropy",
        dataset: { kind: "blobs", n: 120, noise: 0.15, classes: 3, testFraction: 0.25 },
      },
    );
    const s = new TrainingSession(multi);
    s.step(20);
    const snap = s.snapshot(1);
    const n = snap.data!.trainLabels.length;
    expect(snap.logits).toHaveLength(n * 3);
    expect(snap.logits!.every(Number.isFinite)).toBe(true);
    // The core's own class scores on a one-cell grid centred exactly on point 7 agree with softmax(z).
    const i = 7;
    const [x, y] = [snap.data!.trainX[2 * i]!, snap.data!.trainX[2 * i + 1]!];
    const p = new Float64Array(3);
    predictGrid(s.trainer, 1, p, { xMin: x - 0.01, xMax: x + 0.01, yMin: y - 0.01, yMax: y + 0.01 });
    const z = snap.logits!.slice(3 * i, 3 * i + 3);
    const e = z.map((v) => Math.exp(v - Math.max(...z)));
    const sum = e.reduce((a, b) => a + b, 0);
    e.forEach((v, j) => expect(v / sum).toBeCloseTo(p[j]!, 12));
    expect(new TrainingSession(spec()).snapshot(1).logits).toBeNull();
  });

  it("sends the dataset with the first snapshot only", () => {
    const s = new TrainingSession(spec());
    expect(s.snapshot(1).data?.trainLabels.length).toBe(150);
    expect(s.snapshot(1).data).toBeNull();
  });

  it("resets to the same weights: the same steps give the same loss", () => {
    const s = new TrainingSession(spec());
    s.step(50);
    const a = s.snapshot(1).trainLoss;
    s.reset();
    expect(s.snapshot(1).distanceFromStart).toBe(0);
    s.step(50);
    expect(s.snapshot(1).trainLoss).toBe(a);
  });

  it("reports divergence with its step, and never a NaN loss", () => {
    const s = new TrainingSession(
      spec({}, { optimizer: { kind: "sgd", lr: 1e6 }, hidden: "identity", head: "identity", loss: "mse" }),
    );
    s.step(100);
    const snap = s.snapshot(1);
    expect(snap.status).toBe("diverged");
    expect(snap.divergedAt).toBeGreaterThan(0);
    expect(Number.isFinite(snap.trainLoss ?? 0)).toBe(true);
    // Every column but the ones that are NaN by design (testLoss, testAccuracy, perceptron) is finite.
    const w = snap.history.width;
    const maybeNaN = new Set([2, w - 2, w - 1]);
    expect([...snap.history.data].filter((_v, i) => !maybeNaN.has(i % w)).every(Number.isFinite)).toBe(true);
  });

  it("marks when ReLU units die after a shock, and Leaky ReLU revives them", () => {
    const s = new TrainingSession(
      spec({}, { hidden: "relu", layers: [2, 16, 16, 1], init: { kind: "he-normal", bias: 0.1 } }),
    );
    s.step(20);
    s.shock(50);
    const dead = s.snapshot(1).deadSince.filter((v) => v >= 0).length;
    expect(dead).toBeGreaterThan(0);
    s.setActivation("leaky-relu", 0.3);
    s.step(200);
    expect(s.snapshot(1).deadSince.filter((v) => v >= 0).length).toBeLessThan(dead);
  });

  it("gives the chain-rule factors along a path, whose product matches", () => {
    const s = new TrainingSession(spec({ path: { x: [0.5, -0.5], indices: [0, 1, 2, 0] } }));
    const { path } = s.snapshot(1);
    expect(path?.factors).toHaveLength(3);
    const product = path!.factors.reduce((p, f) => p * f, 1);
    expect(path!.product).toBeCloseTo(product, 15);
    path!.factors.forEach((f, l) => expect(f).toBeCloseTo(path!.fPrime[l]! * path!.weights[l]!, 15));
  });

  it("trains a perceptron beside a step network whose weights never move", () => {
    const s = new TrainingSession(
      spec(
        { perceptron: { lr: 0.1 }, boundarySize: 0 },
        {
          layers: [2, 1],
          hidden: "step",
          head: "step",
          loss: "mse",
          dataset: { kind: "linear", n: 100, noise: 0, testFraction: 0 },
          optimizer: { kind: "sgd", lr: 1 },
        },
      ),
    );
    s.step(200);
    const snap = s.snapshot(1);
    expect(snap.distanceFromStart).toBe(0);
    expect(snap.perceptron!.trainAccuracy).toBeGreaterThan(0.95);
  });

  it("rejects a bad config with the core's message naming the field", () => {
    expect(() => new TrainingSession(spec({}, { layers: [2, 1e9, 1] }))).toThrow(/layers\[1\]/);
  });
});

describe("TrainingSession measurements after a change in place", () => {
  it("shows the weights a shock left, not the ones it started from", () => {
    const s = new TrainingSession(spec({}, { hidden: "relu", layers: [2, 16, 16, 1], init: { kind: "he-normal" } }));
    s.step(20);
    const before = s.snapshot(1).deadSince.filter((v) => v >= 0).length;
    s.shock(50);
    const after = s.snapshot(1);
    expect(after.step).toBe(21);
    expect(after.deadSince.filter((v) => v >= 0).length).toBeGreaterThan(before);
    // One history row per step, even though the step was measured twice.
    expect(after.history.rows).toBe(1);
    expect(after.history.data[0]).toBe(21);
  });
});

describe("TrainingSession in float32 (config.precision)", () => {
  it("trains in float32 when the config asks, says so in every snapshot, and draws every instrument", () => {
    const s = new TrainingSession(
      spec(
        { path: { x: [0.3, -0.2], indices: [0, 1, 2, 0] }, outputParts: 3, outputLogits: true },
        { precision: "float32" },
      ),
    );
    const first = s.snapshot(1);
    expect(first.precision).toBe("float32");
    expect(first.kernels).toBe("simd");
    expect(s.trainer.mlp.params).toBeInstanceOf(Float32Array);
    s.step(200);
    const later = s.snapshot(1);
    expect(later.trainLoss!).toBeLessThan(first.trainLoss! * 0.7);
    expect(Object.is(Math.fround(later.trainLoss!), later.trainLoss)).toBe(true);
    for (const v of [...later.boundary!, ...later.path!.factors, ...later.outputParts!.dLdz, ...later.logits!])
      expect(Number.isFinite(v)).toBe(true);
    expect(later.history.rows).toBe(200);
    s.reset();
    expect(s.snapshot(1).trainLoss).toBe(first.trainLoss);
  });

  it("a float64 session says float64, and a precision the core does not know is refused with the field's name", () => {
    expect(new TrainingSession(spec()).snapshot(1).precision).toBe("float64");
    expect(() => new TrainingSession(spec({}, { precision: "float16" }))).toThrow(
      /precision must be one of "float64", "float32"/,
    );
  });
});
