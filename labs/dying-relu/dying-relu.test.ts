import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../src/worker/client.ts";
import { runStatic } from "../shared/static-run.ts";
import { DyingReluLab } from "./dying-relu.svelte.ts";
import { PRESETS } from "./presets.ts";
import { drConfig, DR_DEFAULTS, DR_WARMUP, drSpec } from "./settings.ts";

const factory = (cb: ConstructorParameters<typeof TrainingClient>[0]) => new TrainingClient(cb, "in-thread");

/** A mounted lab, waited until its warm-up run has arrived. */
async function opened(preset: Record<string, unknown> = {}, search = ""): Promise<DyingReluLab> {
  const lab = new DyingReluLab(preset, { factory, address: null });
  lab.mount(search);
  await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP));
  return lab;
}

/** Trains `steps` more steps one command at a time (deterministic, unlike play). */
async function train(lab: DyingReluLab, steps: number): Promise<void> {
  const target = lab.training.step + steps;
  for (let i = 0; i < steps; i++) lab.training.stepOnce();
  await vi.waitFor(() => expect(lab.training.step).toBe(target));
}

describe("dying-ReLU lab: a huge step kills ReLU units, Leaky ReLU brings some back", () => {
  it("the default network trains: the loss falls, and after the warm-up most of its 32 units are alive", async () => {
    const lab = await opened();
    const first = lab.training.history.column(0)[0]!;
    expect(lab.counts.total).toBe(32);
    expect(lab.counts.off).toBeLessThanOrEqual(4);
    expect(lab.training.loss).toBeLessThan(first);
    const before = lab.training.loss!;
    await train(lab, 100);
    expect(lab.training.loss).toBeLessThan(before * 0.8);
    lab.training.dispose();
  });

  it("a shock (one step at learning rate 50) kills units; Leaky ReLU (α = 0.2) then revives some within 60 steps", async () => {
    const lab = await opened();
    const before = lab.counts.off;
    lab.shock();
    await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP + 1));
    const shocked = lab.counts.off;
    expect(shocked).toBeGreaterThanOrEqual(before + 3);
    // The shocked units died at the shock: their cells record the first measurement of the shocked weights.
    // (at least as many as the count grew: a unit dead before may also have come back at the shock)
    expect(lab.units.flatMap((l) => l.states).filter((s) => s === DR_WARMUP + 1).length).toBeGreaterThanOrEqual(
      shocked - before,
    );
    expect(lab.summary()).toMatch(
      new RegExp(
        `^step ${DR_WARMUP + 1}: loss [0-9.]+; ${shocked} of 32 units dead \\(layer 1: \\d+ of 16, layer 2: \\d+ of 16\\)$`,
      ),
    );

    lab.set("act", "leaky-relu");
    await train(lab, 60);
    expect(lab.training.snapshot!.hidden).toBe("leaky-relu");
    expect(lab.training.snapshot!.alpha).toBe(0.2);
    expect(lab.counts.off).toBeLessThan(shocked);
    expect(lab.counts.off).toBeLessThanOrEqual(shocked - 3);
    expect(lab.summary()).toMatch(/units inactive .*slope α = 0\.2/);
    lab.training.dispose();
  });

  it("after the shock, the switch to Leaky ReLU is mostly a forward-pass effect: [3, 5] → [3, 1] at once, no weight moving; layer 1 barely comes back", async () => {
    const lab = await opened(PRESETS.shock.settings);
    lab.shock();
    await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP + 1));
    expect(lab.counts.layers.map((l) => l.off)).toEqual([3, 5]);
    expect(lab.revival).toBeNull();
    const weights = lab.training.snapshot!.distanceFromStart;
    lab.set("act", "leaky-relu");
    await vi.waitFor(() => expect(lab.revival).not.toBeNull());
    expect(lab.training.snapshot!.distanceFromStart).toBe(weights);
    expect(lab.counts.layers.map((l) => l.off)).toEqual([3, 1]);
    expect(lab.revival).toEqual({ atSwitch: 4, since: 0 });
    await train(lab, 60);
    expect(lab.counts.layers.map((l) => l.off)).toEqual([3, 0]);
    expect(lab.revival).toEqual({ atSwitch: 4, since: 1 });
    expect(lab.summary()).toMatch(/at the switch 4 units stopped counting as dead .*since then 1 unit came back/);
    lab.training.reset();
    await vi.waitFor(() => expect(lab.training.step).toBe(0));
    expect(lab.revival).toBeNull();
    lab.training.dispose();
  });

  it("the shock and the switch to Leaky ReLU are marked on the charts at their steps, and a reset clears the marks", async () => {
    const lab = await opened();
    lab.shock();
    await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP + 1));
    await train(lab, 4);
    lab.set("act", "leaky-relu");
    lab.set("act", "leaky-relu"); // no change, no mark
    expect(lab.marks).toEqual([
      { x: DR_WARMUP, label: "shock" },
      { x: DR_WARMUP + 5, label: "Leaky ReLU (α = 0.2)" },
    ]);
    lab.training.reset();
    await vi.waitFor(() => expect(lab.training.step).toBe(0));
    expect(lab.marks).toEqual([]);
    lab.training.dispose();
  });

  it("changing the learning rate alone does not revive a dead layer-1 unit: at 0.3 or 1 the same cells stay dead", async () => {
    for (const lr of [0.3, 1]) {
      const lab = await opened();
      lab.shock();
      await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP + 1));
      // Layer 1 sees the fixed inputs: with z ≤ 0 on every example its gradient is exactly 0, at any rate.
      const dead1 = lab.units[0]!.states.flatMap((s, i) => (s >= 0 ? [i] : []));
      expect(dead1.length).toBeGreaterThan(0);
      lab.set("lr", lr);
      await train(lab, 60);
      expect(lab.training.snapshot!.learningRate).toBe(lr);
      expect(lab.training.snapshot!.hidden).toBe("relu");
      expect(lab.units[0]!.states.flatMap((s, i) => (s >= 0 ? [i] : []))).toEqual(dead1);
      lab.training.dispose();
    }
  });

  it("a strongly negative initial bias (−2, from the URL) starts with every unit dead, and the loss cannot fall", async () => {
    const lab = await opened({}, "?dr.bias=-2");
    expect(lab.settings.bias).toBe(-2);
    expect(lab.notices).toEqual([]);
    expect(lab.counts.off).toBe(32);
    expect(lab.units.every((l) => l.states.every((s) => s === 0))).toBe(true); // dead since step 0
    const loss = lab.training.loss!;
    await train(lab, 20);
    expect(lab.counts.off).toBe(32);
    // Only the output bias learns: the loss sits at the entropy of the class balance, ln 2 ≈ 0.693.
    expect(lab.training.loss).toBeGreaterThan(0.69);
    expect(lab.training.loss).toBeCloseTo(loss, 2);
    lab.training.dispose();
  });

  it("Reset goes back to step 0 with the same weights, and New seed starts another network", async () => {
    const lab = await opened();
    const atWarmup = lab.training.loss;
    lab.training.reset();
    await vi.waitFor(() => expect(lab.training.step).toBe(0));
    const atZero = lab.training.loss;
    expect(atZero).not.toBe(atWarmup);
    lab.training.reset();
    await vi.waitFor(() => expect(lab.training.historyVersion).toBeGreaterThan(0));
    expect(lab.training.loss).toBe(atZero);
    lab.set("seed", 11);
    await vi.waitFor(() => expect(lab.training.loss).not.toBe(atZero));
    expect(lab.settings.seed).toBe(11);
    lab.training.dispose();
  });

  it("the bias slider and the dataset restart the run; the learning rate, α and the shock size do not", async () => {
    const lab = await opened();
    lab.set("lr", 0.05);
    lab.set("shock", "20");
    lab.set("alpha", 0.3);
    await train(lab, 1);
    expect(lab.training.step).toBe(DR_WARMUP + 1);
    expect(lab.training.snapshot!.learningRate).toBe(0.05);
    expect(lab.shockRate).toBe(20);
    lab.set("bias", -0.5);
    await vi.waitFor(() => expect(lab.training.step).toBe(0));
    expect(lab.counts.off).toBeGreaterThan(0);
    lab.set("data", "circles");
    await vi.waitFor(() => expect(lab.training.data?.trainLabels.length).toBe(150));
    expect(drConfig(lab.settings).dataset.kind).toBe("circles");
    lab.training.dispose();
  });

  it("hostile URL values give defaults and notices; out-of-range numbers are clamped", () => {
    const lab = new DyingReluLab({}, { factory, address: null });
    lab.mount("?dr.bias=-1e309&dr.lr=1e9&dr.act=%3Cscript%3E&dr.__proto__=1&dr.seed=&dr.alpha=0.1&dr.alpha=0.2");
    expect(lab.settings).toEqual({ ...DR_DEFAULTS, lr: 10 });
    const text = lab.notices.map((n) => n.message).join("\n");
    expect(text).toMatch(/initial bias: "-1e309" is not a usable number, so it is 0/);
    expect(text).toMatch(/learning rate: "1e9" is outside/);
    expect(text).toMatch(/activation: "<script>" is not one of relu, leaky-relu/);
    expect(text).toMatch(/Unknown setting "__proto__"/);
    expect(text).toMatch(/seed is empty/);
    expect(text).toMatch(/appears 2 times/);
    lab.training.dispose();
  });

  it("a lesson's preset is read like the address: bad values become defaults with a notice", () => {
    const lab = new DyingReluLab({ bias: -0.5, shock: "9000", alpha: "lots" }, { factory, address: null });
    expect(lab.settings).toEqual({ ...DR_DEFAULTS, bias: -0.5 });
    expect(lab.notices.map((n) => n.setting)).toEqual(["α (Leaky ReLU slope)", "shock size"]);
    lab.training.dispose();
  });

  it("while training, the boundary and the dead-share chart redraw at most 8 times a second, and catch up on Pause", async () => {
    const lab = await opened();
    const ticks = lab.viewTick;
    const t0 = performance.now();
    lab.training.setSpeed(Number.POSITIVE_INFINITY);
    lab.training.play();
    await vi.waitFor(() => expect(lab.training.step).toBeGreaterThan(600), { timeout: 10_000 });
    lab.training.pause();
    const elapsed = performance.now() - t0;
    expect(lab.viewTick - ticks).toBeLessThanOrEqual(Math.ceil(elapsed / 125) + 2);
    await vi.waitFor(() => expect(lab.boundary?.grid).toBe(lab.training.snapshot?.boundary));
    expect(lab.fractions.x.max).toBe(lab.training.step);
    lab.training.dispose();
  });

  it("the build-time snapshot is the live run's warm-up, exactly", async () => {
    const initial = runStatic(drSpec(DR_DEFAULTS), DR_WARMUP);
    const lab = new DyingReluLab({}, { factory, initial, address: null });
    expect(lab.training.step).toBe(DR_WARMUP);
    const counts = lab.counts;
    lab.mount("");
    await vi.waitFor(() => expect(lab.training.historyVersion).toBeGreaterThan(1));
    await vi.waitFor(() => expect(lab.training.step).toBe(DR_WARMUP));
    expect(lab.training.loss).toBe(initial.trainLoss);
    expect(lab.counts).toEqual(counts);
    lab.training.dispose();
  });
});
