import { describe, expect, it } from "vitest";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { runStatic } from "./static-run.ts";
import { decodeStatic, encodeStatic, unflatten } from "./static-snapshot.ts";

const spec: SessionSpec = {
  config: {
    layers: [2, 8, 1],
    hidden: "tanh",
    head: "sigmoid",
    loss: "bce",
    init: { kind: "xavier-normal" },
    optimizer: { kind: "sgd", lr: 0.5 },
    seeds: { data: 1, init: 2, batch: 3 },
    dataset: { kind: "circles", n: 120, noise: 0.05, testFraction: 0 },
  },
  boundarySize: 16,
  diagnosticsEvery: 1,
  saturationThreshold: 0.01,
  path: null,
  outputParts: 0,
  perceptron: null,
};

describe("encodeStatic / decodeStatic", () => {
  const snapshot = runStatic(spec, 20);
  const decoded = decodeStatic(encodeStatic(snapshot));

  it("keeps every scalar the readouts show exactly", () => {
    expect(decoded.trainLoss).toBe(snapshot.trainLoss);
    expect(decoded.layers).toEqual(snapshot.layers);
    expect(decoded.deadSince).toEqual(snapshot.deadSince);
    expect(decoded.step).toBe(20);
  });

  it("rounds the long float arrays to what a plot can show, and keeps integers and NaN", () => {
    snapshot.boundary!.forEach((v, i) => expect(decoded.boundary![i]).toBe(Number(v.toPrecision(4))));
    snapshot.history.data.forEach((v, i) =>
      Number.isNaN(v) ? expect(decoded.history.data[i]).toBeNaN() : expect(decoded.history.data[i]).toBeCloseTo(v, 5),
    );
    // No test split and no perceptron: the history's test-loss, test-accuracy and perceptron columns are NaN,
    // which plain JSON would turn into null (then 0).
    expect(decoded.history.data.filter(Number.isNaN).length).toBe(3 * 21);
    expect(decoded.data!.trainLabels).toEqual(snapshot.data!.trainLabels);
    expect(unflatten(decoded).history.rows).toBe(21);
  });

  it("is much smaller than the same snapshot as plain JSON (Astro's own prop encoding is larger still)", () => {
    expect(encodeStatic(snapshot).length).toBeLessThan(0.7 * JSON.stringify(snapshot).length);
  });

  it("restores infinities, and leaves other strings alone", () => {
    const value = { a: Infinity, b: [-Infinity, 1], reason: "loss is NaN", c: "NaN" };
    expect(decodeStatic(encodeStatic(value))).toEqual({
      a: Infinity,
      b: [-Infinity, 1],
      reason: "loss is NaN",
      c: NaN,
    });
  });
});
