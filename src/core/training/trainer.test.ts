import { describe, expect, it } from "vitest";
import {
  cloneDiagnostics,
  createTrainer,
  predictGrid,
  readParameters,
  type Diagnostics,
  type TrainerConfig,
} from "../index.ts";

const BASE: TrainerConfig = {
  layers: [2, 8, 8, 1],
  hidden: "tanh",
  head: "sigmoid",
  loss: "bce",
  init: { kind: "xavier-normal", bias: 0 },
  optimizer: { kind: "sgd", lr: 0.5 },
  seeds: { data: 11, init: 22, batch: 33 },
  dataset: { kind: "xor", n: 200, noise: 0.05, testFraction: 0.25 },
};

const with_ = (patch: Partial<TrainerConfig>): TrainerConfig => ({ ...BASE, ...patch });

/** Every number reachable from d, for NaN hunts. */
function numbersIn(d: Diagnostics): number[] {
  const out = [d.step, d.trainLoss, d.trainAccuracy, d.testLoss ?? 0, d.testAccuracy ?? 0];
  for (const l of d.layers)
    out.push(
      l.gradNormW,
      l.gradNormB,
      l.meanAbsDelta,
      l.saturation,
      l.deadUnits,
      l.updateRatio,
      ...l.histogram,
      ...l.dead,
    );
  return out;
}

describe("trainer", () => {
  it("learns XOR (loss falls, accuracy rises)", () => {
    const t = createTrainer(with_({ optimizer: { kind: "adam", lr: 0.02 } }));
    t.evaluate();
    const before = t.diagnostics.trainLoss;
    expect(t.step(600)).toBe(600);
    expect(t.status).toEqual({ status: "ok", step: 600 });
    expect(t.diagnostics.trainLoss).toBeLessThan(before / 3);
    expect(t.diagnostics.trainAccuracy).toBeGreaterThan(0.9);
    expect(t.diagnostics.testAccuracy).toBeGreaterThan(0.85);
  });

  for (const batchSize of ["full", 16] as const) {
    it(`the same seeds give a bit-identical loss trajectory (batch ${batchSize}), and reset replays it`, () => {
      const cfg = with_({ batchSize, optimizer: { kind: "momentum", lr: 0.1, momentum: 0.9 } });
      const a = createTrainer(cfg);
      const b = createTrainer(JSON.parse(JSON.stringify(cfg)));
      const la = new Float64Array(300);
      const lb = new Float64Array(300);
      a.step(300, la);
      b.step(300, lb);
      expect(new Uint8Array(la.buffer)).toEqual(new Uint8Array(lb.buffer));
      expect(readParameters(a)).toEqual(readParameters(b));
      const initial = readParameters(createTrainer(cfg));
      a.reset();
      expect(new Uint8Array(readParameters(a).buffer)).toEqual(new Uint8Array(initial.buffer));
      const again = new Float64Array(300);
      a.step(300, again);
      expect(new Uint8Array(again.buffer)).toEqual(new Uint8Array(la.buffer));
    });
  }

  it("different seeds give different data, weights and batches", () => {
    const a = createTrainer(BASE);
    expect(createTrainer(with_({ seeds: { data: 12, init: 22, batch: 33 } })).dataset.train.x).not.toEqual(
      a.dataset.train.x,
    );
    const other = createTrainer(with_({ seeds: { data: 11, init: 23, batch: 33 } }));
    expect(other.dataset.train.x).toEqual(a.dataset.train.x);
    expect(readParameters(other)).not.toEqual(readParameters(a));
  });

  it("an absurd learning rate (1e6) diverges at a reported step, and no NaN reaches any diagnostic", () => {
    const t = createTrainer(
      with_({
        hidden: "relu",
        head: "identity",
        loss: "mse",
        init: { kind: "he-normal" },
        optimizer: { kind: "sgd", lr: 1e6 },
      }),
    );
    const ran = t.step(1000);
    const status = t.status;
    expect(status.status).toBe("diverged");
    expect(status.step).toBe(ran + 1);
    if (status.status === "diverged") expect(status.reason).toMatch(/not finite|non-finite|overflow/);
    expect(t.diagnostics.valid).toBe(ran > 0);
    expect(numbersIn(t.diagnostics).every(Number.isFinite)).toBe(true);
    expect(readParameters(t).every(Number.isFinite)).toBe(true);
    const grid = new Float64Array(16 * 16);
    predictGrid(t, 16, grid);
    expect(grid.every(Number.isFinite)).toBe(true);
    const last = cloneDiagnostics(t.diagnostics);
    expect(t.step(10)).toBe(0);
    expect(t.diagnostics).toEqual(last);
    t.reset();
    expect(t.status).toEqual({ status: "ok", step: 0 });
  });

  it("measures diagnostics every k steps when asked, describing the step that produced them", () => {
    const t = createTrainer(BASE, { every: 5 });
    t.step(3);
    expect(t.diagnostics.valid).toBe(false);
    t.step(9);
    expect(t.diagnostics.step).toBe(10);
    t.setDiagnosticsOptions({ every: 0 });
    t.step(10);
    expect(t.diagnostics.step).toBe(10);
  });

  it("diagnostics are complete and consistent", () => {
    const t = createTrainer(with_({ hidden: "relu", init: { kind: "he-normal" } }), { histogramBins: 10 });
    t.step(5);
    const d = t.diagnostics;
    expect(d.layers).toHaveLength(3);
    const nTrain = t.dataset.train.n;
    d.layers.forEach((l, i) => {
      const width = t.config.layers[i + 1]!;
      expect(l.histogram.reduce((s, c) => s + c, 0)).toBe(nTrain * width);
      expect(l.gradNormW).toBeGreaterThan(0);
      expect(l.updateRatio).toBeGreaterThan(0);
      expect(l.saturation).toBeGreaterThanOrEqual(0);
      expect(l.saturation).toBeLessThanOrEqual(1);
      expect(l.dead.reduce((s, c) => s + c, 0)).toBe(l.deadUnits);
    });
    expect(d.layers[0]!.histogramLo).toBe(0);
    expect(d.layers[2]!.histogramHi).toBe(1);
  });

  it("changes the learning rate mid-run without a reset, and can swap the hidden activation", () => {
    const t = createTrainer(BASE);
    t.step(10);
    t.setLearningRate(0.01);
    expect(t.learningRate).toBe(0.01);
    expect(t.config.optimizer.lr).toBe(0.01);
    t.step(1);
    expect(t.steps).toBe(11);
    t.setHiddenActivation("leaky-relu", 0.2);
    expect(t.config.hidden).toBe("leaky-relu");
    t.step(1);
    expect(t.status.status).toBe("ok");
    expect(() => t.setLearningRate(-1)).toThrow(/learning rate/);
  });

  it("minibatches cover the training set once per epoch", () => {
    const t = createTrainer(with_({ batchSize: 32 }));
    expect(t.batchSize).toBe(32);
    const losses = new Float64Array(10);
    t.step(10, losses);
    expect(losses.every(Number.isFinite)).toBe(true);
  });

  it("handles a split without test points", () => {
    const t = createTrainer(with_({ dataset: { kind: "circles", n: 50, noise: 0, testFraction: 0 } }));
    t.step(2);
    expect(t.diagnostics.testLoss).toBeNull();
    expect(t.diagnostics.testAccuracy).toBeNull();
  });

  it("fills a caller-owned histogram of any layer's activations, and rejects bad diagnostics options loudly", () => {
    const t = createTrainer(BASE);
    const out = new Float64Array(7);
    t.activationHistogram(1, -1, 1, out);
    expect(out.reduce((s, c) => s + c, 0)).toBe(t.dataset.train.n * 8);
    expect(() => t.activationHistogram(3, -1, 1, out)).toThrow(/layer must be an integer in \[0, 2\]/);
    expect(() => createTrainer(BASE, { every: -1 })).toThrow(/every must be an integer/);
    expect(() => t.setDiagnosticsOptions({ histogramBins: 5000 })).toThrow(/histogramBins/);
    expect(() => t.setDiagnosticsOptions({ histogramRange: [1, 0] })).toThrow(/histogramRange/);
  });
});

