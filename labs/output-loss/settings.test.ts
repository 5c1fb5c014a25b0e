import { describe, expect, it } from "vitest";
import { LIMITS, validateConfig } from "../../src/core/index.ts";
import { OutputLossLab } from "./output-loss.svelte.ts";
import { binarySpec, DEFAULTS, multiclassSpec, PAIRING_IDS, SCHEMA, type Settings } from "./settings.ts";

/** The settings at every corner of the schema's numeric ranges, with every choice. */
function corners(): Settings[] {
  const out: Settings[] = [];
  for (const end of ["min", "max"] as const) {
    for (const data of SCHEMA.data.choices) {
      for (const hidden of SCHEMA.hidden.choices) {
        const s = { ...DEFAULTS, data, hidden } as Settings;
        for (const [key, spec] of Object.entries(SCHEMA))
          if (spec.kind === "number") (s as Record<string, unknown>)[key] = spec[end];
        out.push(s);
      }
    }
  }
  return out;
}

describe("settings", () => {
  it("every reachable setting gives a config the core accepts, within its limits", () => {
    for (const s of corners()) {
      for (const id of PAIRING_IDS) expect(() => validateConfig(binarySpec(id, s).config)).not.toThrow();
      const config = validateConfig(multiclassSpec(s).config);
      expect(config.optimizer.lr).toBeLessThanOrEqual(LIMITS.maxLearningRate);
      expect(config.seeds.batch).toBeLessThanOrEqual(LIMITS.maxSeed);
    }
  });

  it("the binary pairings differ only in head and loss: same data, weights and learning rate", () => {
    const [a, b, c] = PAIRING_IDS.map((id) => binarySpec(id, DEFAULTS).config as unknown as Record<string, unknown>);
    const rest = ({ head: _h, loss: _l, ...r }: Record<string, unknown>) => r;
    expect(rest(b!)).toEqual(rest(a!));
    expect(rest(c!)).toEqual(rest(a!));
    expect([a!.head, a!.loss, b!.head, b!.loss, c!.head, c!.loss]).toEqual([
      "sigmoid",
      "mse",
      "sigmoid",
      "bce",
      "tanh",
      "mse",
    ]);
  });

  it("clamps values from controls into the schema", () => {
    const c = new OutputLossLab({}, { address: null });
    const set = <K extends keyof Settings & string>(key: K, value: unknown): Settings[K] => {
      c.set(key, value as Settings[K]);
      return c.settings[key];
    };
    expect(set("classes", 9)).toBe(5);
    expect(set("width", 7.6)).toBe(8);
    expect(set("lr", Number.NaN)).toBe(DEFAULTS.lr);
    expect(set("mode", "__proto__")).toBe("binary");
    expect(set("bias", -3)).toBe(-3);
    c.dispose();
  });
});
