import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../src/worker/client.ts";
import { runStatic } from "../shared/static-run.ts";
import { initialWeights } from "./initial-weights.ts";
import { STEP_DEFAULTS, STEP_WARMUP, stepSpec } from "./settings.ts";
import { percentText } from "../shared/run-readout.ts";
import { StepFunctionLab } from "./step-function.svelte.ts";

const inThread = (cb: ConstructorParameters<typeof TrainingClient>[0]) => new TrainingClient(cb, "in-thread");
const noAddress = { address: null };

describe("step-function lab: gradient descent cannot move a step unit; the perceptron rule can", () => {
  it("after 600 steps the step unit has not moved and its loss is unchanged, while the perceptron reaches ≥ 95%", async () => {
    const lab = new StepFunctionLab({}, { factory: inThread, ...noAddress });
    lab.mount();
    await vi.waitFor(() => expect(lab.training.step).toBe(STEP_WARMUP));
    lab.training.reset();
    await vi.waitFor(() => expect(lab.training.step).toBe(0));
    const before = lab.training.snapshot!;
    expect(before.perceptron!.trainAccuracy).toBeLessThan(0.6); // seed 1 starts near chance
    expect(before.perceptron!.trainAccuracy).toBe(before.trainAccuracy);
    expect(lab.startAccuracy).toBe(before.trainAccuracy);

    lab.training.setSpeed(Number.POSITIVE_INFINITY);
    lab.training.play();
    await vi.waitFor(() => expect(lab.training.step).toBeGreaterThanOrEqual(600), { timeout: 10_000 });
    lab.training.pause();
    const after = lab.training.snapshot!;

    expect(after.distanceFromStart).toBe(0);
    expect(after.trainLoss).toBe(before.trainLoss);
    expect(after.trainAccuracy).toBe(before.trainAccuracy);
    expect(after.layers[0]!.gradNormW).toBe(0);
    expect(after.layers[0]!.gradNormB).toBe(0);
    expect(after.perceptron!.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(after.perceptron!.w).not.toEqual(before.perceptron!.w);
    expect(after.perceptron!.updates).toBe(after.step);
    expect(lab.perceptronTestAccuracy).toBeGreaterThanOrEqual(0.9);
    // The accuracy track starts where both rules start and ends where they are.
    const steps = lab.accuracySeries.steps;
    expect(steps[0]).toBe(0);
    expect(lab.accuracySeries.perceptron.at(-1)).toBeGreaterThanOrEqual(0.95);
    expect(lab.accuracySeries.gd.every((a) => a === before.trainAccuracy)).toBe(true);
    expect(lab.summary()).toMatch(/moved 0 from its start/);
    lab.training.dispose();
  });

  it("no learning rate helps the step unit: even 10 leaves it exactly where it started", async () => {
    const lab = new StepFunctionLab({ lr: 10 }, { factory: inThread, ...noAddress });
    lab.mount();
    await vi.waitFor(() => expect(lab.training.step).toBe(STEP_WARMUP));
    expect(lab.training.snapshot!.distanceFromStart).toBe(0);
    expect(lab.training.snapshot!.status).toBe("ok");
    lab.training.dispose();
  });

  it("both rules start from θ₀, which the main thread computes exactly as the core does", async () => {
    const lab = new StepFunctionLab({}, { factory: inThread, ...noAddress });
    lab.mount();
    lab.training.reset();
    await vi.waitFor(() => expect(lab.training.snapshot?.step).toBe(0));
    const p = lab.training.snapshot!.perceptron!;
    expect(p.w).toEqual(lab.start.w);
    expect(p.b).toBe(lab.start.b);
    lab.training.dispose();
  });

  it("shows the build-time snapshot until the worker answers, and the warm-up reproduces it", async () => {
    const initial = runStatic(stepSpec(STEP_DEFAULTS), STEP_WARMUP);
    expect(initial.distanceFromStart).toBe(0);
    expect(initial.perceptron!.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    const lab = new StepFunctionLab({}, { factory: inThread, initial, ...noAddress });
    expect(lab.training.step).toBe(STEP_WARMUP);
    expect(lab.perceptronGrid?.length).toBe(48 * 48);
    // The accuracy chart is drawn at load, on the server too: both rules from step 0 to the warm-up's end.
    const steps = lab.accuracySeries.steps;
    expect(steps.length).toBeGreaterThan(10);
    expect([steps[0], steps.at(-1)]).toEqual([0, STEP_WARMUP]);
    expect(lab.accuracySeries.perceptron.at(-1)).toBe(initial.perceptron!.trainAccuracy);
    expect(lab.accuracySeries.gd.every((a) => a === initial.trainAccuracy)).toBe(true);
    lab.mount();
    await vi.waitFor(() => expect(lab.training.snapshot?.runId).toBe(1));
    await vi.waitFor(() => expect(lab.training.step).toBe(STEP_WARMUP));
    expect(lab.training.loss).toBe(initial.trainLoss);
    expect(lab.training.snapshot!.perceptron).toEqual(initial.perceptron);
    lab.training.dispose();
  });

  it("reads its settings from the preset, then the URL; hostile values become defaults with notices", () => {
    const lab = new StepFunctionLab({ lr: 0.5, noise: "lots" }, { factory: inThread, ...noAddress });
    expect(lab.settings).toEqual({ ...STEP_DEFAULTS, lr: 0.5 });
    expect(lab.notices.length).toBe(1);
    lab.mount("?sf.noise=0.1&sf.seed=__proto__&sf.lr=1e309&sf.x=1");
    expect(lab.settings).toEqual({ ...STEP_DEFAULTS, lr: 0.5, noise: 0.1 });
    expect(lab.notices.length).toBe(4);
    lab.training.dispose();
    const ignored = new StepFunctionLab({}, { factory: inThread, ...noAddress });
    ignored.mount("?ab.lr=5");
    expect(ignored.settings).toEqual(STEP_DEFAULTS);
    expect(ignored.notices).toEqual([]);
    ignored.training.dispose();
  });

  it("keeps the learning rate in bounds and a new seed gives new starting weights", () => {
    const lab = new StepFunctionLab({}, { factory: inThread, ...noAddress });
    lab.set("lr", 1e9);
    expect(lab.settings.lr).toBe(10);
    const w = lab.start.w;
    lab.set("seed", 42);
    expect(lab.settings.seed).toBe(42);
    expect(lab.start.w).not.toEqual(w);
    expect(lab.start).toEqual(initialWeights({ ...STEP_DEFAULTS, lr: 10, seed: 42 }));
    lab.training.dispose();
  });

  it("formats accuracies as whole percentages", () => {
    expect(percentText(0.9866)).toBe("99%");
    expect(percentText(null)).toBe("—");
  });
});
