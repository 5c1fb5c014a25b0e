import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../src/worker/client.ts";
import { LAB_CATALOG } from "../catalog.ts";
import { OutputLossLab } from "./output-loss.svelte.ts";

const URL_KEY = LAB_CATALOG["output-loss"].urlKey;
import { DEFAULTS, PAIRING_IDS, PARTS_POINTS, WARMUP_STEPS } from "./settings.ts";
import { initialSnapshots } from "./static-snapshots.ts";

const factory = (cb: ConstructorParameters<typeof TrainingClient>[0]) => new TrainingClient(cb, "in-thread");
const allAt = (c: OutputLossLab, step: number) => PAIRING_IDS.forEach((id) => expect(c.runs[id].step).toBe(step));

describe("OutputLossLab, binary mode", () => {
  it("opens on the build-time snapshot, and the warm-up run reproduces it exactly", async () => {
    const initial = initialSnapshots(DEFAULTS);
    expect(initial.binary!["sigmoid-mse"]!.data).toBeNull();
    const c = new OutputLossLab({}, { factory, initial, address: null });
    expect(c.pairings.every((p) => p.rows.length === PARTS_POINTS)).toBe(true);
    allAt(c, WARMUP_STEPS);
    const before = PAIRING_IDS.map((id) => c.runs[id].loss);
    c.mount("");
    await vi.waitFor(() => allAt(c, WARMUP_STEPS));
    expect(PAIRING_IDS.map((id) => c.runs[id].loss)).toEqual(before);
    // The step-0 loss is the history's first row: [step, trainLoss, …].
    c.pairings.forEach((p) => expect(p.start).toBe(initial.binary![p.id]!.history.data[1]));
    expect(c.pairings[1]!.dropped).toBeGreaterThan(0.05);
    c.dispose();
  });

  it("starts all three pairings from the same weights, every class-1 point confidently wrong at z ≈ −10", async () => {
    const c = new OutputLossLab({}, { factory, address: null });
    c.mount("");
    await vi.waitFor(() => allAt(c, WARMUP_STEPS));
    c.binary.reset();
    await vi.waitFor(() => allAt(c, 0));
    const [mse, bce, tanh] = c.pairings;
    mse!.rows.forEach((r, i) => {
      expect(bce!.rows[i]!.z).toBeCloseTo(r.z, 9);
      expect(tanh!.rows[i]!.z).toBeCloseTo(r.z, 9);
      if (r.label === 1) expect(r.z).toBeLessThan(-8.5);
    });
    expect(mse!.example!.label).toBe(1);
    // The decomposition the lab shows: σ′(z) ≈ 4.5×10⁻⁵ crushes MSE; under BCE it cancels and ∂L/∂z = a − y ≈ −1.
    expect(mse!.example!.dadz).toBeLessThan(1e-4);
    expect(Math.abs(mse!.example!.dLdz)).toBeLessThan(2e-4);
    expect(bce!.example!.dLdz).toBeCloseTo(-1, 3);
    expect(Math.abs(tanh!.example!.dLdz)).toBeLessThan(1e-6);
    expect(c.summary()).toMatch(/^step 0: loss fallen since step 0: sigmoid \+ MSE ≈ 0 %/);
    c.dispose();
  });

  it("from confidently wrong, BCE's loss falls faster than MSE's: one Train drives all three runs", async () => {
    const c = new OutputLossLab({}, { factory, address: null });
    c.mount("");
    await vi.waitFor(() => allAt(c, WARMUP_STEPS));
    c.binary.setSpeed(Number.POSITIVE_INFINITY);
    c.binary.play();
    PAIRING_IDS.forEach((id) => expect(c.runs[id].status).toBe("running"));
    await vi.waitFor(() => PAIRING_IDS.forEach((id) => expect(c.runs[id].step).toBeGreaterThan(400)), {
      timeout: 10_000,
    });
    c.binary.pause();
    PAIRING_IDS.forEach((id) => expect(c.runs[id].status).toBe("paused"));
    const [mse, bce, tanh] = c.pairings;
    expect(bce!.dropped).toBeGreaterThan(0.9);
    expect(mse!.dropped).toBeLessThan(0.01);
    expect(tanh!.dropped).toBeLessThan(0.001);
    expect(mse!.dropped).toBeGreaterThanOrEqual(0);
    c.dispose();
  });

  it("changes the learning rate of all three runs without a reset, and restarts them for a new bias", async () => {
    const c = new OutputLossLab({}, { factory, address: null });
    c.mount("");
    await vi.waitFor(() => allAt(c, WARMUP_STEPS));
    c.set("lr", 0.5);
    c.binary.stepOnce();
    await vi.waitFor(() => allAt(c, WARMUP_STEPS + 1));
    PAIRING_IDS.forEach((id) => expect(c.runs[id].snapshot?.learningRate).toBe(0.5));
    c.set("bias", -4);
    await vi.waitFor(() => allAt(c, 0));
    expect(c.pairings[0]!.example!.z).toBeGreaterThan(-5.5);
    expect(c.urlSearch("?other=1")).toBe(`?other=1&${URL_KEY}.lr=0.5&${URL_KEY}.bias=-4`);
    c.dispose();
  });
});

