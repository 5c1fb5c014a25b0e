/**
 * "Download as PyTorch" writes a run from its record: the session spec a lab builds from its settings, and the
 * reader's changes. These tests fail when a lab's run depends on something the export does not write: a spec field
 * or trainer-config field it does not know, or a setting that changes the run while the script stays the same.
 */
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/core/index.ts";
import { exportFiles } from "../../src/pytorch/export-files.ts";
import { CONFIG_FIELDS, SPEC_FIELDS } from "../../src/pytorch/run-export.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import type { UrlSchema } from "../../src/settings/url-state.ts";
import { DyingReluLab } from "../dying-relu/dying-relu.svelte.ts";
import { LAB_PRESETS, LAB_SCHEMAS, TRAINING_LAB_IDS, type TrainingLabId } from "../index.ts";
import { OutputLossLab } from "../output-loss/output-loss.svelte.ts";
import { binarySpec, multiclassSpec, PAIRING_IDS } from "../output-loss/settings.ts";
import { SandboxLab } from "../sandbox/sandbox.svelte.ts";
import { StepFunctionLab } from "../step-function/step-function.svelte.ts";
import { VanishingGradientsLab } from "../vanishing-gradients/vanishing-gradients.svelte.ts";

/** Variants are many: each builds its lab and exports its runs. */
const SLOW = 180_000;

/** Each training lab's runs for some settings, built by the lab's own controller (as the page builds them). */
const RUNS: Record<TrainingLabId, (settings: Record<string, unknown>) => SessionSpec[]> = {
  "step-function": (s) => [new StepFunctionLab(s, { address: null }).firstRun.spec],
  "vanishing-gradients": (s) => [new VanishingGradientsLab(s, { address: null }).firstRun.spec],
  "dying-relu": (s) => [new DyingReluLab(s, { address: null }).firstRun.spec],
  sandbox: (s) => [new SandboxLab(s, { address: null }).firstRun.spec],
  "output-loss": (s) => {
    const settings = new OutputLossLab(s, { address: null }).base;
    return [...PAIRING_IDS.map((id) => binarySpec(id, settings)), multiclassSpec(settings)];
  },
};

/** Every leaf of an object as a dotted path: { optimizer: { lr } } → ["optimizer.lr"]. */
function leaves(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? leaves(v as object, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

/**
 * What of a spec changes the run (SPEC_FIELDS "run"), with its config validated as the worker validates it. α is
 * dropped where the hidden activation has none (ReLU ignores it; a swap to Leaky ReLU carries its own), and a
 * minibatch the size of the training set counts as the whole set.
 */
function runPart(spec: SessionSpec): string {
  const part = Object.fromEntries(Object.entries(spec).filter(([k]) => SPEC_FIELDS[k as keyof SessionSpec] === "run"));
  const config = validateConfig(spec.config);
  if (config.hidden !== "leaky-relu" && config.hidden !== "elu") delete config.alpha;
  // A minibatch as large as the training set is the whole set: the core trains it as "full".
  const d = config.dataset;
  if (typeof config.batchSize === "number" && config.batchSize >= d.n - Math.round(d.n * d.testFraction))
    config.batchSize = "full";
  return JSON.stringify({ ...part, config });
}

/**
 * The code of the script of a lab's runs at step 0: without its opening docstring and its comments, which describe
 * the run in words, so that a setting the code ignores is not hidden by a sentence that names it.
 */
function script(specs: SessionSpec[]): string {
  const py = exportFiles(
    specs.map((spec) => ({ spec, changes: [], step: 0 })),
    { title: "Lab" },
  ).py;
  return py
    .slice(py.indexOf('"""', 3) + 3)
    .replace(/^ *#.*$/gm, "")
    .replace(/ {2}# .*$/gm, "");
}

/** Values a setting can take other than its default: every other choice, and a number's bounds. */
function alternatives(schema: UrlSchema, key: string): unknown[] {
  const s = schema[key]!;
  if (s.kind === "choice") return s.choices.filter((c) => c !== s.fallback);
  if (s.kind === "number") return [s.min, s.max].filter((v) => v !== s.fallback);
  return [];
}

describe("every setting of every training lab reaches the PyTorch export", () => {
  it("knows every training lab", () => {
    expect(Object.keys(RUNS).sort()).toEqual([...TRAINING_LAB_IDS].sort());
  });

  it.each(TRAINING_LAB_IDS)("%s: every spec field and config field of its presets is one the export handles", (id) => {
    const presets = [{}, ...Object.values(LAB_PRESETS[id]).map((p) => p.settings)];
    for (const settings of presets) {
      for (const spec of RUNS[id](settings)) {
        for (const field of Object.keys(spec))
          expect(SPEC_FIELDS, `${id}: the spec field "${field}" is new to the export`).toHaveProperty(field);
        for (const field of leaves(validateConfig(spec.config)))
          expect(CONFIG_FIELDS, `${id}: the config field "${field}" is new to the export`).toContain(field);
      }
    }
  });

  it.each(TRAINING_LAB_IDS)(
    "%s: a setting that changes the run changes the script",
    (id) => {
      const schema = LAB_SCHEMAS[id];
      const base = RUNS[id]({});
      const baseScript = script(base);
      let changing = 0;
      for (const key of Object.keys(schema)) {
        for (const value of alternatives(schema, key)) {
          const specs = RUNS[id]({ [key]: value });
          if (specs.map(runPart).join() === base.map(runPart).join()) continue;
          changing++;
          // A float32 run is refused with a sentence for the reader: the export is float64 only.
          if (specs.some((s) => s.config.precision === "float32")) {
            expect(() => script(specs), `${id}: ${key} = ${String(value)}`).toThrow(/float32.*float64 only/);
            continue;
          }
          expect(script(specs), `${id}: ${key} = ${String(value)} changes the run but not the script`).not.toBe(
            baseScript,
          );
        }
      }
      expect(changing).toBeGreaterThan(0);
    },
    SLOW,
  );
});
