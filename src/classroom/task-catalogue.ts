/**
 * The tasks a teacher can set, as the assignment builder offers them: each check the classroom
 * already verifies from a lab's state (tasks.ts, checkSchema in assignment-schema.ts), its
 * parameters with their bounds, a task sentence for students and a line for the teacher saying how
 * it is checked. Parameters are edited as text and become a check here; the schema judges it.
 */
import type { TaskCheck } from "./assignment-schema.ts";
import { MAX_REPLAY_STEPS } from "../worker/run-record.ts";

/** A kind of check. */
export type TaskKind = TaskCheck["kind"];

/** One parameter of a check, as the builder's form shows it. */
export interface TaskParam {
  key: string;
  label: string;
  /** "percent": typed as 0–100, kept as a share (0–1). */
  kind: "integer" | "number" | "percent" | "choice";
  min?: number;
  max?: number;
  choices?: readonly { value: string; label: string }[];
  /** The value a new task starts with, as typed. */
  start: string;
}

/** A check kind as the builder offers it. */
export interface TaskKindInfo {
  label: string;
  params: readonly TaskParam[];
}

const units = (key: string, label: string, start: string): TaskParam => ({
  key,
  label,
  kind: "integer",
  min: 1,
  max: 10_000,
  start,
});

/** Every check kind, in the order the builder lists them. */
export const TASK_KINDS: Readonly<Record<TaskKind, TaskKindInfo>> = {
  "dead-units": { label: "Make units die", params: [units("atLeast", "Dead units, at least", "6")] },
  "kill-and-revive": {
    label: "Make units die, then revive some",
    params: [units("kill", "Dead units, at least", "6"), units("revive", "Then revived, at least", "3")],
  },
  accuracy: {
    label: "Reach an accuracy",
    params: [
      {
        key: "on",
        label: "Accuracy on",
        kind: "choice",
        choices: [
          { value: "train", label: "training data" },
          { value: "test", label: "test data" },
        ],
        start: "train",
      },
      { key: "atLeast", label: "At least (%)", kind: "percent", min: 0, max: 100, start: "90" },
    ],
  },
  "gradient-ratio": {
    label: "Even out the gradients",
    params: [
      {
        key: "within",
        label: "First and last layer within a factor of",
        kind: "number",
        min: 1,
        max: 1e6,
        start: "10",
      },
      { key: "minStep", label: "From step", kind: "integer", min: 0, max: MAX_REPLAY_STEPS, start: "1" },
    ],
  },
};

/** The kinds, in order. */
export const TASK_KIND_IDS = Object.keys(TASK_KINDS) as TaskKind[];

/** A new task's parameters, as typed. */
export function startParams(kind: TaskKind): Record<string, string> {
  return Object.fromEntries(TASK_KINDS[kind].params.map((p) => [p.key, p.start]));
}

/**
 * The check typed parameters describe: numbers read (a percent as a share), text that is not a
 * number kept as it is, so the schema names the fault.
 */
export function checkFrom(kind: TaskKind, params: Readonly<Record<string, string>>): Record<string, unknown> {
  const check: Record<string, unknown> = { kind };
  for (const p of TASK_KINDS[kind].params) {
    const raw = (params[p.key] ?? "").trim();
    if (p.kind === "choice") check[p.key] = raw;
    else {
      const n = raw === "" ? Number.NaN : Number(raw);
      check[p.key] = Number.isFinite(n) ? (p.kind === "percent" ? n / 100 : n) : raw;
    }
  }
  return check;
}

/** A check's parameters as typed (the inverse of checkFrom). */
export function paramsOf(check: TaskCheck): Record<string, string> {
  const record = check as unknown as Record<string, unknown>;
  return Object.fromEntries(
    TASK_KINDS[check.kind].params.map((p) => {
      const v = record[p.key];
      return [p.key, p.kind === "percent" && typeof v === "number" ? String(Math.round(v * 1e6) / 1e4) : String(v)];
    }),
  );
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The task as a sentence for students, e.g. "Make at least 6 hidden units die at once." */
export function taskSentence(check: TaskCheck): string {
  switch (check.kind) {
    case "dead-units":
      return `Make at least ${check.atLeast} hidden units die at once.`;
    case "kill-and-revive":
      return `Make at least ${check.kill} hidden units die, then bring at least ${check.revive} of them back without changing the learning rate (and without Reset).`;
    case "accuracy":
      return `Reach a ${check.on === "test" ? "test" : "training"} accuracy of at least ${percent(check.atLeast)}.`;
    case "gradient-ratio":
      return `Bring the first layer's gradient within a factor of ${check.within} of the last layer's.`;
  }
}

/** How the page checks the task, for the teacher. */
export function checkedHow(check: TaskCheck): string {
  switch (check.kind) {
    case "dead-units":
      return `Done when at least ${check.atLeast} hidden units are dead at once.`;
    case "kill-and-revive":
      return `Done when the dead count rises to at least ${check.kill} and then falls by at least ${check.revive}, with the same learning rate throughout and no Reset in between.`;
    case "accuracy":
      return `Done when the ${check.on === "test" ? "test" : "training"} accuracy reaches ${percent(check.atLeast)}.`;
    case "gradient-ratio":
      return `Done when the first and the last weight layer's gradient norms are within a factor of ${check.within} of each other, from step ${check.minStep} on.`;
  }
}
