/**
 * The claim tests measure the lessons' numbers by training each lab's presets in Node (src/core/claims); the
 * reader sees them trained in the browser's worker. Those must be the same run, bit for bit, or a sentence can
 * hold in Node and fail in the lab beside it: a deep tanh network turns a one-ulp difference in one activation
 * into another trajectory within a few dozen steps. Here each preset a lesson opens is trained both ways — in
 * this test's Node process with the worker's own session, and in the browser — and the loss the lab reports
 * after its warm-up must be the same number.
 */
import { expect, test } from "@playwright/test";
import { PRESETS as DR_PRESETS } from "../../labs/dying-relu/presets.ts";
import { drSpec, SCHEMA as DR_SCHEMA } from "../../labs/dying-relu/settings.ts";
import { PRESETS as SB_PRESETS } from "../../labs/sandbox/presets.ts";
import { sandboxSpec, SCHEMA as SB_SCHEMA } from "../../labs/sandbox/settings.ts";
import { PRESETS as SF_PRESETS } from "../../labs/step-function/presets.ts";
import { SCHEMA as SF_SCHEMA, stepSpec } from "../../labs/step-function/settings.ts";
import { PRESETS as VG_PRESETS } from "../../labs/vanishing-gradients/presets.ts";
import { SCHEMA as VG_SCHEMA, sessionSpec } from "../../labs/vanishing-gradients/settings.ts";
import { LAB_CATALOG } from "../../labs/catalog.ts";
import { defaultsOf, type UrlSchema } from "../../src/settings/url-state.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { TrainingSession } from "../../src/worker/session.ts";
import { labLoss, labStep, openLab, trainUntil } from "./lab-helpers.ts";

interface Case {
  lab: keyof typeof LAB_CATALOG;
  preset: string;
  settings: Record<string, unknown>;
  spec: (settings: Record<string, unknown>) => SessionSpec;
  schema: UrlSchema;
}

/** Every preset of the labs that train, with the function its lab builds the run from. */
function cases(): Case[] {
  const of = <P extends Record<string, { settings: object }>>(
    lab: Case["lab"],
    presets: P,
    schema: UrlSchema,
    spec: (s: never) => SessionSpec,
  ): Case[] =>
    Object.entries(presets).map(([preset, p]) => ({
      lab,
      preset,
      settings: { ...defaultsOf(schema), ...p.settings },
      spec: spec as Case["spec"],
      schema,
    }));
  return [
    ...of("vanishing-gradients", VG_PRESETS, VG_SCHEMA, sessionSpec),
    ...of("dying-relu", DR_PRESETS, DR_SCHEMA, drSpec),
    ...of("step-function", SF_PRESETS, SF_SCHEMA, stepSpec),
    ...of("sandbox", SB_PRESETS, SB_SCHEMA, sandboxSpec),
  ];
}

/** The preset as the lab's address writes it: ?vg.depth=10&vg.activation=tanh… */
function address(c: Case): string {
  const key = LAB_CATALOG[c.lab].urlKey;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(c.settings)) params.set(`${key}.${name}`, String(value));
  return `?${params}`;
}

for (const c of cases()) {
  test(`${c.lab}, preset ${c.preset}: the browser trains the run the claim tests train`, async ({ page }) => {
    const lab = await openLab(page, c.lab, address(c));
    const session = new TrainingSession(c.spec(c.settings));
    const same = async (): Promise<void> => {
      const step = await labStep(lab);
      session.step(step - session.trainer.steps);
      const node = session.snapshot(0).trainLoss!;
      const shown = await labLoss(lab);
      expect(shown, `loss at step ${step}`).toBe(node);
    };
    // When the lab opens (after its warm-up), and again a few hundred steps on, wherever Pause lands.
    await same();
    await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
    await trainUntil(lab, (await labStep(lab)) + 400, 60_000);
    await same();
  });
}
