import { describe, expect, it } from "vitest";
import { DR_DEFAULTS, drSpec } from "../../labs/dying-relu/settings.ts";
import { SB_DEFAULTS, sandboxSpec } from "../../labs/sandbox/settings.ts";
import { readLayer } from "../core/index.ts";
import { replayRun } from "../worker/replay.ts";
import { MAX_REPLAY_STEPS, type RunRecord } from "../worker/run-record.ts";
import { TrainingSession } from "../worker/session.ts";
import {
  checkSteps,
  ExportRefusal,
  exportRun,
  failureMessage,
  refusal,
  runLabel,
  SENSITIVITY_LIMIT,
} from "./run-export.ts";

const dying: RunRecord = {
  spec: drSpec({ ...DR_DEFAULTS }),
  changes: [
    { step: 40, type: "lr", lr: 0.3 },
    { step: 60, type: "shock", lr: 5 },
    { step: 100, type: "activation", hidden: "leaky-relu", alpha: 0.2 },
  ],
  step: 200,
};

/** A run at the edge of stability (momentum, small minibatches): it amplifies rounding within a few hundred steps. */
const unstable: RunRecord = {
  spec: sandboxSpec({
    ...SB_DEFAULTS,
    data: "xor",
    act: "gelu",
    out: "tanh-mse",
    opt: "momentum",
    lr: 0.05,
    batch: "16",
    test: 0.2,
  }),
  changes: [],
  step: 600,
};

describe("checkSteps", () => {
  it("checks the start, the first step, the quarters and the end, and the step after each change", () => {
    expect(checkSteps({ changes: [], step: 400 })).toEqual([0, 1, 100, 200, 300, 400]);
    expect(checkSteps({ changes: [], step: 1 })).toEqual([0, 1]);
    expect(checkSteps({ changes: [], step: 0 })).toEqual([0]);
    expect(checkSteps(dying)).toEqual([0, 1, 41, 50, 61, 101, 150, 200]);
  });

  it("skips a step where the activation was swapped before the end (the lab measured it twice), not at the end", () => {
    const swap = (step: number) => ({ step, type: "activation" as const, hidden: "leaky-relu", alpha: 0.2 });
    expect(checkSteps({ changes: [swap(200)], step: 400 })).toEqual([0, 1, 100, 201, 300, 400]);
    expect(checkSteps({ changes: [swap(400)], step: 400 })).toContain(400);
  });

  it("checks at most ten steps: the evenly spaced ones first, then those after the first changes", () => {
    const changes = Array.from({ length: 30 }, (_, i) => ({ step: 10 * i + 3, type: "lr" as const, lr: 0.1 }));
    expect(checkSteps({ changes, step: 400 })).toEqual([0, 1, 4, 14, 24, 34, 100, 200, 300, 400]);
  });
});

describe("exportRun", () => {
  it("carries the validated config, the points and the starting weights exactly as the lab has them", () => {
    const run = exportRun(dying);
    const t = new TrainingSession(dying.spec).trainer;
    expect(run.config).toEqual(t.config);
    expect(run.config.precision).toBe("float64");
    expect(run.label).toBe("sigmoid + BCE");
    expect(run.data.trainX).toEqual(Array.from(t.dataset.train.x));
    expect(run.data.testLabels).toEqual(Array.from(t.dataset.test.labels));
    expect(run.weights.map((w) => [w.inputs, w.outputs])).toEqual([
      [2, 16],
      [16, 16],
      [16, 1],
    ]);
    run.weights.forEach((w, l) => {
      expect(w.W).toEqual(Array.from(readLayer(t, l).W));
      expect(w.b).toEqual(Array.from(readLayer(t, l).b));
    });
    expect([run.steps, run.changes, run.perceptron, run.diverged]).toEqual([200, dying.changes, null, null]);
  });

  it("checks the losses a replay of the record gives, and finds nothing amplified in a stable run", () => {
    const run = exportRun(dying, { step: 201, reason: "the loss is not finite" });
    expect(run.shown.map((s) => s.step)).toEqual(checkSteps(dying));
    for (const s of run.shown) expect(s.loss).toBe(replayRun(dying, s.step).trainer.diagnostics.trainLoss);
    expect(run.sensitive).toBeNull();
    expect(run.diverged).toEqual({ step: 201, reason: "the loss is not finite" });
  });

  it("checks a run that amplifies rounding only before the step it starts to, up to the last step before it", () => {
    const run = exportRun(unstable);
    const from = run.sensitive!.from;
    expect(from).toBeGreaterThan(100);
    expect(from).toBeLessThan(600);
    expect(run.sensitive!.difference).toBeGreaterThan(SENSITIVITY_LIMIT);
    expect(run.shown.every((s) => s.step < from)).toBe(true);
    expect(run.shown.at(-1)!.step).toBeGreaterThanOrEqual(from - Math.ceil(600 / 40));
    expect(run.shown.map((s) => s.step).slice(0, 2)).toEqual([0, 1]);
  }, 60_000); // two replays of 600 steps: about 3 s alone, more on a busy machine

  it("reports its progress over both replays", () => {
    const seen: [number, number][] = [];
    exportRun({ ...dying, step: 50, changes: [] }, null, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)).toEqual([100, 100]);
    expect(seen.some(([done]) => done === 50)).toBe(true);
  });
});

describe("what the export refuses, and how it says so", () => {
  it("refuses float32 runs, runs measured every few steps and runs too long to replay", () => {
    const float32 = {
      ...dying,
      spec: { ...dying.spec, config: { ...dying.spec.config, precision: "float32" as const } },
    };
    expect(refusal(float32)).toMatch(/float32; the PyTorch export is float64 only/);
    expect(refusal({ ...dying, spec: { ...dying.spec, diagnosticsEvery: 5 } })).toMatch(/every few steps/);
    expect(refusal({ ...dying, step: MAX_REPLAY_STEPS + 1 })).toMatch(
      /100,001 steps long; the export replays at most 100,000/,
    );
    expect(refusal(dying)).toBeNull();
    expect(() => exportRun(float32)).toThrow(ExportRefusal);
  });

  it("says what went wrong: a refusal as it is, a config the lab cannot train by its issues, anything else plainly", () => {
    const bad = { ...dying, spec: { ...dying.spec, config: { ...dying.spec.config, layers: [3, 1] } } };
    let thrown: unknown;
    try {
      exportRun(bad);
    } catch (error) {
      thrown = error;
    }
    expect(failureMessage(thrown)).toMatch(/^The lab cannot train this run's settings: layers\[0\] must be 2/);
    expect(failureMessage(new ExportRefusal("Too long."))).toBe("Too long.");
    expect(failureMessage(new Error("boom"))).toBe("The export failed: boom");
  });

  it("names runs by their output and loss", () => {
    expect(runLabel({ head: "softmax", loss: "cross-entropy" })).toBe("softmax + cross-entropy");
    expect(runLabel({ head: "identity", loss: "bce-logits" })).toBe("BCE with logits");
    expect(runLabel({ head: "tanh", loss: "mse" })).toBe("tanh + MSE");
  });
});
