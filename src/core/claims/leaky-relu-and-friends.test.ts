/**
 * Claim tests for the lesson "Leaky ReLU and friends" (content/lessons/07-leaky-relu-and-friends). Each test
 * name quotes the lesson's sentence. Claims about a lab run its named preset through the lab's own code: the
 * explorer's controller for its curves and shading, the dying-ReLU lab's session and counter for training.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ActivationExplorerLab } from "../../../labs/activation-explorer/activation-explorer.svelte.ts";
import { PRESETS as EXPLORER } from "../../../labs/activation-explorer/presets.ts";
import { SCHEMA as EXPLORER_SCHEMA } from "../../../labs/activation-explorer/settings.ts";
import { DR_WARMUP } from "../../../labs/dying-relu/settings.ts";
import { binaryCrossEntropyWithLogits, getActivation, normalPdf, SATURATION_THRESHOLD, sigmoid } from "../index.ts";
import type { TrainingSession } from "../../worker/session.ts";
import { dyingReluSession, perLayer } from "./lab-runs.ts";

/** Tests that train thousands of steps get room on a busy machine (each takes a few seconds alone). */
const SLOW = 120_000;

/** The lesson's text with line breaks and indentation collapsed to single spaces. */
function lessonText(): string {
  const file = new URL("../../../content/lessons/07-leaky-relu-and-friends/index.mdx", import.meta.url);
  return readFileSync(file, "utf8").replace(/\s+/g, " ");
}

/** The explorer as a lesson opens it with a named preset (and changes on top, as a reader would make them). */
function explorer(preset: keyof typeof EXPLORER, patch: Record<string, unknown> = {}): ActivationExplorerLab {
  return new ActivationExplorerLab({ ...EXPLORER[preset].settings, ...patch }, { address: null });
}

/** The step at which the lab's measured training loss first falls below `level` (from the session's current step). */
function stepBelow(s: TrainingSession, level: number, maxSteps: number): number {
  while (s.trainer.steps < maxSteps) {
    s.step(1);
    if (s.snapshot(0).trainLoss! < level) return s.trainer.steps;
  }
  return Infinity;
}

/** softplus(x) = log(1 + eˣ), from the core: BCE with logits against target 0. */
const softplus = (x: number): number => binaryCrossEntropyWithLogits(x, 0);

