import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../src/worker/client.ts";
import { runStatic } from "../shared/static-run.ts";
import { copiedUnits } from "./instruments.ts";
import { PRESETS } from "./presets.ts";
import { exportFiles } from "../../src/pytorch/export-files.ts";
import { SandboxLab } from "./sandbox.svelte.ts";
import { SB_DEFAULTS, SB_WARMUP, sandboxSpec, type SandboxSettings } from "./settings.ts";

const factory = (cb: ConstructorParameters<typeof TrainingClient>[0]) => new TrainingClient(cb, "in-thread");

/** The PyTorch script "Download as PyTorch" writes for these settings' run at step 0. */
const script = (s: SandboxSettings) =>
  exportFiles([{ spec: sandboxSpec(s), changes: [], step: 0 }], { title: "Sandbox" }).py;

/** A mounted sandbox (address `search`), reset to step 0. */
async function started(search = "", preset: Record<string, unknown> = {}): Promise<SandboxLab> {
  const lab = new SandboxLab(preset, { factory, address: null });
  lab.mount(search);
  // The warm-up may diverge first (an absurd learning rate): then it stops early.
  await vi.waitFor(() => expect(lab.training.step === SB_WARMUP || lab.training.status === "diverged").toBe(true));
  lab.training.reset();
  await vi.waitFor(() => expect(lab.training.step).toBe(0));
  expect(lab.training.status).toBe("idle");
  return lab;
}

/** Trains at full speed until at least `steps` steps (or divergence), pauses, and waits until the lab is settled. */
async function train(lab: SandboxLab, steps: number): Promise<void> {
  lab.training.setSpeed(Number.POSITIVE_INFINITY);
  lab.training.play();
  await vi.waitFor(() => expect(lab.training.step >= steps || lab.training.status === "diverged").toBe(true), {
    timeout: 20_000,
  });
  lab.training.pause();
  await vi.waitFor(() => expect(lab.training.settled).toBe(true));
}

