import { describe, expect, it } from "vitest";
import { ConfigError, createTrainer, LIMITS, validateConfig, type TrainerConfig } from "../index.ts";

const GOOD: TrainerConfig = {
  layers: [2, 8, 8, 1],
  hidden: "tanh",
  head: "sigmoid",
  loss: "bce",
  init: { kind: "xavier-normal" },
  optimizer: { kind: "sgd", lr: 0.1 },
  seeds: { data: 1, init: 2, batch: 3 },
  dataset: { kind: "xor", n: 100, noise: 0.1, testFraction: 0.2 },
};

function issues(input: unknown): string[] {
  try {
    validateConfig(input);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).issues];
  }
}

describe("config validation", () => {
  it("accepts a good config, fills defaults and survives a JSON round trip", () => {
    const c = validateConfig(JSON.parse(JSON.stringify(GOOD)));
    expect(c.init).toEqual({ kind: "xavier-normal", scale: 1, bias: 0 });
    expect(c.batchSize).toBe("full");
    expect(c.optimizer.weightDecay).toBe(0);
    expect(validateConfig(c)).toEqual(c);
  });

  it("names the field and the allowed values in each message", () => {
    expect(issues({ ...GOOD, hidden: "swish" })).toEqual([
      expect.stringMatching(/^hidden must be one of .*"leaky-relu".*; got "swish"\.$/),
    ]);
    expect(issues({ ...GOOD, layers: [3, 8, 1] })).toEqual(["layers[0] must be 2 (the datasets are 2-D); got 3."]);
    expect(issues({ ...GOOD, layers: [2, 0, 1] })[0]).toMatch(/layers\[1\] must be an integer width in \[1, 256\]/);
    expect(issues({ ...GOOD, head: "tanh" })[0]).toMatch(/loss "bce" needs head "sigmoid"; got head "tanh"/);
    expect(issues({ ...GOOD, layers: [2, 8, 3] })[0]).toMatch(
      /layers\[2\] \(outputs\) must be 1 \(binary\) or 2 \(one-hot\) for head "sigmoid" on 2-class "xor"; got 3/,
    );
    expect(issues({ ...GOOD, layers: [2, 8, 2] })).toEqual([]);
    expect(issues({ ...GOOD, optimizer: { kind: "sgd", lr: -1 } })[0]).toMatch(
      /optimizer\.lr must be a number in \[0, 1000000\]; got -1/,
    );
    expect(issues({ ...GOOD, seeds: { data: 1.5, init: 2, batch: 3 } })[0]).toMatch(/seeds\.data must be an integer/);
    expect(issues({ ...GOOD, dataset: { kind: "xor", n: 100000, noise: 0, testFraction: 0 } })[0]).toMatch(
      /dataset\.n must be an integer in \[4, 2000\]/,
    );
    expect(issues({ ...GOOD, dataset: { kind: "xor", n: 100, noise: 0, classes: 3, testFraction: 0 } })[0]).toMatch(
      /binary/,
    );
    expect(issues("nope")).toEqual(['config must be an object; got "nope".']);
  });

  it("lists every problem at once", () => {
    expect(issues({ ...GOOD, hidden: 1, head: "x", optimizer: {}, seeds: null }).length).toBeGreaterThanOrEqual(4);
  });

  it("enforces the limits so a URL cannot freeze a tab", () => {
    const wide = Array(LIMITS.maxHiddenLayers).fill(256);
    expect(issues({ ...GOOD, layers: [2, ...wide, 1] })[0]).toMatch(/parameters; at most/);
    expect(issues({ ...GOOD, layers: [2, ...Array(LIMITS.maxHiddenLayers + 1).fill(4), 1] })[0]).toMatch(
      /layers must be an array of 2 to 22/,
    );
    expect(
      issues({
        ...GOOD,
        layers: [2, 256, 256, 256, 1],
        dataset: { kind: "xor", n: 2000, noise: 0, testFraction: 0 },
      })[0],
    ).toMatch(/exceeds/);
  });

  it("checks multiclass shapes", () => {
    const multi = {
      ...GOOD,
      layers: [2, 8, 3],
      head: "softmax",
      loss: "cross-entropy",
      dataset: { kind: "spirals", n: 90, noise: 0, classes: 3, testFraction: 0 },
    };
    expect(issues(multi)).toEqual([]);
    expect(issues({ ...multi, layers: [2, 8, 4] })[0]).toMatch(/must be 3 \(one per class\)/);
    expect(createTrainer(multi).dataset.classes).toBe(3);
  });
});

