/**
 * The sandbox's whole run as a JSON file, and reading one back. The file holds the settings the run started
 * from, the reader's own points when it trained on them (as CSV text), the run's record (the changes at their
 * steps and the step it reached, run-record.ts), the numbers it showed there and its history. Reading checks
 * everything a lab would act on, all or nothing: the settings through the sandbox's schema, the points through
 * the CSV reader, the changes through readRunChanges; the lab then replays the record in its worker, so what
 * it shows is what the settings and changes give, whatever the history in the file says.
 */
import { isPlainObject as isRecord, LIMITS } from "../../src/core/index.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import { readValues } from "../../src/settings/url-state.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import { readRunChanges, type RunChange, type RunRecord } from "../../src/worker/run-record.ts";
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import { COLUMN } from "../shared/history-views.ts";
import { OWN_DATA, type OwnData } from "./own-data.ts";
import { readPointsCsv, writePointsCsv } from "./points-csv.ts";
import { SB_DEFAULTS, SCHEMA, type SandboxSettings } from "./settings.ts";

/** What the file says it is. */
export const RUN_FILE_FORMAT = "activation-labs/sandbox-run";
/** The file layout's version: another one is refused. */
export const RUN_FILE_VERSION = 1;
/** A run file longer than this (in characters) is not read: 2,000 points and 512 history rows need far less. */
export const MAX_RUN_FILE_CHARS = 4_000_000;

/** The numbers a run showed at its step: what a replay must show again. */
export interface RunResult {
  step: number;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** A run read from a file, checked: what the lab needs to replay it. */
export interface RunFile {
  settings: SandboxSettings;
  own: OwnData | null;
  changes: RunChange[];
  step: number;
  result: RunResult | null;
}

/** What a file is made from: the lab's settings, the run's record, its own data, the snapshot and history on screen. */
export interface RunSource {
  settings: SandboxSettings;
  record: RunRecord;
  own: OwnData | null;
  snapshot: Snapshot;
  history: BoundedHistory;
  /** Names of the weight layers the history's rows describe ("L1", …, "out"). */
  layers: string[];
}

/** The run as a file: its name (lab and step) and its JSON text. */
export function writeRunFile(run: RunSource, savedAt = new Date()): { name: string; text: string } {
  const s = run.snapshot;
  // The settings the run started from: a learning rate changed during the run is one of its changes.
  const settings = { ...run.settings, lr: run.record.spec.config.optimizer.lr };
  const file = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    settings,
    points: settings.data === OWN_DATA && run.own ? { source: run.own.source, csv: writePointsCsv(run.own) } : null,
    record: { changes: run.record.changes, step: run.record.step },
    result: {
      step: s.step,
      trainLoss: s.trainLoss,
      testLoss: s.testLoss,
      trainAccuracy: s.trainAccuracy,
      testAccuracy: s.testAccuracy,
    } satisfies RunResult,
    history: historyTable(run.history, run.layers),
  };
  return { name: `sandbox-run-step-${s.step}.json`, text: JSON.stringify(file, null, 1) };
}

/** The history as named columns and rows (a gap, NaN, is written as null: JSON has no NaN). */
function historyTable(history: BoundedHistory, labels: string[]): { columns: string[]; rows: (number | null)[][] } {
  const layers = labels.length;
  const columns = [
    "step",
    "train loss",
    "test loss",
    ...labels.map((l) => `gradient norm ${l}`),
    ...labels.map((l) => `dead share ${l}`),
    ...labels.map((l) => `saturated share ${l}`),
    "train accuracy",
    "test accuracy",
  ];
  const picks = [
    COLUMN.trainLoss,
    COLUMN.testLoss,
    ...labels.map((_, l) => COLUMN.gradNorm(l)),
    ...labels.map((_, l) => COLUMN.deadFraction(layers, l)),
    ...labels.map((_, l) => COLUMN.saturation(layers, l)),
    COLUMN.trainAccuracy(layers),
    COLUMN.testAccuracy(layers),
  ].filter((c) => c < history.series);
  const steps = history.steps();
  const values = picks.map((c) => history.column(c));
  const rows = Array.from(steps, (step, i) => [step, ...values.map((v) => (Number.isFinite(v[i]) ? v[i]! : null))]);
  return { columns: columns.slice(0, picks.length + 1), rows };
}

