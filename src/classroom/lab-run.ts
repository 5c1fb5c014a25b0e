/**
 * A lab's run as the classroom keeps it, in saved progress and in hand-in reports: the settings the run
 * started from, the reader's changes at their steps and its step. Never a spec: whoever replays it (the lab
 * after a reload, the teacher's replay check) rebuilds the spec from the settings through the lab's own schema,
 * so no file can hand a worker a network the lab would not make.
 *
 *   lab-state { runSettings, record: { spec, changes, step } }  ──►  { settings, changes, step }
 */
import type { LabEvent } from "../../labs/index.ts";
import type { SettingValue } from "../settings/url-state.ts";
import { readRunChanges, type RunChange } from "../worker/run-record.ts";
import { isNumberIn, isPlainObject, isText } from "./validate.ts";

/** A lab's settings as kept: schema keys to words, numbers and switches. */
export type KeptSettings = Record<string, SettingValue>;

/** A run that replays exactly: what it started from, what the reader changed when, how far it went. */
export interface SavedRun {
  settings: KeptSettings;
  changes: RunChange[];
  step: number;
}

/** A run as saved progress keeps it: with the lab's settings at the time, so its controls show them again. */
export interface SavedLabRun extends SavedRun {
  current: KeptSettings;
}

/** Settings a lab keeps at most (the largest schema has about 20). */
const MAX_SETTINGS = 40;
const SETTING_KEY = /^[a-zA-Z][a-zA-Z0-9-]{0,31}$/;

/** Kept settings from untrusted JSON: a copy, or null when a key or value is not one a lab schema could hold. */
export function readKeptSettings(v: unknown): KeptSettings | null {
  if (!isPlainObject(v)) return null;
  const entries = Object.entries(v);
  if (entries.length > MAX_SETTINGS) return null;
  const out: KeptSettings = {};
  for (const [key, value] of entries) {
    if (!SETTING_KEY.test(key)) return null;
    if (!(isText(value, 40) || isNumberIn(value) || typeof value === "boolean")) return null;
    out[key] = value;
  }
  return out;
}

/** A run from untrusted JSON (a report file): a copy, or what is wrong with it ("the run's step is not …"). */
export function parseSavedRun(v: unknown): SavedRun | string {
  if (!isPlainObject(v)) return "the run is not an object";
  const settings = readKeptSettings(v.settings);
  if (!settings) return "the run's settings are not a lab's settings";
  const read = readRunChanges(v.changes, v.step);
  return "error" in read ? read.error : { settings, changes: read.changes, step: read.step };
}

/** A run from untrusted JSON (saved progress, a report file): a copy, or null when anything in it is off. */
export function readSavedRun(v: unknown): SavedRun | null {
  const run = parseSavedRun(v);
  return typeof run === "string" ? null : run;
}

/** A saved lab run from untrusted JSON, or null (a run that cannot be read only costs the replay). */
export function readSavedLabRun(v: unknown): SavedLabRun | null {
  const run = readSavedRun(v);
  const current = isPlainObject(v) ? readKeptSettings(v.current) : null;
  return run && current ? { ...run, current } : null;
}

/**
 * The run a lab-state event shows, as kept: null when the lab cannot say (it trains several runs at once, its
 * record is not ready, or the run had more changes than a record keeps). The event's settings are the lab's own,
 * read through its schema where they entered, so they are copied, not checked again; a kept run is checked when
 * it is read back (readSavedLabRun).
 */
export function runOfEvent(event: Pick<LabEvent, "record" | "runSettings" | "settings">): SavedLabRun | null {
  const { record, runSettings } = event;
  if (!record || !runSettings) return null;
  return {
    settings: { ...runSettings },
    changes: record.changes.slice(),
    step: record.step,
    current: { ...event.settings },
  };
}
