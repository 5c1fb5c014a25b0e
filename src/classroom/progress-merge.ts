/**
 * Two copies of one assignment's progress (this tab's, and what another tab saved) made into one,
 * item by item: for each answer, task, lab and the name, the newer wins; attempt histories and resets
 * are joined. A reset removes every item older than it, so a tab that missed the reset cannot bring
 * its answers back.
 *
 *   tab A: q1 at 10:00 ─┐
 *                       ├─► merged: q1 (A, 10:00), q2 (B, 10:05)      each save: read ─► merge ─► write
 *   tab B: q2 at 10:05 ─┘
 */
import { MAX_ATTEMPTS, type Progress, type SavedAnswer } from "./progress-schema.ts";

/** The newer of two stamped items (a tie keeps `mine`); null when neither exists. */
function newer<T extends { at: string | null }>(mine: T | undefined, theirs: T | undefined): T | undefined {
  if (!mine || !theirs) return mine ?? theirs;
  return (theirs.at ?? "") > (mine.at ?? "") ? theirs : mine;
}

/** At most `max` items, keeping the first (the first answer matters) and the latest. */
export function bounded<T>(items: T[], max: number = MAX_ATTEMPTS): T[] {
  return items.length <= max ? items : [items[0]!, ...items.slice(items.length - (max - 1))];
}

/** Each record's keys, with the newer item per key, dropping items from before `since`. */
function mergeRecord<T extends { at: string | null }>(
  mine: Record<string, T>,
  theirs: Record<string, T>,
  since: string,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const item = newer(mine[key], theirs[key]);
    if (item && (item.at ?? "") >= since) out[key] = item;
  }
  return out;
}

/** Two attempt histories as one, in time order, without repeats. */
function joinAttempts(mine: SavedAnswer[] = [], theirs: SavedAnswer[] = []): SavedAnswer[] {
  const seen = new Map([...mine, ...theirs].map((a) => [`${a.at}|${a.value}`, a]));
  return bounded([...seen.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
}

/** This tab's progress merged with another copy of the same assignment's (see the file comment). */
export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  const resets = bounded([...new Set([...mine.resets, ...theirs.resets])].sort());
  const since = resets.at(-1) ?? "";
  const attempts: Record<string, SavedAnswer[]> = {};
  for (const id of new Set([...Object.keys(mine.attempts), ...Object.keys(theirs.attempts)])) {
    attempts[id] = joinAttempts(mine.attempts[id], theirs.attempts[id]);
  }
  const name = newer({ value: mine.student, at: mine.studentAt }, { value: theirs.student, at: theirs.studentAt })!;
  const named = name.at >= since;
  return {
    ...mine,
    student: named ? name.value : "",
    studentAt: named ? name.at : since,
    answers: mergeRecord(mine.answers, theirs.answers, since),
    attempts,
    resets,
    tasks: mergeRecord(mine.tasks, theirs.tasks, since),
    labs: mergeRecord(mine.labs, theirs.labs, since),
    updatedAt: mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt,
  };
}