describe("a dataset of given points", () => {
  const n = 40;
  const points = {
    x: Array.from({ length: 2 * n }, (_, i) => ((i * 37) % 23) / 11 - 1),
    labels: Array.from({ length: n }, (_, i) => ((i * 7) % 11) % 3),
  };
  const own = {
    ...GOOD,
    layers: [2, 8, 3],
    head: "softmax",
    loss: "cross-entropy",
    dataset: { kind: "points", n, noise: 0, classes: 3, testFraction: 0.25, points },
  };

  it("is accepted with its points copied, and trains", () => {
    const c = validateConfig(JSON.parse(JSON.stringify(own)));
    expect(c.dataset.points).toEqual(points);
    expect(c.dataset.points!.x).not.toBe(points.x);
    const t = createTrainer(own);
    expect([t.dataset.train.n, t.dataset.test.n, t.dataset.classes]).toEqual([30, 10, 3]);
    t.evaluate();
    const first = t.diagnostics.trainLoss;
    t.step(200);
    expect(t.status.status).toBe("ok");
    t.evaluate();
    expect(t.diagnostics.trainLoss).toBeLessThan(first);
  });

  it("checks every point and label against the count, the bounds and the classes", () => {
    const with_ = (patch: object) => ({ ...own, dataset: { ...own.dataset, ...patch } });
    expect(issues(with_({ points: { ...points, x: points.x.slice(1) } }))).toEqual([
      "dataset.points.x must be an array of 80 coordinates (x₁, x₂ of each point); got an array of 79.",
    ]);
    expect(issues(with_({ points: { ...points, labels: "all" } }))).toEqual([
      'dataset.points.labels must be an array of 40 class indices; got "all".',
    ]);
    expect(issues(with_({ points: undefined }))[0]).toMatch(/^dataset\.points\.x must be an array of 80/);
    const far = points.x.slice();
    far[5] = 2e6;
    expect(issues(with_({ points: { ...points, x: far } }))).toEqual([
      "dataset.points.x[5] must be a number in [-1000000, 1000000]; got 2000000.",
    ]);
    const nan = points.x.slice();
    nan[3] = Number.NaN;
    expect(issues(with_({ points: { ...points, x: nan } }))[0]).toMatch(/^dataset\.points\.x\[3\] must be a number/);
    const label = points.labels.slice();
    label[9] = 3;
    expect(issues(with_({ points: { ...points, labels: label } }))).toEqual([
      "dataset.points.labels[9] must be an integer in [0, 2]; got 3.",
    ]);
    label[9] = 0.5;
    expect(issues(with_({ points: { ...points, labels: label } }))[0]).toMatch(/labels\[9\] must be an integer/);
    expect(issues(with_({ noise: 0.1 }))).toEqual(["dataset.noise must be a number in [0, 0]; got 0.1."]);
    expect(issues(with_({ classes: 9 }))[0]).toMatch(/^dataset\.classes must be an integer in \[2, 8\]/);
    expect(issues(with_({ classes: undefined }))[0]).toMatch(/^dataset\.classes must be an integer in \[2, 8\]/);
    expect(issues({ ...own, layers: [2, 8, 4] })[0]).toMatch(
      /must be 3 \(one per class\) for head "softmax" on 3-class "points"/,
    );
  });

  it("counts its points against the work bound like any dataset", () => {
    const big = { x: new Array(2 * LIMITS.maxPoints).fill(0), labels: new Array(LIMITS.maxPoints).fill(1) };
    const dataset = { kind: "points", n: LIMITS.maxPoints, noise: 0, classes: 2, testFraction: 0, points: big };
    expect(issues({ ...GOOD, layers: [2, 256, 256, 1], dataset })[0]).toMatch(/exceeds/);
    expect(issues({ ...GOOD, dataset })).toEqual([]);
  });
});

describe("config precision", () => {
  it("defaults to float64, accepts float32, and refuses anything else naming the field and its values", () => {
    expect(validateConfig(GOOD).precision).toBe("float64");
    expect(validateConfig({ ...GOOD, precision: "float32" }).precision).toBe("float32");
    expect(createTrainer({ ...GOOD, precision: "float32" }).precision).toBe("float32");
    for (const bad of ["float16", "Float32", 32, null])
      expect(issues({ ...GOOD, precision: bad })).toEqual([
        `precision must be one of "float64", "float32"; got ${JSON.stringify(bad)}.`,
      ]);
  });
});