/** Reads a run file's text: the run, checked, or the first reason it cannot be used (in words for the reader). */
export function readRunFile(text: string): { ok: true; run: RunFile } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (text.length > MAX_RUN_FILE_CHARS) return fail("The file is too large to be a sandbox run.");
  let json: unknown;
  let hostile = false;
  try {
    json = JSON.parse(text, (key, value: unknown) => {
      // A key that could reach an object's prototype is never written by the sandbox.
      if (key === "__proto__" || key === "constructor" || key === "prototype") hostile = true;
      return value;
    });
  } catch {
    return fail("The file is not JSON (a sandbox run is a .json file saved by “Save this run”).");
  }
  if (hostile || !isRecord(json)) return fail("The file is not a sandbox run.");
  if (json.format !== RUN_FILE_FORMAT) return fail("The file is not a sandbox run (it does not say it is one).");
  if (json.version !== RUN_FILE_VERSION) return fail("The file is from another version of this site.");
  const settings = readSettings(json.settings);
  if (typeof settings === "string") return fail(settings);
  let own: OwnData | null = null;
  if (settings.data === OWN_DATA) {
    const p = json.points;
    if (!isRecord(p) || typeof p.csv !== "string" || typeof p.source !== "string")
      return fail("The run trained on the reader's own data, and the file does not hold the points.");
    const read = readPointsCsv(p.csv, p.source.slice(0, 120));
    if (!read.ok) {
      const first = read.problems[0];
      return fail(`The file's points do not read: ${first?.line ? `line ${first.line}: ` : ""}${first?.message ?? ""}`);
    }
    own = read.data;
  }
  const record = isRecord(json.record) ? json.record : {};
  const read = readRunChanges(record.changes, record.step);
  if ("error" in read) return fail(`The file's run does not read: ${read.error}.`);
  // The sandbox changes only its learning rate during a run, within its slider's range.
  const odd = read.changes.find((c) => c.type !== "lr" || c.lr < SCHEMA.lr.min || c.lr > SCHEMA.lr.max);
  if (odd) return fail(`The file's run has a change at step ${odd.step} that the sandbox does not make.`);
  if (read.step > LIMITS.maxStepsPerCommand)
    return fail(
      `The run is ${read.step.toLocaleString("en-GB")} steps long; the sandbox replays runs of up to ${LIMITS.maxStepsPerCommand.toLocaleString("en-GB")} steps.`,
    );
  return { ok: true, run: { settings, own, changes: read.changes, step: read.step, result: readResult(json.result) } };
}

/** Every setting the sandbox has, each one as its schema takes it; a missing or corrected one refuses the file. */
function readSettings(v: unknown): SandboxSettings | string {
  if (!isRecord(v)) return "The file has no settings.";
  const missing = Object.keys(SCHEMA).find((k) => !Object.hasOwn(v, k));
  if (missing) return `The file's settings have no ${SCHEMA[missing as keyof typeof SCHEMA].label}.`;
  const notices: SettingNotice[] = [];
  const settings = readValues(SCHEMA, v, SB_DEFAULTS, notices);
  if (notices.length > 0) return `The file's settings are not the sandbox's: ${notices[0]!.message}`;
  return settings;
}

/** The numbers the file says its run showed, or null where it says nothing usable (they are only compared). */
function readResult(v: unknown): RunResult | null {
  if (!isRecord(v) || !Number.isInteger(v.step)) return null;
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  return {
    step: v.step as number,
    trainLoss: num(v.trainLoss),
    testLoss: num(v.testLoss),
    trainAccuracy: num(v.trainAccuracy),
    testAccuracy: num(v.testAccuracy),
  };
}
