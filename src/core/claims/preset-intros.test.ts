/**
 * Claim tests for the labs' intros, the sentence above a lab's controls. A lesson that opens a lab with a named preset
 * shows that preset's intro (labs/<lab>/presets.ts); without one it shows the lab's general intro (the children of
 * LabIntro in labs/<lab>/Lab.svelte), which was written for the lab's defaults and can be false for a preset. So:
 * every preset a lesson opens has an intro of its own, or the general intro is checked against that preset here;
 * and every number or direction an intro states about its preset is checked by running the preset through the lab's
 * own code (lab-runs.ts), with the intro's words quoted, so changing either the preset or the sentence fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_IDS, type LabId } from "../../../labs/catalog.ts";
import { DR_WARMUP } from "../../../labs/dying-relu/settings.ts";
import { LAB_PRESETS } from "../../../labs/index.ts";
import { SB_WARMUP } from "../../../labs/sandbox/settings.ts";
import { STEP_WARMUP } from "../../../labs/step-function/settings.ts";
import { WARMUP_STEPS as VG_WARMUP } from "../../../labs/vanishing-gradients/settings.ts";
import type { TrainingSession } from "../../worker/session.ts";
import { readLayer } from "../index.ts";
import { GradientBarsView, labSession, perLayer } from "./lab-runs.ts";

/** Training a 10-layer stack for a few thousand steps takes seconds alone, more on a busy machine. */
const SLOW = 180_000;