describe("lesson: Leaky ReLU and friends", () => {
  it("with α = 0.01: f(−0.01) = −0.0001, f(−5) = −0.05, f(−100) = −1, f(3) = 3; the slope is 0.01 on the left and 1 on the right", () => {
    const f = getActivation("leaky-relu", 0.01);
    expect(f.f(-0.01)).toBeCloseTo(-0.0001, 15);
    expect(f.f(-5)).toBeCloseTo(-0.05, 15);
    expect(f.f(-100)).toBeCloseTo(-1, 15);
    expect(f.f(3)).toBe(3);
    for (const x of [-100, -5, -0.01]) expect(f.df(x)).toBe(0.01);
    expect(f.df(3)).toBe(1);
  });

  it("the max form works because α < 1: max(αx, x) is x for positive x and αx for negative x", () => {
    for (const alpha of [0.01, 0.2, 0.5]) {
      const f = getActivation("leaky-relu", alpha);
      for (const x of [-7, -1, -0.3, 0.3, 1, 7]) expect(Math.max(alpha * x, x)).toBe(f.f(x));
    }
  });

  it("the explorer opens on Leaky ReLU with α = 0.1 and the probe at x = −3, and reads f(−3) = −0.3, f′(−3) = 0.1; at α = 0.01, f(−5) = −0.05", () => {
    const lab = explorer("leaky-vs-relu");
    expect([lab.current.a, lab.current.b, lab.current.alpha, lab.current.x]).toEqual(["leaky-relu", "relu", 0.1, -3]);
    const [leaky] = lab.readouts;
    expect(leaky!.f).toBeCloseTo(-0.3, 15);
    expect(leaky!.df).toBe(0.1);
    const small = explorer("leaky-vs-relu", { alpha: 0.01, x: -5 }).readouts[0]!;
    expect(small.f).toBeCloseTo(-0.05, 15);
    expect(small.df).toBe(0.01);
  });

  it("the explorer's shading marks where Leaky ReLU's slope is below the saturation threshold 0.01: nowhere, for any α from 0.01 up", () => {
    expect(lessonText()).toContain(
      `below the saturation threshold ${SATURATION_THRESHOLD}: nowhere, for any α from 0.01 up`,
    );
    for (const alpha of [0.01, 0.1, 0.5, 1]) {
      const lab = explorer("leaky-vs-relu", { alpha });
      expect(lab.current.threshold).toBe(SATURATION_THRESHOLD);
      expect(lab.bandsA).toEqual([]);
    }
    // Below 0.01 the whole left half is shaded: the shading can show the difference.
    const [band] = explorer("leaky-vs-relu", { alpha: 0.005 }).bandsA;
    expect(band!.from).toBe(-6);
    expect(band!.to).toBeCloseTo(0, 1);
  });

  it("the explorer's α slider reaches 1, so ELU can be shown with PyTorch's default α = 1", () => {
    expect(EXPLORER_SCHEMA.alpha.max).toBeGreaterThanOrEqual(1);
    const lab = explorer("gelu-vs-silu", { a: "elu", alpha: 1 });
    expect(lab.current.alpha).toBe(1);
    expect(lab.notices).toEqual([]);
  });

  it("GELU–SiLU explorer: GELU's slope is below 0.01 in size far on the left, and in a thin strip near x ≈ −0.75", () => {
    const lab = explorer("gelu-vs-silu");
    expect([lab.current.a, lab.current.b]).toEqual(["gelu", "silu"]);
    const bands = lab.bandsA;
    expect(bands).toHaveLength(2);
    const [tail, strip] = bands as [{ from: number; to: number }, { from: number; to: number }];
    expect(tail.from).toBe(-6);
    expect(tail.to).toBeLessThan(-2.5);
    expect((strip.from + strip.to) / 2).toBeCloseTo(-0.75, 1);
    expect(strip.to - strip.from).toBeLessThan(0.2);
  });

  it("Leaky ReLU's δ is α times the incoming one: a gradient 1/α times weaker, 100 times for α = 0.01", () => {
    const f = getActivation("leaky-relu", 0.01);
    expect(1 / f.df(-2)).toBeCloseTo(100, 12);
  });

  it("two ways back: after the shock the count is [3, 5]; at the switch to Leaky ReLU (α = 0.2) it is [3, 1] in the same step; 60 steps later [3, 0]", () => {
    // The lesson links to the shock lab's own page to see it.
    expect(lessonText()).toContain("[open the last lesson's shock lab](../../embed/dying-relu/shock/)");
    const s = dyingReluSession("shock");
    s.step(DR_WARMUP);
    s.shock(50);
    const step = s.trainer.steps;
    expect(perLayer(s)).toEqual([3, 5]);
    const before = Float64Array.from(s.trainer.mlp.params);
    s.setActivation("leaky-relu", 0.2);
    expect(s.snapshot(0).alpha).toBe(0.2);
    expect(perLayer(s)).toEqual([3, 1]);
    // The same step, and not one weight moved: the drop is the forward pass alone.
    expect(s.trainer.steps).toBe(step);
    expect(Array.from(s.trainer.mlp.params)).toEqual(Array.from(before));
    s.step(60);
    expect(perLayer(s)).toEqual([3, 0]);
  });

  it("the lab opens after 100 steps with 20 of its 32 units inactive and the loss stuck at 0.693 (α = 0.01)", () => {
    const s = dyingReluSession("leaky-negative-bias");
    expect(s.snapshot(0).alpha).toBe(0.01);
    s.step(DR_WARMUP);
    expect(perLayer(s).reduce((a, b) => a + b)).toBe(20);
    expect(s.snapshot(0).trainLoss).toBeCloseTo(0.693, 3);
  });

  it(
    "near step 2,500 with α = 0.01 and near step 300 with α = 0.2, eight times sooner; when the loss passes 0.3, 17 units are still inactive (11 with α = 0.2)",
    () => {
      const slow = dyingReluSession("leaky-negative-bias");
      const slowStep = stepBelow(slow, 0.3, 4000);
      expect(slowStep).toBeGreaterThan(2400);
      expect(slowStep).toBeLessThan(2600);
      expect(perLayer(slow).reduce((a, b) => a + b)).toBe(17);
      // "Set α to 0.2, press Reset": the run starts again from the same weights with α = 0.2.
      const fast = dyingReluSession("leaky-negative-bias", { alpha: 0.2 });
      const fastStep = stepBelow(fast, 0.3, 4000);
      expect(fastStep).toBeGreaterThan(250);
      expect(fastStep).toBeLessThan(350);
      expect(perLayer(fast).reduce((a, b) => a + b)).toBe(11);
      expect(slowStep / fastStep).toBeGreaterThan(8);
      expect(Math.round(0.2 / 0.01)).toBe(20);
    },
    SLOW,
  );

  it("exercise 2: at α = 2, max(αx, x) is 2x for positive x and x for negative x", () => {
    for (const x of [-3, -0.5]) expect(Math.max(2 * x, x)).toBe(x);
    for (const x of [0.5, 3]) expect(Math.max(2 * x, x)).toBe(2 * x);
  });

  it("exercise 3: with Σ ∂L/∂a = −4 the bias gradient is 0 under ReLU, −0.04 with α = 0.01 and −0.8 with α = 0.2, twenty times more", () => {
    const upstream = [-1.5, -2, -0.5];
    const z = [-0.3, -1.2, -2.5];
    const gradB = (name: "relu" | "leaky-relu", alpha?: number) => {
      const f = getActivation(name, alpha);
      return z.reduce((s, zn, n) => s + f.df(zn) * upstream[n]!, 0);
    };
    expect(gradB("relu")).toBe(0);
    expect(gradB("leaky-relu", 0.01)).toBeCloseTo(-0.04, 15);
    expect(gradB("leaky-relu", 0.2)).toBeCloseTo(-0.8, 15);
    expect(gradB("leaky-relu", 0.2) / gradB("leaky-relu", 0.01)).toBeCloseTo(20, 10);
  });

  it("ELU with α = 1 levels off at −α: ELU(−3) ≈ −0.950, ELU′(−3) ≈ 0.0498, ELU′(−10) ≈ 0.0000454; below x ≈ −4.6 its slope is under 0.01", () => {
    const elu = getActivation("elu");
    expect(elu.f(-3)).toBeCloseTo(-0.95, 3);
    expect(elu.df(-3)).toBeCloseTo(0.0498, 4);
    expect(elu.df(-10)).toBeCloseTo(0.0000454, 7);
    expect(elu.f(-40)).toBeCloseTo(-1, 12);
    expect(Math.log(SATURATION_THRESHOLD).toFixed(1)).toBe("-4.6");
    expect(elu.df(-4.6)).toBeGreaterThan(SATURATION_THRESHOLD);
    expect(elu.df(-4.61)).toBeLessThan(SATURATION_THRESHOLD);
    // ELU′ for x ≤ 0 is d/dx α(eˣ − 1) = αeˣ: both slopes are 1 at 0 when α = 1.
    const alpha = 1.7;
    const h = 1e-6;
    const a = getActivation("elu", alpha);
    expect((a.f(-1 + h) - a.f(-1 - h)) / (2 * h)).toBeCloseTo(alpha * Math.exp(-1), 8);
    expect(elu.df(0)).toBe(1);
  });

  it("SELU = λ·ELU_α with λ ≈ 1.0507 and α ≈ 1.6733: a standard normal input gives mean 0 and variance 1; its slope is λ, and λαeˣ for x ≤ 0", () => {
    const text = lessonText();
    expect(text).toContain("$\\lambda \\approx 1.0507$ and $\\alpha \\approx 1.6733$");
    const [lambda, alpha] = [1.0507009873554805, 1.6732632423543772];
    const elu = getActivation("elu", alpha);
    const selu = (x: number) => lambda * elu.f(x);
    let mean = 0;
    let square = 0;
    const h = 1e-3;
    for (let x = -12; x <= 12; x += h) {
      mean += selu(x) * normalPdf(x) * h;
      square += selu(x) ** 2 * normalPdf(x) * h;
    }
    expect(mean).toBeCloseTo(0, 6);
    expect(square - mean ** 2).toBeCloseTo(1, 6);
    const d = 1e-6;
    for (const x of [-2, -0.5])
      expect((selu(x + d) - selu(x - d)) / (2 * d)).toBeCloseTo(lambda * alpha * Math.exp(x), 7);
    expect((selu(1 + d) - selu(1 - d)) / (2 * d)).toBeCloseTo(lambda, 7);
  });

  it("softplus′(x) = eˣ/(1 + eˣ) = σ(x): below x ≈ −4.6 it is under 0.01, and softplus is always positive", () => {
    const h = 1e-6;
    for (const x of [-6, -1, 0, 2.5]) {
      expect((softplus(x + h) - softplus(x - h)) / (2 * h)).toBeCloseTo(sigmoid(x), 8);
      expect(softplus(x)).toBeCloseTo(Math.log(1 + Math.exp(x)), 12);
      expect(softplus(x)).toBeGreaterThan(0);
    }
    expect(sigmoid(-4.59)).toBeGreaterThan(SATURATION_THRESHOLD);
    expect(sigmoid(-4.6)).toBeLessThan(SATURATION_THRESHOLD);
  });

  it("GELU′ = Φ + xφ and SiLU′ = σ(1 + x(1 − σ)): GELU dips to about −0.170 at x ≈ −0.75, SiLU to about −0.278 at x ≈ −1.28, where their slopes pass through 0", () => {
    const h = 1e-6;
    const gelu = getActivation("gelu");
    const silu = getActivation("silu");
    for (const x of [-3, -1, 0.4, 2]) {
      const phi = normalPdf(x);
      const Phi = gelu.f(x) / x;
      expect(gelu.df(x)).toBeCloseTo(Phi + x * phi, 10);
      expect((gelu.f(x + h) - gelu.f(x - h)) / (2 * h)).toBeCloseTo(gelu.df(x), 8);
      const s = sigmoid(x);
      expect(silu.df(x)).toBeCloseTo(s * (1 + x * (1 - s)), 12);
      expect((silu.f(x + h) - silu.f(x - h)) / (2 * h)).toBeCloseTo(silu.df(x), 8);
    }
    const minimum = (f: (x: number) => number) => {
      let best = { x: 0, y: 0 };
      for (let x = -4; x <= 0; x += 1e-4) if (f(x) < best.y) best = { x, y: f(x) };
      return best;
    };
    const g = minimum(gelu.f);
    const s = minimum(silu.f);
    expect(g.y).toBeCloseTo(-0.17, 3);
    expect(g.x).toBeCloseTo(-0.75, 2);
    expect(s.y).toBeCloseTo(-0.278, 3);
    expect(s.x).toBeCloseTo(-1.28, 2);
    expect(Math.abs(gelu.df(g.x))).toBeLessThan(1e-3);
    expect(Math.abs(silu.df(s.x))).toBeLessThan(1e-3);
  });

  it("maxout: ReLU is max(z, 0) and Leaky ReLU max(z, αz), and the gradient reaches the winning line with slope 1", () => {
    const relu = getActivation("relu");
    const leaky = getActivation("leaky-relu", 0.2);
    for (const z of [-2, -0.1, 0.3, 4]) {
      expect(Math.max(z, 0)).toBe(relu.f(z));
      expect(Math.max(z, 0.2 * z)).toBeCloseTo(leaky.f(z), 15);
    }
    // A unit with three lines: nudging the winner moves the output one for one; nudging a loser, not at all.
    const lines = [0.4, -1.2, 0.9];
    const out = (zs: number[]) => Math.max(...zs);
    const h = 1e-7;
    lines.forEach((_, r) => {
      const up = lines.map((z, q) => (q === r ? z + h : z));
      expect((out(up) - out(lines)) / h).toBeCloseTo(r === 2 ? 1 : 0, 6);
    });
  });

  it("teacher guide: in the shock preset switched to Leaky ReLU at learning rate 10 the loss overflows at step 12; this lesson's preset at that rate does not diverge and its loss falls to about 0.31 within 300 steps", () => {
    const loud = dyingReluSession("shock", { act: "leaky-relu", lr: 10 });
    while (loud.snapshot(0).status === "ok" && loud.trainer.steps < 300) loud.step(1);
    expect(loud.snapshot(0).status).toBe("diverged");
    expect(loud.snapshot(0).divergedAt).toBe(12);
    const calm = dyingReluSession("leaky-negative-bias", { lr: 10 });
    calm.step(300);
    expect(calm.snapshot(0).status).toBe("ok");
    expect(calm.snapshot(0).trainLoss!.toFixed(2)).toBe("0.31");
  });

  it("teacher guide: gelu-vs-silu probes at x = −1; leaky-vs-relu's slider reaches 2", () => {
    expect(explorer("gelu-vs-silu").current.x).toBe(-1);
    expect(EXPLORER_SCHEMA.alpha.max).toBe(2);
  });
});
