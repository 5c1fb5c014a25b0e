/**
 * Saved progress: its shape, and the one reader of it. Everything the student page takes from
 * localStorage (at load, before each save, and from another tab's `storage` event) passes through
 * parseProgress; after that it is typed. Progress saved by the first version (no attempts, resets
 * or times per item) is read and converted, so an upgrade loses nobody's answers. A lab's run and a
 * task's completion note are optional fields of version 2, not a new version: a tab still open on the
 * site before them reads this progress (and drops them) instead of starting fresh.
 */
import { ITEM_ID } from "./item-id.ts";
import { readStoredLabState, type StoredLabState } from "./lab-state-schema.ts";
import { isPlainObject, isText, readList, readRecord } from "./validate.ts";

/** The stored format's version (1 is still read, and converted). */
export const PROGRESS_VERSION = 2;

/** Answers a question keeps in its history (the first and the latest), and resets kept. */
export const MAX_ATTEMPTS = 20;

/** A value and when it was set (ISO time): an answer locked in, or one attempt at a question. */
export interface SavedAnswer {
  value: string;
  at: string;
}

/** One task: done or not, when, the lab state that showed it, and what it showed in words (from the page that saw it). */
export interface SavedTask {
  done: boolean;
  at: string | null;
  evidence: StoredLabState | null;
  /** E.g. "completed at step 214: 8 dead → 4 inactive"; absent in progress saved before it was kept. */
  note?: string;
}

/** The latest state of a lab, when it arrived, and the run that produced it (null when the lab cannot say). */
export interface SavedLab {
  state: StoredLabState;
  at: string;
  /**
   * A SavedLabRun (lab-run.ts) as stored, read where it is used (a restore, a report) by readSavedLabRun: its
   * reader loads with the lab, so the page does not ship it up front. Here it is only bounded to an object.
   */
  run?: unknown;
}

/**
 * A student's progress on one assignment. Every item carries its own time, so two tabs' progress
 * merges item by item (progress-merge.ts); a reset is kept as a time, and items older than the
 * latest reset are gone.
 */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  assignment: string;
  student: string;
  studentAt: string;
  /** The answer locked in now, per question. */
  answers: Record<string, SavedAnswer>;
  /** Every answer ever locked in, per question, resets notwithstanding (the report shows them). */
  attempts: Record<string, SavedAnswer[]>;
  /** When "Reset my answers" was used. */
  resets: string[];
  tasks: Record<string, SavedTask>;
  /** The latest state of each lab on the page, by lab id. */
  labs: Record<string, SavedLab>;
  updatedAt: string;
}

const TIME = 40;
const isItemId = (k: string) => ITEM_ID.test(k);
const isLabId = (k: string) => k.length <= 40;
const readTime = (v: unknown): string | null => (isText(v, TIME) ? v : null);

function readAnswer(v: unknown): SavedAnswer | null {
  return isPlainObject(v) && isText(v.value, 40) && isText(v.at, TIME) ? { value: v.value, at: v.at } : null;
}

function readTask(v: unknown): SavedTask | null {
  if (!isPlainObject(v) || typeof v.done !== "boolean" || !(v.at === null || isText(v.at, TIME))) return null;
  const evidence = v.evidence === null ? null : readStoredLabState(v.evidence);
  if (evidence === null && v.evidence !== null) return null;
  const task: SavedTask = { done: v.done, at: v.at, evidence };
  if (isText(v.note, 200)) task.note = v.note;
  return task;
}

function readLab(v: unknown): SavedLab | null {
  if (!isPlainObject(v) || !isText(v.at, TIME)) return null;
  const state = readStoredLabState(v.state);
  if (!state) return null;
  if (v.run === undefined) return { state, at: v.at };
  return { state, at: v.at, run: isPlainObject(v.run) ? v.run : null };
}

/** The fields both versions share, or null. */
function readCommon(v: Record<string, unknown>) {
  if (!isText(v.assignment, 80) || !isText(v.student, 80) || !isText(v.updatedAt, TIME)) return null;
  const answers = readRecord(v.answers, isItemId, readAnswer, 40);
  const tasks = readRecord(v.tasks, isItemId, readTask, 24);
  return answers && tasks
    ? { assignment: v.assignment, student: v.student, updatedAt: v.updatedAt, answers, tasks }
    : null;
}

/** Version 1 (one save per tab, no history): each answer becomes its own first attempt. */
function fromVersion1(v: Record<string, unknown>): Progress | null {
  const common = readCommon(v);
  const labs = readRecord(v.labs, isLabId, readStoredLabState, 8);
  if (!common || !labs) return null;
  const at = common.updatedAt;
  return {
    version: PROGRESS_VERSION,
    ...common,
    studentAt: at,
    attempts: Object.fromEntries(Object.entries(common.answers).map(([id, a]) => [id, [a]])),
    resets: [],
    labs: Object.fromEntries(Object.entries(labs).map(([id, state]) => [id, { state, at }])),
  };
}

/**
 * Reads saved progress from untrusted JSON: a copy with only the known fields, or null when a field
 * is missing, of the wrong type or too long, or a record has too many entries (40 answers and
 * histories, 24 tasks, 8 labs, 20 attempts per question, 20 resets).
 */
export function parseProgress(v: unknown): Progress | null {
  if (!isPlainObject(v)) return null;
  if (v.version === 1) return fromVersion1(v);
  if (v.version !== PROGRESS_VERSION) return null;
  const common = readCommon(v);
  const studentAt = readTime(v.studentAt);
  const attempts = readRecord(v.attempts, isItemId, (h) => readList(h, readAnswer, MAX_ATTEMPTS), 40);
  const resets = readList(v.resets, readTime, MAX_ATTEMPTS);
  const labs = readRecord(v.labs, isLabId, readLab, 8);
  if (!common || studentAt === null || !attempts || !resets || !labs) return null;
  return { version: PROGRESS_VERSION, ...common, studentAt, attempts, resets, labs };
}

/** A fresh start. */
export function emptyProgress(slug: string): Progress {
  return {
    version: PROGRESS_VERSION,
    assignment: slug,
    student: "",
    studentAt: "",
    answers: {},
    attempts: {},
    resets: [],
    tasks: {},
    labs: {},
    updatedAt: "",
  };
}
