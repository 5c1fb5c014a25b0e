/**
 * Grading a report again with the teacher page's own answer key. A report's score, its right/wrong
 * marks and its "done" ticks are the student's file's claims: this page counts an answer right only
 * when the key says so, and a task done only when the lab state the report carries shows it. Every
 * claim that does not follow is listed, so the viewer can say "does not match its answers".
 */
import type { AnswerKey } from "./answer-key.ts";
import type { TaskCheck } from "./assignment-schema.ts";
import { isAnswerable, isCorrect, readableAnswer } from "./grading.ts";
import type { StoredLabState } from "./lab-state-schema.ts";
import type { Report } from "./report.ts";
import { gradientSpread } from "./tasks.ts";

/** One question as this page grades it. */
export interface GradedAnswer {
  id: string;
  /** The answer now, readable ("" if none). */
  answer: string;
  correct: boolean;
  /** The first answer ever locked in (null if none), readable, and whether it was right. */
  first: { answer: string; correct: boolean; at: string } | null;
  attempts: number;
}

/** A report as this page grades it. */
export interface Graded {
  answers: GradedAnswer[];
  tasks: { id: string; title: string; done: boolean }[];
  score: Report["score"];
  /** Questions whose first answer was right. */
  firstTry: number;
  /** The file's claims that do not follow from its answers and lab states, in words. */
  mismatches: string[];
}

/**
 * Whether one lab state shows a task done. A kill-and-revive sequence cannot be replayed from one
 * state; its state must at least show the peak (maxDeadUnits ≥ kill) and the fall from it.
 */
export function stateShows(check: TaskCheck, s: StoredLabState): boolean {
  switch (check.kind) {
    case "gradient-ratio": {
      const spread = gradientSpread(s);
      return s.step >= check.minStep && spread !== null && spread <= check.within;
    }
    case "dead-units":
      return s.deadUnits >= check.atLeast;
    case "kill-and-revive":
      return s.maxDeadUnits >= check.kill && s.maxDeadUnits - s.deadUnits >= check.revive;
    case "accuracy": {
      const acc = check.on === "test" ? s.testAccuracy : s.trainAccuracy;
      return acc !== null && acc >= check.atLeast;
    }
  }
}

const sameIds = (a: { id: string }[], b: { id: string }[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id);

/** Grades a report with `key` (the key of the assignment and version the report names). */
export function regrade(report: Report, key: AnswerKey): Graded {
  const mismatches: string[] = [];
  if (!sameIds(report.answers, key.questions)) mismatches.push("its questions are not the assignment's");
  if (!sameIds(report.tasks, key.tasks)) mismatches.push("its tasks are not the assignment's");

  const answers = key.questions.map((q): GradedAnswer => {
    const given = report.answers.find((a) => a.id === q.id);
    const value = given?.value ?? "";
    const correct = value !== "" && isCorrect(q, value);
    if (given) {
      if (value !== "" && !isAnswerable(q, value)) mismatches.push(`${q.id}: "${value}" is not an answer to it`);
      // A page without the key marks nothing right; any other mark is a claim to check.
      if (given.correct !== (correct && !key.withheld))
        mismatches.push(`${q.id}: marked ${given.correct ? "right" : "wrong"}, but is not`);
      if (given.answer !== readableAnswer(q, value))
        mismatches.push(`${q.id}: the answer shown is not the answer given`);
      if (value !== "" && given.attempts.at(-1)?.value !== value)
        mismatches.push(`${q.id}: no attempt gave this answer`);
    }
    const first = given?.attempts[0];
    return {
      id: q.id,
      answer: readableAnswer(q, value),
      correct,
      first: first
        ? { answer: readableAnswer(q, first.value), correct: isCorrect(q, first.value), at: first.at }
        : null,
      attempts: given?.attempts.length ?? 0,
    };
  });

  const tasks = key.tasks.map((t) => {
    const given = report.tasks.find((g) => g.id === t.id);
    const done = !!given?.done && given.state !== null && stateShows(t.check, given.state);
    if (given?.done && !done) mismatches.push(`task ${t.id}: marked done, but its lab state does not show it`);
    return { id: t.id, title: t.title, done };
  });

  const score = {
    correct: answers.filter((a) => a.correct).length,
    questions: answers.length,
    tasksDone: tasks.filter((t) => t.done).length,
    tasks: tasks.length,
  };
  const claimed = report.score;
  if (claimed.correct !== (key.withheld ? 0 : score.correct) || claimed.questions !== score.questions)
    mismatches.push(
      `its score says ${claimed.correct} / ${claimed.questions}; its answers give ${score.correct} / ${score.questions}`,
    );
  if (claimed.tasksDone !== score.tasksDone || claimed.tasks !== score.tasks)
    mismatches.push(
      `its tasks say ${claimed.tasksDone} / ${claimed.tasks} done; its lab states show ${score.tasksDone} / ${score.tasks}`,
    );
  return { answers, tasks, score, firstTry: answers.filter((a) => a.first?.correct).length, mismatches };
}
