/**
 * An assignment's answer key as the report viewer grades with it: the questions with their answers
 * and the tasks with their checks, plus a version that changes whenever grading would (an answer,
 * a tolerance, a check, an id), not when a prompt's wording does. Built into the teacher's page and
 * the assignment page at build time; a report carries the version it was made against.
 */
import type { AssignmentData, QuestionKey, Task } from "./assignment-schema.ts";
import { canonicalJson } from "./checksum.ts";

/** What grading needs of an assignment. */
export interface AnswerKey {
  slug: string;
  title: string;
  version: string;
  questions: QuestionKey[];
  tasks: Omit<Task, "hint">[];
  /**
   * True when the students' page had no key (a teacher-written assignment that kept it out of the
   * student's copy): their reports mark every answer wrong, and this page does the grading.
   */
  withheld?: boolean;
}

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

/** An assignment's answer key, without what grading does not need (wording, hints, the lab's preset). */
export function answerKey(slug: string, assignment: Pick<AssignmentData, "title" | "questions" | "tasks">): AnswerKey {
  return {
    slug,
    title: assignment.title,
    version: keyVersion(assignment),
    questions: assignment.questions.map(({ prompt: _p, explanation: _e, ...key }) => key as QuestionKey),
    tasks: assignment.tasks.map(({ id, title, check }) => ({ id, title, check })),
  };
}
