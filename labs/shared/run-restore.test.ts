import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../src/worker/client.ts";
import { DyingReluLab } from "../dying-relu/dying-relu.svelte.ts";
import { DR_WARMUP } from "../dying-relu/settings.ts";

const factory = (cb: ConstructorParameters<typeof TrainingClient>[0]) => new TrainingClient(cb, "in-thread");

/** A mounted dying-ReLU lab (an assignment's preset), waited until its warm-up run is on screen. */
async function opened(locked: string[] = []): Promise<DyingReluLab> {
  const lab = new DyingReluLab({ seed: 3 }, { factory, address: null });
  lab.mount("", { locked });
  await vi.waitFor(() => expect(lab.training.record?.step).toBe(DR_WARMUP));
  return lab;
}

/** Waits until the lab has shown its answer to the latest command. */
const settled = (lab: DyingReluLab) => vi.waitFor(() => expect(lab.training.settled).toBe(true));

/** A run a student might hand in: a shock, Leaky ReLU in place, a new learning rate, more steps. */
async function studentRun(): Promise<DyingReluLab> {
  const lab = await opened();
  lab.shock();
  await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP + 1));
  lab.set("act", "leaky-relu");
  lab.set("lr", 0.3);
  for (let i = 0; i < 12; i++) lab.training.stepOnce();
  await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP + 13));
  await settled(lab);
  return lab;
}

describe("a training lab's run, kept as settings + changes + step", () => {
  it("runSettings are the settings the run started from: the lab rebuilds the run's spec from them", async () => {
    const lab = await studentRun();
    expect(lab.settings).toMatchObject({ act: "leaky-relu", lr: 0.3 });
    expect(lab.runSettings).toMatchObject({ act: "relu", lr: 0.1 });
    const rebuilt = new DyingReluLab(lab.runSettings!, { address: null }).firstRun.spec;
    expect(rebuilt).toEqual(lab.training.record!.spec);
    lab.dispose();
  });

  it("restore replays a kept run in the worker to the same step, numbers and unit states, with the controls as they were", async () => {
    const kept = await studentRun();
    const record = kept.training.record!;
    const again = await opened();
    const problem = await again.restore({
      settings: kept.runSettings!,
      changes: record.changes,
      step: record.step,
      current: kept.settings,
    });
    expect(problem).toBeNull();
    await vi.waitFor(() => expect(again.training.record?.step).toBe(record.step));
    await vi.waitFor(() => expect(again.training.record?.changes).toEqual(record.changes));
    const [a, b] = [kept.training.snapshot!, again.training.snapshot!];
    expect([b.trainLoss, b.trainAccuracy, b.testAccuracy, b.hidden, b.learningRate]).toEqual([
      a.trainLoss,
      a.trainAccuracy,
      a.testAccuracy,
      a.hidden,
      a.learningRate,
    ]);
    expect(b.deadSince).toEqual(a.deadSince);
    expect(again.settings).toEqual(kept.settings);
    expect(again.runSettings).toEqual(kept.runSettings);
    kept.dispose();
    again.dispose();
  });

  it("refuses a kept run whose settings the schema would correct, or that a locked setting forbids, changing nothing", async () => {
    const lab = await opened(["seed"]);
    const base = { ...lab.settings };
    const run = { settings: base, changes: [], step: 50, current: base };
    expect(await lab.restore({ ...run, settings: { ...base, bias: -9 } })).toMatch(/initial bias.*outside/);
    expect(await lab.restore({ ...run, current: { ...base, act: "sigmoid" } })).toMatch(/activation/);
    expect(await lab.restore({ ...run, settings: { ...base, seed: 4 }, current: { ...base, seed: 4 } })).toBe(
      "seed is set by this page to another value.",
    );
    expect(lab.settings).toEqual(base);
    expect(lab.training.step).toBe(DR_WARMUP);
    lab.dispose();
  });
});