describe("Trainer in float32", () => {
  const isFloat32 = (v: number) => Object.is(Math.fround(v), v);

  it("stores float32 values only, trains, resets to the same bits, and reads out as Float64Arrays", () => {
    for (const kind of ["sgd", "momentum", "adam"] as const) {
      const t = createTrainer(with_({ precision: "float32", optimizer: { kind, lr: kind === "adam" ? 0.02 : 0.3 } }));
      const start = readParameters(t);
      const first = new Float64Array(200);
      t.step(200, first);
      expect(t.status.status, kind).toBe("ok");
      expect(first[199]!, kind).toBeLessThan(first[0]! * 0.8);
      const after = readParameters(t);
      expect(after).toBeInstanceOf(Float64Array);
      expect([...start, ...after, ...first].every(isFloat32), kind).toBe(true);
      expect(numbersIn(t.diagnostics).every(Number.isFinite)).toBe(true);
      t.reset();
      expect(readParameters(t)).toEqual(start);
      const again = new Float64Array(200);
      t.step(200, again);
      expect(again).toEqual(first);
    }
  });

  it("updates with torch.optim's float32 SGD step: θ ← θ − lr·g rounded once, lr cast to float32", () => {
    const t = createTrainer(with_({ precision: "float32", optimizer: { kind: "sgd", lr: 0.1 } }));
    const before = readParameters(t);
    t.step(1);
    const g = Float64Array.from(t.mlp.grads);
    const lr = Math.fround(0.1);
    const after = readParameters(t);
    before.forEach((theta, i) => expect(after[i], `θ[${i}]`).toBe(Math.fround(theta - lr * g[i]!)));
    // Rounding lr·g first, or using lr = 0.1 itself, lands elsewhere for some parameter.
    expect(before.some((theta, i) => Math.fround(theta - Math.fround(lr * g[i]!)) !== after[i])).toBe(true);
  });

  it("differs from the float64 run from the first step (every result is rounded), but learns the same task", () => {
    const f32 = createTrainer(with_({ precision: "float32" }));
    const f64 = createTrainer(BASE);
    const [l32, l64] = [new Float64Array(300), new Float64Array(300)];
    f32.step(300, l32);
    f64.step(300, l64);
    expect(l32[0]).not.toBe(l64[0]);
    expect(Math.abs(l32[0]! - l64[0]!)).toBeLessThan(1e-6);
    expect(f32.diagnostics.trainAccuracy).toBeGreaterThan(0.9);
  });

  it("diverges where float32 overflows (3.4e38), long before float64 would, and reports the step it happens", () => {
    // Linear regression at too large a rate: the weights grow geometrically until they overflow the format.
    const unstable = (precision: "float32" | "float64") =>
      createTrainer(
        with_({ precision, layers: [2, 1], head: "identity", loss: "mse", optimizer: { kind: "sgd", lr: 5 } }),
      );
    const [f32, f64] = [unstable("float32"), unstable("float64")];
    f32.step(5000);
    f64.step(5000);
    expect(f32.status.status).toBe("diverged");
    expect(f64.status.status).toBe("diverged");
    expect(f64.status.step).toBeGreaterThan(4 * f32.status.step);
    expect(readParameters(f32).every(Number.isFinite)).toBe(true);
  });
});
