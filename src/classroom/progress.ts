/**
 * A student's progress on one assignment, kept in localStorage under one key per assignment. Read
 * through a schema: a value that is missing gives a fresh start quietly; one that is tampered with,
 * from an older version, or too large gives a fresh start and a notice. Nothing here throws.
 */
import type { AssignmentData } from "./assignment-schema.ts";
import { ITEM_ID } from "./item-id.ts";
import { readStoredLabState, type StoredLabState } from "./lab-state-schema.ts";
import { isObject, isText, readRecord } from "./validate.ts";

/** The stored format's version: bump it when the shape changes (older values then start fresh). */
export const PROGRESS_VERSION = 1;

/** Saved progress larger than this (in UTF-16 characters) is not read. */
export const MAX_PROGRESS_CHARS = 64_000;

/** The localStorage key of an assignment's progress. */
export function progressKey(slug: string): string {
  return `activation-labs:assignment:${slug}`;
}

/** One answer: the raw input (a choice's index, or the typed number) and when it was locked in. */
export interface SavedAnswer {
  value: string;
  at: string;
}

/** One task: done or not, when, and the lab state that showed it. */
export interface SavedTask {
  done: boolean;
  at: string | null;
  evidence: StoredLabState | null;
}

/** A student's progress on one assignment. */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  assignment: string;
  student: string;
  answers: Record<string, SavedAnswer>;
  tasks: Record<string, SavedTask>;
  /** The latest state of each lab on the page, by lab id. */
  labs: Record<string, StoredLabState>;
  updatedAt: string;
}
export type { StoredLabState };

const ISO_DATE = 40;
const isItemId = (k: string) => ITEM_ID.test(k);

function readAnswer(v: unknown): SavedAnswer | null {
  return isObject(v) && isText(v.value, 40) && isText(v.at, ISO_DATE) ? { value: v.value, at: v.at } : null;
}

function readTask(v: unknown): SavedTask | null {
  if (!isObject(v) || typeof v.done !== "boolean" || !(v.at === null || isText(v.at, ISO_DATE))) return null;
  const evidence = v.evidence === null ? null : readStoredLabState(v.evidence);
  if (evidence === null && v.evidence !== null) return null;
  return { done: v.done, at: v.at, evidence };
}

/**
 * Reads the stored shape from untrusted JSON: a copy with only the known fields, or null when a field
 * is missing, of the wrong type or too long, or a record has too many entries (40 answers, 24 tasks, 8 labs).
 */
export function parseProgress(v: unknown): Progress | null {
  if (!isObject(v) || v.version !== PROGRESS_VERSION) return null;
  if (!isText(v.assignment, 80) || !isText(v.student, 80) || !isText(v.updatedAt, ISO_DATE)) return null;
  const answers = readRecord(v.answers, isItemId, readAnswer, 40);
  const tasks = readRecord(v.tasks, isItemId, readTask, 24);
  const labs = readRecord(v.labs, (k) => k.length <= 40, readStoredLabState, 8);
  if (!answers || !tasks || !labs) return null;
  return {
    version: PROGRESS_VERSION,
    assignment: v.assignment,
    student: v.student,
    answers,
    tasks,
    labs,
    updatedAt: v.updatedAt,
  };
}

/** A fresh start. */
export function emptyProgress(slug: string): Progress {
  return { version: PROGRESS_VERSION, assignment: slug, student: "", answers: {}, tasks: {}, labs: {}, updatedAt: "" };
}

/** The part of localStorage this module uses (so tests can pass a Map-backed fake). */
export type ProgressStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What reading gives: the progress to use, and a notice for the student when something was odd. */
export interface ReadResult {
  progress: Progress;
  notice: string | null;
}

const FRESH = "so this assignment starts fresh. Your earlier answers on this device could not be used.";

/**
 * Reads an assignment's progress. Answers and tasks the assignment no longer has are dropped (with
 * a notice); everything else that is odd gives a fresh start and a notice.
 */
export function readProgress(
  storage: ProgressStorage | null,
  assignment: Pick<AssignmentData, "questions" | "tasks">,
  slug: string,
): ReadResult {
  let raw: string | null;
  try {
    raw = storage ? storage.getItem(progressKey(slug)) : null;
  } catch {
    return {
      progress: emptyProgress(slug),
      notice: "This browser does not let the page keep your progress; answers last until you close the page.",
    };
  }
  if (raw === null) return { progress: emptyProgress(slug), notice: null };
  if (raw.length > MAX_PROGRESS_CHARS)
    return { progress: emptyProgress(slug), notice: `The saved progress is too large to be real, ${FRESH}` };
  let json: unknown;
  let hostileKey = false;
  try {
    // A key that could reach an object's prototype is never written by this page: the value was edited.
    json = JSON.parse(raw, (key, value: unknown) => {
      if (key === "__proto__" || key === "constructor" || key === "prototype") hostileKey = true;
      return value;
    });
  } catch {
    return { progress: emptyProgress(slug), notice: `The saved progress is damaged (not readable), ${FRESH}` };
  }
  if (hostileKey)
    return { progress: emptyProgress(slug), notice: `The saved progress was changed outside this page, ${FRESH}` };
  if (json !== null && typeof json === "object" && "version" in json && json.version !== PROGRESS_VERSION) {
    return {
      progress: emptyProgress(slug),
      notice: `The saved progress is from another version of this site, ${FRESH}`,
    };
  }
  const parsed = parseProgress(json);
  if (!parsed || parsed.assignment !== slug) {
    return { progress: emptyProgress(slug), notice: `The saved progress was changed outside this page, ${FRESH}` };
  }
  const questionIds = new Set(assignment.questions.map((q) => q.id));
  const taskIds = new Set(assignment.tasks.map((t) => t.id));
  const progress = {
    ...parsed,
    answers: pick(parsed.answers, questionIds),
    tasks: pick(parsed.tasks, taskIds),
  };
  const dropped =
    Object.keys(parsed.answers).length -
    Object.keys(progress.answers).length +
    Object.keys(parsed.tasks).length -
    Object.keys(progress.tasks).length;
  return {
    progress,
    notice:
      dropped > 0
        ? `${dropped} saved answer(s) belonged to questions this assignment no longer has and were dropped.`
        : null,
  };
}

/** Keeps the entries whose keys are in `ids` (in a prototype-free copy). */
function pick<T>(record: Record<string, T>, ids: Set<string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) if (ids.has(k)) out[k] = v;
  return out;
}

/** A time in milliseconds as the ISO text progress and reports store. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Saves progress; returns false when the browser refuses (private mode, quota). */
export function saveProgress(storage: ProgressStorage | null, progress: Progress, now: number = Date.now()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(progressKey(progress.assignment), JSON.stringify({ ...progress, updatedAt: isoTime(now) }));
    return true;
  } catch {
    return false;
  }
}

/** Forgets an assignment's progress. */
export function clearProgress(storage: ProgressStorage | null, slug: string): void {
  try {
    storage?.removeItem(progressKey(slug));
  } catch {
    // nothing to forget in a browser that stores nothing
  }
}
