/**
 * What the student's index of assignments says of each one: its saved progress in this browser, counted
 * against the assignment's questions and tasks (ids the assignment no longer has are not counted).
 */
import { decodeProgress, progressKey, type ProgressStorage } from "./progress.ts";

/** An assignment as the index counts it: its slug and the ids of its questions and tasks. */
export interface CountedAssignment {
  slug: string;
  questions: readonly string[];
  tasks: readonly string[];
}

/** Progress on one assignment in words, e.g. "2 of 4 questions answered, 1 of 2 tasks done". */
export interface Overview {
  started: boolean;
  text: string;
}

const count = (n: number, of: number, noun: string, verb: string) =>
  `${n} of ${of} ${noun}${of === 1 ? "" : "s"} ${verb}`;

/** The saved progress on an assignment in this browser (storage that cannot be read says so). */
export function overview(storage: ProgressStorage | null, a: CountedAssignment): Overview {
  let raw: string | null;
  try {
    if (!storage) throw new Error("no storage");
    raw = storage.getItem(progressKey(a.slug));
  } catch {
    return { started: false, text: "This browser does not let the site keep progress." };
  }
  const progress = decodeProgress(raw, a.slug);
  if (progress === null) return { started: false, text: "Not started" };
  if (typeof progress === "string")
    return { started: false, text: "Saved progress could not be read: open it to start afresh." };
  const answered = a.questions.filter((id) => Object.hasOwn(progress.answers, id)).length;
  const done = a.tasks.filter((id) => Object.hasOwn(progress.tasks, id) && progress.tasks[id]!.done).length;
  const parts = [count(answered, a.questions.length, "question", "answered")];
  if (a.tasks.length > 0) parts.push(count(done, a.tasks.length, "task", "done"));
  return { started: answered + done > 0 || progress.student !== "", text: parts.join(", ") };
}
