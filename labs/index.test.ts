import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultsOf, readValues } from "../src/settings/url-state.ts";
import type { SettingNotice } from "../src/settings/read-setting.ts";
import { LAB_IDS, LAB_PRESETS, LAB_SCHEMAS, resolvePreset } from "./index.ts";

/** The files every lab folder has (labs/README.md, "How to add a lab"). */
const SHAPE = (id: string) => ["Lab.svelte", "Embed.astro", `${id}.svelte.ts`, "settings.ts", "presets.ts"];

describe("the labs' public face", () => {
  it("every lab in the catalog is one folder of the same five files", () => {
    for (const id of LAB_IDS) {
      for (const file of SHAPE(id))
        expect(existsSync(new URL(`./${id}/${file}`, import.meta.url)), `${id}/${file}`).toBe(true);
    }
  });

  it("every lab's schema is found, and every named preset is valid for it (no setting corrected)", () => {
    for (const id of LAB_IDS) {
      const schema = LAB_SCHEMAS[id];
      expect(Object.keys(schema).length, id).toBeGreaterThan(0);
      for (const [name, preset] of Object.entries(LAB_PRESETS[id])) {
        const notices: SettingNotice[] = [];
        readValues(schema, preset.settings as Record<string, unknown>, defaultsOf(schema), notices);
        expect(notices, `${id} preset ${name}`).toEqual([]);
        expect(
          Object.keys(preset.settings).every((k) => Object.hasOwn(schema, k)),
          `${id} preset ${name}`,
        ).toBe(true);
      }
    }
  });

  it("a lesson names a preset or gives settings; an unknown name fails loudly with the names that exist", () => {
    expect(resolvePreset("dying-relu", "shock").settings).toMatchObject({ act: "relu", shock: "50" });
    expect(resolvePreset("dying-relu", { bias: -1 })).toEqual({ settings: { bias: -1 } });
    expect(() => resolvePreset("dying-relu", "toString")).toThrow(/no preset "toString".*shock, negative-bias/);
  });
});