const ROOT = new URL("../../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), "utf8");

/** Every course page's MDX (lessons, teacher guides, assignments, reference pages). */
function coursePages(): string[] {
  return readdirSync(new URL("content/", ROOT), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => `content/${f}`);
}

/** "lab/preset" for every preset a page opens: a <Lab id preset> embed or a link to the preset's own page. */
function openedPresets(): Set<string> {
  const found = new Set<string>();
  for (const page of coursePages()) {
    const text = read(page);
    for (const m of text.matchAll(/<Lab\s+id="([a-z-]+)"\s+preset="([a-z0-9-]+)"/g)) found.add(`${m[1]}/${m[2]}`);
    for (const m of text.matchAll(/\/embed\/([a-z-]+)\/([a-z0-9-]+)\//g)) found.add(`${m[1]}/${m[2]}`);
  }
  return found;
}

/** A lab's general intro as its Lab.svelte writes it (tags dropped, spaces collapsed), or null if it has none. */
function generalIntro(lab: LabId): string | null {
  const m = /<LabIntro \{intro\}>([\s\S]*?)<\/LabIntro>/.exec(read(`labs/${lab}/Lab.svelte`));
  return m
    ? m[1]!
        .replace(/<[^>]+>/g, "")
        .replace(/\s+/g, " ")
        .trim()
    : null;
}

/** The intro a preset shows; fails if it has none. */
function introOf(lab: LabId, preset: string): string {
  const intro = LAB_PRESETS[lab][preset]?.intro;
  expect(intro, `${lab}/${preset} has an intro`).toBeDefined();
  return intro!;
}

/** Steps a session on to `step` (counted from its start). */
function stepTo(s: TrainingSession, step: number): TrainingSession {
  s.step(step - s.trainer.steps);
  return s;
}

/** The vanishing-gradients lab opened on a preset (settings changed on top), read as the lab reads its bars. */
const bars = (preset: string, patch: Record<string, unknown> = {}): GradientBarsView =>
  new GradientBarsView(labSession("vanishing-gradients", preset, patch));
/** How many times shorter the first layer's bar is than the output layer's (below 1: longer). */
const shortBy = (v: GradientBarsView): number => 1 / v.ratio.ratio;
const inactive = (s: TrainingSession): number => perLayer(s).reduce((a, b) => a + b, 0);

/** Each preset intro's checks: its words, and what they say about the preset's run. */
const INTRO_CHECKS: Record<string, (intro: string) => void> = {
  "vanishing-gradients/sigmoid-uniform": (intro) => {
    expect(intro).toContain("Ten sigmoid layers with weights drawn from U(−1, 1)");
    expect(LAB_PRESETS["vanishing-gradients"]["sigmoid-uniform"]!.settings).toMatchObject({
      depth: 10,
      activation: "sigmoid",
      init: "uniform",
      scale: 1,
    });
    expect(intro).toContain("watch the first layers' bars stay short while the last ones move");
    const v = bars("sigmoid-uniform").to(VG_WARMUP);
    const s = v.session;
    const last = s.config.layers.length - 2;
    const start = [0, last].map((l) => Array.from(readLayer(s.trainer, l).W));
    for (const step of [VG_WARMUP, 500]) expect(shortBy(v.to(step))).toBeGreaterThan(1000);
    // The last ones move: the output layer's weights change far more than the first layer's.
    const [firstMoved, lastMoved] = [0, last].map((l, i) =>
      Math.max(...Array.from(readLayer(s.trainer, l).W, (w, j) => Math.abs(w - start[i]![j]!))),
    );
    expect(lastMoved).toBeGreaterThan(100 * firstMoved!);
  },
  "vanishing-gradients/sigmoid-window": (intro) => {
    expect(intro).toContain("The same ten sigmoid layers with weights from U(−5, 5)");
    expect(LAB_PRESETS["vanishing-gradients"]["sigmoid-window"]!.settings).toMatchObject({ scale: 5, init: "uniform" });
    expect(intro).toContain("within a few hundred steps the first layer's bar rises to the last one's");
    expect(intro).toContain("the accuracy climbs");
    expect(intro).toContain("watch the ratio drift down again");
    const v = bars("sigmoid-window").to(VG_WARMUP);
    const opened = v.trainAccuracy;
    expect(shortBy(v)).toBeGreaterThan(50);
    expect(shortBy(v.to(300))).toBeLessThan(2);
    expect(v.trainAccuracy).toBeGreaterThan(opened + 0.2);
    expect(shortBy(v.to(4500))).toBeGreaterThan(10);
  },
  "vanishing-gradients/exploding": (intro) => {
    expect(intro).toContain("Ten tanh layers with wide N(0, 2²) weights");
    expect(LAB_PRESETS["vanishing-gradients"].exploding!.settings).toMatchObject({
      activation: "tanh",
      init: "normal",
      scale: 2,
    });
    expect(intro).toContain("the first layer's bar is far above the last one's");
    expect(intro).toContain("the early layers saturate and the bars fall below level");
    const v = bars("exploding").to(VG_WARMUP);
    const saturated = v.snapshot.layers[1]!.saturation;
    expect(1 / shortBy(v)).toBeGreaterThan(100);
    expect(shortBy(v.to(1000))).toBeGreaterThan(1);
    expect(v.snapshot.layers[1]!.saturation).toBeGreaterThan(saturated);
  },
  "vanishing-gradients/tanh-xavier": (intro) => {
    expect(intro).toContain("Ten tanh layers of 16 with Xavier initialisation");
    expect(intro).toContain("the first layer's bar is within a factor of 10 of the output layer's");
    expect(intro).toContain("watch the accuracy and the bars past step 430");
    expect(intro).toContain("Switch the activation to sigmoid and the staircase returns");
    const v = bars("tanh-xavier").to(VG_WARMUP);
    expect(shortBy(v)).toBeGreaterThan(0.1);
    expect(shortBy(v)).toBeLessThan(10);
    // Past step 430 there is something to watch: the accuracy falls to a coin toss and the first bar with it.
    expect(Math.min(...v.to(430).accuracies.slice(VG_WARMUP))).toBeGreaterThan(0.3);
    v.to(1000);
    expect(v.trainAccuracy).toBeLessThan(0.6);
    expect(shortBy(v)).toBeGreaterThan(100);
    expect(shortBy(bars("tanh-xavier", { activation: "sigmoid" }).to(VG_WARMUP))).toBeGreaterThan(1000);
  },
  "vanishing-gradients/relu-he": (intro) => {
    expect(intro).toContain("Ten ReLU layers of 32 with He initialisation");
    expect(intro).toContain("the first layer's bar is within a factor of 10 of the output layer's");
    expect(intro).toContain(
      "watch the accuracy from step 400 on: near steps 409, 473 and 546 it suddenly falls to about 50%",
    );
    const v = bars("relu-he").to(VG_WARMUP);
    expect(shortBy(v)).toBeGreaterThan(0.1);
    expect(shortBy(v)).toBeLessThan(10);
    const accuracy = v.to(700).accuracies;
    // The steps after step 400 at which the accuracy drops below 55%, to about 50% (the classes' shares).
    const falls = accuracy.flatMap((a, k) => (k > 400 && a < 0.55 && accuracy[k - 1]! >= 0.55 ? [k] : []));
    expect(falls.slice(0, 3)).toEqual([409, 473, 546]);
    for (const k of falls.slice(0, 3)) expect(accuracy[k]).toBeGreaterThan(0.45);
  },
  "dying-relu/negative-bias": (intro) => {
    expect(intro).toContain("Every bias starts at −0.5: 20 of 32 units are dead from step 0");
    expect(intro).toContain("watch the loss stay near 0.69");
    const s = labSession("dying-relu", "negative-bias");
    expect(inactive(s)).toBe(20);
    stepTo(s, DR_WARMUP + 500);
    expect(s.snapshot(0).trainLoss!).toBeCloseTo(0.69, 2);
  },
  "dying-relu/leaky-negative-bias": (intro) => {
    expect(intro).toContain("Leaky ReLU from the start (α = 0.01) with every bias at −0.5");
    expect(intro).toContain("20 of 32 units start inactive and the loss sits at 0.693");
    const s = labSession("dying-relu", "leaky-negative-bias");
    expect(s.snapshot(0).alpha).toBe(0.01);
    expect(inactive(s)).toBe(20);
    stepTo(s, DR_WARMUP);
    expect(inactive(s)).toBe(20);
    expect(s.snapshot(0).trainLoss!).toBeCloseTo(0.693, 3);
  },
  "sandbox/linear-stack": (intro) => {
    expect(intro).toContain("Three hidden layers of 8 units with the identity as activation, on circles");
    expect(intro).toContain("the boundary stays a straight line and the accuracy near 61%");
    const s = labSession("sandbox", "linear-stack");
    expect(s.config.layers).toEqual([2, 8, 8, 8, 1]);
    for (const step of [SB_WARMUP, 1000]) expect(stepTo(s, step).snapshot(0).trainAccuracy).toBeCloseTo(0.61, 2);
    const tanh = stepTo(labSession("sandbox", "linear-stack", { act: "tanh" }), 1000);
    expect(tanh.snapshot(0).trainAccuracy).toBeGreaterThan(0.9);
  },
  "sandbox/symmetric-init": (intro) => {
    expect(intro).toContain("Every weight starts at 0.5");
    expect(intro).toContain("the accuracy stalls near two thirds");
    expect(intro).toContain("each layer's eight units are one unit, copied");
    const s = labSession("sandbox", "symmetric-init");
    for (const step of [500, 1000]) {
      const snap = stepTo(s, step).snapshot(0);
      for (const l of snap.layers.slice(0, -1)) expect([l.units, l.distinctUnits]).toEqual([8, 1]);
      expect(snap.trainAccuracy).toBeCloseTo(2 / 3, 1);
    }
  },
  "sandbox/spirals-relu": (intro) => {
    expect(intro).toContain("Three spirals, two hidden layers of 32 ReLU units, softmax + cross-entropy");
    expect(intro).toContain("it opens after 150 steps at 100% training accuracy");
    const s = labSession("sandbox", "spirals-relu");
    expect(s.config.layers).toEqual([2, 32, 32, 3]);
    expect(SB_WARMUP).toBe(150);
    expect(Math.round(100 * stepTo(s, SB_WARMUP).snapshot(0).trainAccuracy!)).toBe(100);
  },
};

/**
 * Presets a lesson opens without an intro of their own, in labs that have a general intro: the general intro's
 * claims, checked for that preset. (The explorer and the output-loss lab have no general intro: nothing shows.)
 */
const GENERAL_INTRO_CHECKS: Record<string, (general: string) => void> = {
  "dying-relu/shock": (general) => {
    expect(general).toContain("Press Shock (one huge step) and watch cells die");
    const s = stepTo(labSession("dying-relu", "shock"), DR_WARMUP);
    const before = inactive(s);
    // The Shock button: one step at the preset's shock size.
    const shock = Number(LAB_PRESETS["dying-relu"].shock!.settings.shock);
    s.shock(shock);
    const shocked = perLayer(s);
    expect(inactive(s)).toBeGreaterThan(before);
    expect(general).toContain("some cells come back at once, with no weight moving");
    const weights = Array.from(s.trainer.mlp.params);
    const lr = s.trainer.learningRate;
    s.setActivation("leaky-relu", 0.2);
    expect(Array.from(s.trainer.mlp.params)).toEqual(weights);
    expect(inactive(s)).toBeLessThan(shocked.reduce((a, b) => a + b));
    expect(general).toContain("others may come back through their gradient α·δ");
    const atSwitch = inactive(s);
    s.step(60);
    expect(inactive(s)).toBeLessThanOrEqual(atSwitch);
    expect(general).toContain("Changing the learning rate alone cannot revive a dead unit in layer 1");
    for (const rate of [lr / 10, lr * 10]) {
      const relu = stepTo(labSession("dying-relu", "shock"), DR_WARMUP);
      relu.shock(shock);
      const deadInLayer1 = perLayer(relu)[0]!;
      expect(deadInLayer1).toBeGreaterThan(0);
      relu.setLearningRate(rate);
      relu.step(200);
      expect(perLayer(relu)[0]).toBeGreaterThanOrEqual(deadInLayer1);
    }
    expect(general).toContain("a strongly negative initial bias kills units before training starts");
    expect(inactive(labSession("dying-relu", "shock", { bias: -0.5 }))).toBeGreaterThan(0);
  },
  "step-function/stuck-step": (general) => {
    expect(general).toContain("the perceptron's line swings into place within a few hundred steps");
    expect(general).toContain("the step unit trained by gradient descent never moves");
    expect(general).toContain("no learning rate helps the step unit");
    const s = stepTo(labSession("step-function", "stuck-step"), STEP_WARMUP);
    expect(s.perceptron!.accuracy("train")).toBeGreaterThan(0.95);
    expect(s.snapshot(0).distanceFromStart).toBe(0);
    s.setLearningRate(100 * s.trainer.learningRate);
    s.step(300);
    expect(s.snapshot(0).distanceFromStart).toBe(0);
  },
};

describe("lab intros: each preset a lesson opens says what is true of it", () => {
  const opened = openedPresets();

  it("the pages open presets of several labs (the scan finds the embeds and the links)", () => {
    for (const key of ["vanishing-gradients/sigmoid-uniform", "sandbox/spirals-relu", "output-loss/float32-bce-floor"])
      expect(opened).toContain(key);
    for (const key of opened) expect(LAB_PRESETS[key.split("/")[0] as LabId], key).toHaveProperty(key.split("/")[1]!);
  });

  it("every opened preset of a lab with a general intro has its own intro, or the general one is checked for it", () => {
    const unchecked = [...opened].filter((key) => {
      const [lab, preset] = key.split("/") as [LabId, string];
      return generalIntro(lab) !== null && !LAB_PRESETS[lab][preset]!.intro && !(key in GENERAL_INTRO_CHECKS);
    });
    expect(unchecked).toEqual([]);
  });

  it("every preset intro, opened by a lesson or by its own page, has its claims checked here", () => {
    const withIntro = LAB_IDS.flatMap((lab) =>
      Object.entries(LAB_PRESETS[lab]).flatMap(([preset, p]) => (p.intro ? [`${lab}/${preset}`] : [])),
    );
    expect(withIntro.sort()).toEqual(Object.keys(INTRO_CHECKS).sort());
  });

  for (const [key, check] of Object.entries(INTRO_CHECKS)) {
    const [lab, preset] = key.split("/") as [LabId, string];
    it(`${key}: "${LAB_PRESETS[lab][preset]?.intro ?? "(none)"}"`, () => check(introOf(lab, preset)), SLOW);
  }

  for (const [key, check] of Object.entries(GENERAL_INTRO_CHECKS)) {
    const [lab, preset] = key.split("/") as [LabId, string];
    it(
      `${key} shows the lab's general intro, and it holds for this preset`,
      () => {
        expect(LAB_PRESETS[lab][preset]!.intro).toBeUndefined();
        const general = generalIntro(lab);
        expect(general, `${lab} has a general intro`).not.toBeNull();
        check(general!);
      },
      SLOW,
    );
  }
});
