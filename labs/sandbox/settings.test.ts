import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, validateConfig, DATASET_KINDS, LIMITS, parameterCount } from "../../src/core/index.ts";
import { defaultsOf, readUrl } from "../../src/settings/url-state.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import {
  layerSizes,
  OUTPUT_NAMES,
  outputAllowed,
  reconcile,
  sandboxConfig,
  SB_DEFAULTS,
  SCHEMA,
  type SandboxSettings,
} from "./settings.ts";

/** The largest network on the most points the schema allows. */
const largest: SandboxSettings = {
  ...SB_DEFAULTS,
  data: "spirals",
  classes: SCHEMA.classes.max,
  points: SCHEMA.points.max,
  layers: SCHEMA.layers.max,
  width: SCHEMA.width.max,
  out: "softmax-ce",
  batch: "full",
};

describe("sandbox settings", () => {
  it("bound the largest network inside the core's LIMITS, work per step included", () => {
    const sizes = layerSizes(largest);
    expect(sizes).toEqual([2, 64, 64, 64, 64, 64, 64, 64, 64, 5]);
    const params = parameterCount(sizes);
    expect(params).toBeLessThanOrEqual(LIMITS.maxParameters);
    expect(params * largest.points).toBeLessThanOrEqual(LIMITS.maxWork);
    expect(() => validateConfig(sandboxConfig(largest))).not.toThrow();
    expect(SCHEMA.lr.max).toBeLessThanOrEqual(LIMITS.maxLearningRate);
    expect(SCHEMA.alpha.max).toBeLessThanOrEqual(LIMITS.maxAlpha);
    expect(SCHEMA.scale.max).toBeLessThanOrEqual(LIMITS.maxInitScale);
    expect(SCHEMA.noise.max).toBeLessThanOrEqual(LIMITS.maxNoise);
  });

  it("give a valid config for every dataset × output × activation, and at the schema's extremes", () => {
    for (const data of DATASET_KINDS)
      for (const out of OUTPUT_NAMES)
        for (const act of ACTIVATION_NAMES) {
          const s = { ...SB_DEFAULTS, data, out, act };
          expect(() => validateConfig(sandboxConfig(s)), `${data} ${out} ${act}`).not.toThrow();
        }
    const low = defaultsOf(SCHEMA);
    const high = { ...low };
    for (const [key, spec] of Object.entries(SCHEMA)) {
      if (spec.kind !== "number") continue;
      (low as Record<string, unknown>)[key] = spec.min;
      (high as Record<string, unknown>)[key] = spec.max;
    }
    for (const s of [low, high, { ...high, data: "blobs" }, { ...low, batch: "256" }, { ...high, batch: "8" }]) {
      expect(() => validateConfig(sandboxConfig(s as SandboxSettings))).not.toThrow();
    }
  });

  it("force softmax + cross-entropy (one output per class) for more than two classes, with a notice", () => {
    const notices: SettingNotice[] = [];
    const s = reconcile({ ...SB_DEFAULTS, data: "blobs", classes: 4, out: "tanh-mse" }, notices);
    expect(s.out).toBe("softmax-ce");
    expect(notices[0]?.message).toMatch(/needs two classes; blobs has 4/);
    expect(layerSizes(s)).toEqual([2, 8, 8, 4]);
    expect(outputAllowed("sigmoid-bce", s)).toBe(false);
    expect(outputAllowed("softmax-ce", s)).toBe(true);
    expect(sandboxConfig({ ...SB_DEFAULTS, data: "spirals", out: "sigmoid-bce" }).loss).toBe("cross-entropy");
    // Two classes: every pairing is allowed, and softmax + CE has two outputs.
    expect(OUTPUT_NAMES.every((o) => outputAllowed(o, SB_DEFAULTS))).toBe(true);
    expect(layerSizes({ ...SB_DEFAULTS, out: "softmax-ce" }).at(-1)).toBe(2);
  });

  it("map BCE with logits to the identity head the core requires, and keep the learning rate of momentum and Adam", () => {
    const c = sandboxConfig({ ...SB_DEFAULTS, out: "sigmoid-bce-logits", opt: "momentum", lr: 0.2, batch: "16" });
    expect([c.head, c.loss]).toEqual(["identity", "bce-logits"]);
    expect(c.optimizer).toEqual({ kind: "momentum", lr: 0.2, momentum: 0.9 });
    expect(c.batchSize).toBe(16);
  });

  it("clamp hostile URL values to the schema", () => {
    const { values, notices } = readUrl(
      SCHEMA,
      "?sb.layers=1e9&sb.width=-3&sb.points=1e309&sb.act=__proto__&sb.batch=100000",
      "sb",
      SB_DEFAULTS,
    );
    expect([values.layers, values.width, values.points, values.act, values.batch]).toEqual([8, 1, 300, "relu", "full"]);
    expect(notices).toHaveLength(5);
  });
});
