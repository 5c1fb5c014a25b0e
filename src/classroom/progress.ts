/**
 * A student's progress on one assignment, kept in localStorage under one key per assignment and
 * read through its schema (progress-schema.ts): a value that is missing gives a fresh start quietly;
 * one that is tampered with, from an unknown version, or too large gives a fresh start and a notice.
 * Saving reads what is stored first and merges item by item (progress-merge.ts), so two open tabs
 * keep each other's answers. Nothing here throws.
 */
import { mergeProgress } from "./progress-merge.ts";
import { emptyProgress, parseProgress, PROGRESS_VERSION, type Progress } from "./progress-schema.ts";

export { emptyProgress, parseProgress, PROGRESS_VERSION };
export type { Progress, SavedAnswer, SavedLab, SavedTask } from "./progress-schema.ts";
export type { SavedLabRun } from "./lab-run.ts";
export type { StoredLabState } from "./lab-state-schema.ts";

/** Saved progress larger than this (in UTF-16 characters) is not read. */
export const MAX_PROGRESS_CHARS = 64_000;

/** The localStorage key of an assignment's progress. */
export function progressKey(slug: string): string {
  return `activation-labs:assignment:${slug}`;
}

/** The part of localStorage this module uses (so tests can pass a Map-backed fake). */
export type ProgressStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What reading gives: the progress, a notice when something was odd, and whether saving can work. */
export interface ReadResult {
  progress: Progress;
  notice: string | null;
  /** False when this browser gives the page no storage (site data blocked): answers last as long as the page. */
  saving: boolean;
}

const FRESH = "so this assignment starts fresh. Your earlier answers on this device could not be used.";

/** A stored text as progress for `slug`, or the reason it cannot be used (null: nothing stored). */
export function decodeProgress(raw: string | null, slug: string): Progress | string | null {
  if (raw === null) return null;
  if (raw.length > MAX_PROGRESS_CHARS) return `The saved progress is too large to be real, ${FRESH}`;
  let json: unknown;
  let hostileKey = false;
  try {
    // A key that could reach an object's prototype is never written by this page: the value was edited.
    json = JSON.parse(raw, (key, value: unknown) => {
      if (key === "__proto__" || key === "constructor" || key === "prototype") hostileKey = true;
      return value;
    });
  } catch {
    return `The saved progress is damaged (not readable), ${FRESH}`;
  }
  if (hostileKey) return `The saved progress was changed outside this page, ${FRESH}`;
  const parsed = parseProgress(json);
  if (parsed?.assignment === slug) return parsed;
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== undefined && version !== 1 && version !== PROGRESS_VERSION)
    return `The saved progress is from another version of this site, ${FRESH}`;
  return `The saved progress was changed outside this page, ${FRESH}`;
}

/**
 * Reads an assignment's progress. Answers and tasks the assignment no longer has are dropped (with
 * a notice); everything else that is odd gives a fresh start and a notice.
 */
export function readProgress(
  storage: ProgressStorage | null,
  assignment: { questions: { id: string }[]; tasks: { id: string }[] },
  slug: string,
): ReadResult {
  let raw: string | null;
  try {
    if (!storage) throw new Error("no storage");
    raw = storage.getItem(progressKey(slug));
  } catch {
    return { progress: emptyProgress(slug), notice: null, saving: false };
  }
  const decoded = decodeProgress(raw, slug);
  if (decoded === null) return { progress: emptyProgress(slug), notice: null, saving: true };
  if (typeof decoded === "string") return { progress: emptyProgress(slug), notice: decoded, saving: true };
  const questionIds = new Set(assignment.questions.map((q) => q.id));
  const taskIds = new Set(assignment.tasks.map((t) => t.id));
  const progress = {
    ...decoded,
    answers: pick(decoded.answers, questionIds),
    attempts: pick(decoded.attempts, questionIds),
    tasks: pick(decoded.tasks, taskIds),
  };
  const dropped =
    Object.keys(decoded.answers).length -
    Object.keys(progress.answers).length +
    Object.keys(decoded.tasks).length -
    Object.keys(progress.tasks).length;
  return {
    progress,
    notice:
      dropped > 0
        ? dropped === 1
          ? "1 saved answer belonged to a question or task this assignment no longer has and was dropped."
          : `${dropped} saved answers belonged to questions or tasks this assignment no longer has and were dropped.`
        : null,
    saving: true,
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

/**
 * Saves progress, merged with what another tab may have stored since (read, merge, write): returns
 * the merged progress, or null when the browser refuses (private mode, quota, blocked site data).
 * Stored text that cannot be read is overwritten.
 */
export function saveProgress(
  storage: ProgressStorage | null,
  progress: Progress,
  now: number = Date.now(),
): Progress | null {
  if (!storage) return null;
  try {
    const stored = decodeProgress(storage.getItem(progressKey(progress.assignment)), progress.assignment);
    const merged = stored && typeof stored === "object" ? mergeProgress(progress, stored) : progress;
    let saved: Progress = { ...merged, updatedAt: isoTime(now) };
    let text = JSON.stringify(saved);
    // Runs are what can grow (up to MAX_RUN_CHANGES changes each): past the limit this page reads, they go, so
    // the answers stay readable. The hand-in then says its run cannot be replayed.
    if (text.length > MAX_PROGRESS_CHARS) {
      saved = {
        ...saved,
        labs: Object.fromEntries(Object.entries(saved.labs).map(([id, l]) => [id, { ...l, run: null }])),
      };
      text = JSON.stringify(saved);
    }
    storage.setItem(progressKey(progress.assignment), text);
    return saved;
  } catch {
    return null;
  }
}