describe("OutputLossLab, multiclass mode", () => {
  it("starts the softmax run on first switch, the loss falls, and the point's softmax table is consistent", async () => {
    const c = new OutputLossLab({}, { factory, address: null });
    c.mount(`?${URL_KEY}.pt=5`);
    await vi.waitFor(() => allAt(c, WARMUP_STEPS));
    c.set("mode", "multiclass");
    expect(c.active).toBe(c.multiclass);
    await vi.waitFor(() => expect(c.multiclass.step).toBe(WARMUP_STEPS));
    const first = c.multiclass.history.column(0)[0]!;
    c.multiclass.setSpeed(Number.POSITIVE_INFINITY);
    c.multiclass.play();
    await vi.waitFor(() => expect(c.multiclass.step).toBeGreaterThan(200), { timeout: 10_000 });
    c.multiclass.pause();
    expect(c.multiclass.loss!).toBeLessThan(0.5 * first);
    const p = c.point!;
    expect(p.index).toBe(5);
    expect(p.table!.rows).toHaveLength(DEFAULTS.classes);
    expect(p.table!.rows.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 12);
    expect(p.table!.max).toBe(Math.max(...p.table!.rows.map((r) => r.z)));
    expect(p.table!.crossEntropy).toBeCloseTo(-Math.log(p.table!.rows[p.label]!.p), 9);
    // The logits are the training point's own: the table is the network at (x, y), not at a grid cell near it.
    const k = DEFAULTS.classes;
    expect(p.table!.rows.map((r) => r.z)).toEqual(c.multiclass.snapshot!.logits!.slice(5 * k, 6 * k));
    expect(c.summary()).toMatch(/point #5 \(class \d\): cross-entropy/);
    // The binary runs were paused and kept their place.
    allAt(c, WARMUP_STEPS);
    c.dispose();
  });

  it("a learning rate of 1000 blows the loss up without a non-finite number: the lab says it is unstable", async () => {
    const c = new OutputLossLab({}, { factory, address: null });
    c.mount(`?${URL_KEY}.mode=multiclass&${URL_KEY}.mlr=1000`);
    await vi.waitFor(() => expect(c.multiclass.step).toBe(WARMUP_STEPS));
    c.multiclass.setSpeed(Number.POSITIVE_INFINITY);
    c.multiclass.play();
    // The loss jumps about while it is blown up; catch a moment above 10× its start (checked together).
    await vi.waitFor(
      () => {
        const u = c.unstable;
        expect(u).not.toBeNull();
        expect(u!.to).toBeGreaterThan(10 * u!.from);
        expect(c.multiclass.snapshot!.status).toBe("ok");
        expect(c.summary()).toMatch(/unstable: loss rose from .* — lower the learning rate/);
      },
      { timeout: 10_000 },
    );
    c.multiclass.pause();
    c.dispose();
  });

  it("reads hostile URL values as defaults with notices, and a new seed restarts with new data", async () => {
    const c = new OutputLossLab({ classes: 99 }, { factory, random: () => 0.5, address: null });
    expect(c.base.classes).toBe(5);
    c.mount(`?${URL_KEY}.mode=__proto__&${URL_KEY}.lr=1e309&${URL_KEY}.seed=%3Cscript%3E&${URL_KEY}.mlr=`);
    expect(c.settings.mode).toBe("binary");
    expect(c.settings.lr).toBe(DEFAULTS.lr);
    expect(c.settings.seed).toBe(DEFAULTS.seed);
    expect(c.notices.length).toBe(5);
    await vi.waitFor(() => allAt(c, WARMUP_STEPS));
    const before = c.runs["sigmoid-mse"].data!.trainX[0];
    c.newSeed();
    expect(c.settings.seed).toBe(500_000);
    await vi.waitFor(() => allAt(c, 0));
    expect(c.runs["sigmoid-mse"].data!.trainX[0]).not.toBe(before);
    c.dispose();
  });
});