describe("sandbox", () => {
  it("a ReLU network trained by Adam on moons: the loss falls, accuracy rises, update ratios sit near 10⁻³", async () => {
    const lab = await started("?sb.act=relu&sb.opt=adam&sb.data=moons");
    const before = lab.training.snapshot!;
    await train(lab, 200);
    const after = lab.training.snapshot!;
    expect(after.trainLoss!).toBeLessThan(0.5 * before.trainLoss!);
    expect(after.trainAccuracy!).toBeGreaterThan(0.95);
    expect(lab.labels).toEqual(["L1", "L2", "out"]);
    for (const l of after.layers) {
      expect(l.gradNormW).toBeGreaterThan(0);
      expect(l.updateRatio).toBeGreaterThan(1e-4);
      expect(l.updateRatio).toBeLessThan(1e-1);
    }
    expect(lab.units.map((u) => u.states.length)).toEqual([8, 8]);
    expect(lab.gradients.rows).toEqual(["L1", "L2", "out"]);
    expect(lab.gradients.columns).toBeGreaterThan(10);
    expect(lab.accuracySeries.train.at(-1)).toBe(after.trainAccuracy);
    // Paused: the instruments show the latest snapshot, not a throttled older one.
    expect(lab.view).toBe(after);
    expect(lab.boundary?.grid).toBe(after.boundary);
    // The tables behind the boundary and the heatmap are read at rest: every point, at most 25 steps.
    expect(lab.rest).toBe(after);
    expect(lab.boundaryTable).toHaveLength(300);
    const right = lab.boundaryTable.filter((r) => r[0] === "train" && r[3] === r[4]).length / 225;
    expect(right).toBeGreaterThan(0.9);
    expect(lab.gradientTable.length).toBeLessThanOrEqual(25);
    expect(lab.gradientTable.at(-1)).toHaveLength(4);
    expect(lab.accuracySeries.train.at(-1)).toBe(after.trainAccuracy);
    expect(lab.summary()).toMatch(
      /^step \d+: loss .*accuracy \d+%; first-layer gradient .* hidden units dead; update ratio of L1/,
    );
    lab.training.dispose();
  });

  it("plain SGD at the largest learning rate on an identity network diverges, and says so", async () => {
    const lab = await started("?sb.act=identity&sb.opt=sgd&sb.lr=100");
    await train(lab, 100);
    expect(lab.training.status).toBe("diverged");
    expect(lab.training.snapshot!.divergedAt).toBeLessThan(50);
    // The failing step is not applied: the run (and its charts) end one step before it.
    expect(lab.training.snapshot!.step).toBe(lab.training.snapshot!.divergedAt! - 1);
    expect(lab.summary()).toMatch(/^Diverged at step (\d+): .*; the charts stop at step (\d+)\./);
    lab.training.dispose();
  });

  it("3-class blobs force softmax + cross-entropy, with a notice, and the PyTorch script has no softmax", async () => {
    const lab = new SandboxLab({}, { factory, address: null });
    lab.mount("?sb.data=blobs&sb.out=sigmoid-bce");
    expect(lab.settings.out).toBe("softmax-ce");
    expect(lab.classes).toBe(3);
    expect(lab.notices.map((n) => n.message).join()).toMatch(/needs two classes; blobs has 3/);
    expect(script(lab.settings)).toContain("nn.CrossEntropyLoss()");
    expect(script(lab.settings)).not.toContain("Softmax");
    await vi.waitFor(() => expect(lab.training.snapshot?.outputs).toBe(3));
    lab.training.dispose();
    // Without an explicit output the default simply gives way, without a notice.
    const quiet = new SandboxLab({}, { factory, address: null });
    quiet.mount("?sb.data=spirals&sb.classes=5");
    expect([quiet.settings.out, quiet.notices.length]).toEqual(["softmax-ce", 0]);
    quiet.training.dispose();
  });

  it("changing a setting starts a new run; the learning rate does not", async () => {
    const lab = await started();
    lab.training.stepOnce();
    lab.training.stepOnce();
    await vi.waitFor(() => expect(lab.training.step).toBe(2));
    lab.set("lr", 0.05);
    await vi.waitFor(() => expect(lab.training.snapshot!.learningRate).toBe(0.05));
    expect(lab.training.step).toBe(2);
    lab.set("layers", 4);
    lab.set("width", 16);
    lab.set("act", "tanh");
    await vi.waitFor(() => expect(lab.training.snapshot!.layers.length).toBe(5));
    expect(lab.training.step).toBe(0);
    expect(script(lab.settings).match(/nn\.Tanh\(\)/g)).toHaveLength(4);
    // Out-of-range values from a control are clamped, never passed on.
    lab.set("width", 1000);
    lab.set("layers", -2);
    expect([lab.settings.width, lab.settings.layers]).toEqual([64, 0]);
    lab.training.dispose();
  });

  it("opens on the build-time snapshot, which the warm-up reproduces exactly", async () => {
    const initial = runStatic(sandboxSpec(SB_DEFAULTS), SB_WARMUP);
    const lab = new SandboxLab({}, { factory, initial, address: null });
    expect(lab.training.step).toBe(SB_WARMUP);
    // The accuracy chart is drawn at load (and on the server): the warm-up's every measurement, from step 0.
    const drawn = lab.accuracySeries;
    expect(drawn.steps.length).toBeGreaterThan(10);
    expect([drawn.steps[0], drawn.steps.at(-1)]).toEqual([0, SB_WARMUP]);
    expect(drawn.train.at(-1)).toBe(initial.trainAccuracy);
    expect(lab.view?.step).toBe(SB_WARMUP);
    lab.mount("");
    await vi.waitFor(() => expect(lab.training.snapshot?.runId).toBe(1));
    await vi.waitFor(() => expect(lab.training.step).toBe(SB_WARMUP));
    // ...and so is the live warm-up, held back and delivered as one snapshot.
    expect(lab.accuracySeries.steps[0]).toBe(0);
    expect(lab.accuracySeries.steps.length).toBeGreaterThan(10);
    expect(lab.training.loss).toBe(initial.trainLoss);
    expect(initial.trainLoss!).toBeLessThan(0.2);
    lab.training.dispose();
  });

  it("symmetric-init: units that start equal stay equal, and the lab says so; a random initialiser breaks the tie", () => {
    const copied = runStatic(
      sandboxSpec(new SandboxLab(PRESETS["symmetric-init"].settings, { address: null }).base),
      300,
    );
    expect(copied.layers.slice(0, -1).map((l) => [l.distinctUnits, l.units])).toEqual([
      [1, 8],
      [1, 8],
    ]);
    expect(copied.trainAccuracy!).toBeLessThan(0.75);
    expect(copiedUnits(copied.layers)).toEqual([
      "layer 1: its 8 units are 1 distinct unit",
      "layer 2: its 8 units are 1 distinct unit",
    ]);
    const random = { ...PRESETS["symmetric-init"].settings, init: "xavier-normal", scale: 1 };
    const tied = runStatic(sandboxSpec(new SandboxLab(random, { address: null }).base), 300);
    expect(tied.layers.map((l) => l.distinctUnits)).toEqual([8, 8, 1]);
    expect(tied.trainAccuracy!).toBeGreaterThan(0.95);
  });

  it("turns hostile address values into defaults with notices", () => {
    const lab = new SandboxLab({ layers: 3 }, { factory, address: null });
    lab.mount("?sb.layers=__proto__&sb.act=%3Cscript%3E&sb.lr=1e309&sb.width=&sb.bogus=1");
    expect(lab.settings).toEqual({ ...SB_DEFAULTS, layers: 3 });
    expect(lab.notices).toHaveLength(5);
    lab.training.dispose();
  });

  it("the helper text's suggestions hold: sigmoid × 6 layers starts ≈ 550× shorter and Adam evens it out within ~100 steps; ReLU with bias −1 loses units", () => {
    const ratio = (steps: number) => {
      const s = runStatic(sandboxSpec({ ...SB_DEFAULTS, act: "sigmoid", layers: 6 }), steps);
      return s.layers.at(-1)!.gradNormW / s.layers[0]!.gradNormW;
    };
    expect(Math.round(ratio(0) / 50) * 50).toBe(550);
    expect(ratio(100)).toBeLessThan(5);
    const relu = runStatic(sandboxSpec({ ...SB_DEFAULTS, bias: -1 }), 50);
    expect(relu.layers.slice(0, -1).reduce((n, l) => n + l.deadUnits, 0)).toBeGreaterThanOrEqual(4);
  });
});
