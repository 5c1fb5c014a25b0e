/**
 * An assignment's answer key as the report viewer grades with it: the questions with their answers
 * and the tasks with their checks, plus a version that changes whenever grading would (an answer,
 * a tolerance, a check, an id), not when a prompt's wording does. Built into the teacher's page and
 * the assignment page at build time; a report carries the version it was made against.
 *
 * The viewer finds keys in a KeyBook, by assignment slug and version: the site's own assignments, and
 * any other key a page adds (a teacher-written assignment brings its own), so a report is graded only
 * with the key of the assignment and version it names.
 */
import type { AssignmentData, QuestionKey, Task } from "./assignment-schema.ts";
import { canonicalJson } from "./checksum.ts";

/** A question as grading and the gradebook's labels need it: its key and its prompt (not its explanation). */
export type KeyedQuestion = QuestionKey & { prompt: string };

/** What grading needs of an assignment (and the words the gradebook labels its columns with). */
export interface AnswerKey {
  slug: string;
  title: string;
  version: string;
  questions: KeyedQuestion[];
  tasks: Omit<Task, "hint">[];
  /**
   * True when the students' page had no key (a teacher-written assignment that kept it out of the
   * student's copy): their reports mark every answer wrong, and this page does the grading.
   */
  withheld?: boolean;
}

/** Answer keys by assignment slug (the site's own assignments, built into a page). */
export type AnswerKeys = Readonly<Record<string, AnswerKey>>;

/** FNV-1a over UTF-16 units, as 8 hex digits: a version label, not a security measure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The version of an assignment's grading: what decides right and wrong, done and not done. */
export function keyVersion(assignment: Pick<AssignmentData, "questions" | "tasks">): string {
  const questions = assignment.questions.map((q) =>
    q.kind === "choice"
      ? { id: q.id, kind: q.kind, answer: q.answer, choices: q.choices.length }
      : { id: q.id, kind: q.kind, answer: q.answer, tolerance: q.tolerance, toleranceKind: q.toleranceKind },
  );
  const tasks = assignment.tasks.map((t) => ({ id: t.id, check: t.check }));
  return fnv1a(canonicalJson({ questions, tasks }));
}

/** An assignment's answer key, without what grading does not need (explanations, hints, the lab's preset). */
export function answerKey(slug: string, assignment: Pick<AssignmentData, "title" | "questions" | "tasks">): AnswerKey {
  return {
    slug,
    title: assignment.title,
    version: keyVersion(assignment),
    questions: assignment.questions.map(({ explanation: _e, ...key }) => key as KeyedQuestion),
    tasks: assignment.tasks.map(({ id, title, check }) => ({ id, title, check })),
  };
}

/** What the viewer finds for a report: the key of its assignment, and whether it is the version the report names. */
export interface FoundKey {
  key: AnswerKey;
  /** False: the report was made for another version of this assignment (the key found is the newest the page has). */
  sameVersion: boolean;
}

/** Every answer key a page grades with, found by assignment slug and version. */
export interface KeyBook {
  find(slug: string, version: string): FoundKey | null;
  /** Every key, each slug's last-added version last. */
  readonly keys: readonly AnswerKey[];
}

/**
 * A key book of the site's assignments (by slug) and any extra keys (e.g. a teacher-written assignment's,
 * from its own file). A slug may have several versions; a report of a version the book lacks is matched to
 * the slug's last-added key with sameVersion false (shown, flagged, not graded).
 */
export function keyBook(builtIn: AnswerKeys, extra: readonly AnswerKey[] = []): KeyBook {
  const bySlug = new Map<string, AnswerKey[]>();
  for (const key of [...Object.values(builtIn), ...extra]) bySlug.set(key.slug, [...(bySlug.get(key.slug) ?? []), key]);
  return {
    keys: [...bySlug.values()].flat(),
    find(slug, version) {
      const versions = bySlug.get(slug);
      if (!versions) return null;
      const exact = versions.find((k) => k.version === version);
      return exact ? { key: exact, sameVersion: true } : { key: versions.at(-1)!, sameVersion: false };
    },
  };
}
