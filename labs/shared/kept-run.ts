/**
 * Reading a kept run (a saved hand-in's settings, changes and step) back into a lab: each set of settings
 * through the lab's schema and its rules across settings, refused when the schema would correct a value or the
 * page locks a setting to another one, and the replay as the commands that take a fresh run there in the
 * worker. Loaded by TrainingLabController.restore only, so pages that never restore a run do not ship it.
 */
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import { readValues, type UrlSchema } from "../../src/settings/url-state.ts";
import type { TrainingClient } from "../../src/worker/client.ts";
import { replayPlan } from "../../src/worker/replay-plan.ts";
import type { RestorableRun } from "./lab-event.ts";

type Values = Record<string, unknown>;

/** A lab's rules across settings (its controller's consistent()). */
type Consistent = (values: Values, asked: readonly string[], notices: SettingNotice[]) => Values;

/** What restoring needs: the two sets of settings, and the replay TrainingLab.restart runs. */
export interface KeptRun {
  start: Values;
  now: Values;
  replay: { steps: number; send(client: TrainingClient): void };
}

/** Kept settings as the schema reads them, or why they are not settings this lab on this page would have. */
function readSettings(
  schema: UrlSchema,
  base: Values,
  locked: readonly string[],
  raw: Readonly<Values>,
  consistent: Consistent,
): Values | string {
  const notices: SettingNotice[] = [];
  const keys = Object.keys(schema).filter((k) => Object.hasOwn(raw, k));
  const values = consistent(readValues(schema, raw, base as never, notices), keys, notices);
  if (notices.length > 0) return notices[0]!.message;
  const differs = locked.find((k) => Object.hasOwn(schema, k) && !Object.is(values[k], base[k]));
  return differs ? `${schema[differs]!.label} is set by this page to another value.` : values;
}

/** What restoring needs of a training lab's controller (its own rules and address are passed beside it). */
interface Restorable {
  readonly schema: UrlSchema;
  readonly base: Values;
  readonly policy: { locked: readonly string[] };
  settings: Values;
  readonly training: { restart(replay: KeptRun["replay"]): void };
}

/**
 * Restores a kept run in a lab (TrainingLabController.restore): the settings the run started from while its
 * replay starts, then the settings it had when kept, written into the address. Returns why it cannot, changing
 * nothing then, or null.
 */
export function restoreRun(
  lab: Restorable,
  run: RestorableRun,
  consistent: Consistent,
  writeAddress: () => void,
): string | null {
  const kept = readKeptRun(lab.schema, lab.base, lab.policy.locked, run, consistent);
  if (typeof kept === "string") return kept;
  lab.settings = kept.start;
  lab.training.restart(kept.replay);
  lab.settings = kept.now;
  writeAddress();
  return null;
}

/** A kept run read for a lab (its schema, preset, locked controls and rules), or why it cannot be restored. */
export function readKeptRun(
  schema: UrlSchema,
  base: Values,
  locked: readonly string[],
  run: RestorableRun,
  consistent: Consistent,
): KeptRun | string {
  const start = readSettings(schema, base, locked, run.settings, consistent);
  if (typeof start === "string") return start;
  const now = readSettings(schema, base, locked, run.current, consistent);
  if (typeof now === "string") return now;
  const steps = Math.max(0, Math.floor(run.step));
  const plan = replayPlan(run.changes, steps);
  const send = (client: TrainingClient) => {
    for (const command of plan) {
      if (command.type === "train") client.step(command.steps);
      else if (command.type === "lr") client.setLearningRate(command.lr);
      else if (command.type === "activation") client.setActivation(command.hidden, command.alpha);
      else client.shock(command.lr);
    }
  };
  return { start, now, replay: { steps, send } };
}
