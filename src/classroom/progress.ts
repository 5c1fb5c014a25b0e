/**
 * A student's progress on one assignment, kept in localStorage under one key per assignment. Read
 * through a schema: a value that is missing gives a fresh start quietly; one that is tampered with,
 * from an older version, or too large gives a fresh start and a notice. Nothing here throws.
 */
import { z } from "./zod.ts";
import { ITEM_ID, type AssignmentData } from "./assignment-schema.ts";
import { storedLabStateSchema, type StoredLabState } from "./lab-state-schema.ts";

/** The stored format's version: bump it when the shape changes (older values then start fresh). */
export const PROGRESS_VERSION = 1;

/** Saved progress larger than this (in UTF-16 characters) is not read. */
export const MAX_PROGRESS_CHARS = 64_000;

/** The localStorage key of an assignment's progress. */
export function progressKey(slug: string): string {
  return `activation-labs:assignment:${slug}`;
}

const idKey = z.string().regex(ITEM_ID);
const isoDate = z.string().max(40);
const bounded = <T extends z.ZodType>(value: T, max: number) =>
  z.record(idKey, value).refine((r) => Object.keys(r).length <= max, `more than ${max} entries`);

/** One answer: the raw input (a choice's index, or the typed number) and when it was locked in. */
const answerSchema = z.object({ value: z.string().max(40), at: isoDate });
/** One task: done or not, when, and the lab state that showed it. */
const taskSchema = z.object({ done: z.boolean(), at: isoDate.nullable(), evidence: storedLabStateSchema.nullable() });

/** The stored shape. */
export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  assignment: z.string().max(80),
  student: z.string().max(80),
  answers: bounded(answerSchema, 40),
  tasks: bounded(taskSchema, 24),
  /** The latest state of each lab on the page, by lab id. */
  labs: z.record(z.string().max(40), storedLabStateSchema).refine((r) => Object.keys(r).length <= 8, "too many labs"),
  updatedAt: isoDate,
});

/** A student's progress on one assignment. */
export type Progress = z.infer<typeof progressSchema>;
/** One saved answer. */
export type SavedAnswer = z.infer<typeof answerSchema>;
/** One task's saved result. */
export type SavedTask = z.infer<typeof taskSchema>;
export type { StoredLabState };

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
  const parsed = progressSchema.safeParse(json);
  if (!parsed.success || parsed.data.assignment !== slug) {
    return { progress: emptyProgress(slug), notice: `The saved progress was changed outside this page, ${FRESH}` };
  }
  const questionIds = new Set(assignment.questions.map((q) => q.id));
  const taskIds = new Set(assignment.tasks.map((t) => t.id));
  const progress = {
    ...parsed.data,
    answers: pick(parsed.data.answers, questionIds),
    tasks: pick(parsed.data.tasks, taskIds),
  };
  const dropped =
    Object.keys(parsed.data.answers).length -
    Object.keys(progress.answers).length +
    Object.keys(parsed.data.tasks).length -
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
