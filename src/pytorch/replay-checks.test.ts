import { describe, expect, it } from "vitest";
import { DR_DEFAULTS, drSpec } from "../../labs/dying-relu/settings.ts";
import { SB_DEFAULTS, sandboxSpec } from "../../labs/sandbox/settings.ts";
import { STEP_DEFAULTS, stepSpec } from "../../labs/step-function/settings.ts";
import { replayRun } from "../worker/replay.ts";
import type { RunRecord } from "../worker/run-record.ts";
import { replayChecks } from "./replay-checks.ts";

/** Every step of a record, 0 … step. */
const everyStep = (r: RunRecord) => Array.from({ length: r.step + 1 }, (_, i) => i);

/** What replayRun gives at step k: the canonical replay, once per step. */
function canonical(record: RunRecord, k: number) {
  const s = replayRun(record, k);
  return {
    step: s.trainer.steps,
    loss: s.trainer.diagnostics.trainLoss,
    perceptronAccuracy: s.perceptron ? s.perceptron.accuracy("train") : null,
  };
}

const changed: RunRecord = {
  spec: drSpec({ ...DR_DEFAULTS }),
  changes: [
    { step: 0, type: "lr", lr: 0.2 },
    { step: 5, type: "lr", lr: 0.3 },
    { step: 10, type: "shock", lr: 5 },
    { step: 11, type: "shock", lr: 2 },
    { step: 20, type: "activation", hidden: "leaky-relu", alpha: 0.2 },
    { step: 30, type: "activation", hidden: "relu", alpha: 0.2 },
  ],
  step: 30,
};

const minibatches: RunRecord = {
  spec: sandboxSpec({ ...SB_DEFAULTS, opt: "momentum", lr: 0.05, batch: "16", points: 80 }),
  changes: [{ step: 7, type: "lr", lr: 0.01 }],
  step: 25,
};

const perceptron: RunRecord = { spec: stepSpec({ ...STEP_DEFAULTS, points: 40 }), changes: [], step: 70 };

describe("replayChecks", () => {
  it("reads at every step what replayRun gives there, through rate changes, shocks and swaps (one at the end)", () => {
    const { shown } = replayChecks(changed, everyStep(changed));
    expect(shown).toEqual(everyStep(changed).map((k) => canonical(changed, k)));
  });

  it("agrees with replayRun with minibatches and momentum, and with the perceptron's accuracy", () => {
    for (const record of [minibatches, perceptron]) {
      const steps = [0, 1, 3, 7, 8, 13, record.step];
      expect(replayChecks(record, steps).shown).toEqual(steps.map((k) => canonical(record, k)));
    }
    expect(replayChecks(perceptron, [70]).shown[0]!.perceptronAccuracy).toBeGreaterThan(0.5);
  });

  it("reads each step once, in order, skips steps outside the run, and reports its progress", () => {
    const seen: [number, number][] = [];
    const { session, shown } = replayChecks(minibatches, [25, 3, 3, -1, 26, 0], (done, total) =>
      seen.push([done, total]),
    );
    expect(shown.map((s) => s.step)).toEqual([0, 3, 25]);
    expect(session.trainer.steps).toBe(25);
    expect(seen.at(-1)).toEqual([25, 25]);
    expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1]![0])).toBe(true);
  });

  it("with a perturbation, starts from slightly moved weights: the same at step 0, a tiny difference after", () => {
    const steps = [0, 1, 25];
    const plain = replayChecks(minibatches, steps).shown;
    const moved = replayChecks(minibatches, steps, () => {}, 2 ** -50).shown;
    const relative = plain.map((p, i) => Math.abs(moved[i]!.loss - p.loss) / p.loss);
    expect(relative[0]).toBe(0);
    expect(relative[1]).toBeGreaterThan(0);
    expect(Math.max(...relative)).toBeLessThan(1e-12);
  });

  it("stops at a divergence, reading nothing past it", () => {
    const diverging: RunRecord = {
      spec: sandboxSpec({ ...SB_DEFAULTS, act: "identity", opt: "sgd", lr: 100 }),
      changes: [],
      step: 60,
    };
    const { session, shown } = replayChecks(diverging, [0, 1, 59, 60]);
    expect(session.trainer.status.status).toBe("diverged");
    expect(shown.map((s) => s.step)).toEqual([0, 1]);
  });
});
