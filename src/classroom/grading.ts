/** Checking "predict, then run" answers: a choice by its index, a number within a tolerance. */
import type { OpenQuestion, Question, QuestionKey } from "./assignment-schema.ts";

/** What telling a readable answer needs of a question: its kind, and a choice question's choices. */
export type AnswerShape = { kind: "choice"; choices: readonly string[] } | { kind: "number" };

/** Whether a question carries its answer (a teacher-written assignment's student copy may leave it out). */
export function hasKey(q: OpenQuestion): q is Question {
  return "answer" in q;
}

/** Reads a typed number: "0.5", "-2", "1e3", "1 000", "0,5" (a decimal comma). Anything else: null. */
export function parseAnswerNumber(raw: string): number | null {
  const text = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (text === "" || text.length > 30) return null;
  const normalised = /^-?\d+,\d+$/.test(text) ? text.replace(",", ".") : text;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** The interval of accepted answers of a numeric question. */
export function acceptedRange(q: Extract<QuestionKey, { kind: "number" }>): [number, number] {
  const margin = q.toleranceKind === "relative" ? Math.abs(q.answer) * q.tolerance : q.tolerance;
  return [q.answer - margin, q.answer + margin];
}

/**
 * Whether a stored answer (the choice's index as text, or the typed number) is right. An answer
 * that cannot be read is wrong, never an error.
 */
export function isCorrect(q: QuestionKey, value: string): boolean {
  if (q.kind === "choice") return /^\d{1,2}$/.test(value) && Number(value) === q.answer;
  const n = parseAnswerNumber(value);
  if (n === null) return false;
  const [lo, hi] = acceptedRange(q);
  // a hair of slack, so 0.1 + 0.2 style rounding never fails an exact answer
  const eps = 1e-9 * Math.max(1, Math.abs(q.answer));
  return n >= lo - eps && n <= hi + eps;
}

/** Whether a raw answer is acceptable input for the question (a listed choice, or a readable number). */
export function isAnswerable(q: AnswerShape, value: string): boolean {
  if (q.kind === "choice") return /^\d{1,2}$/.test(value) && Number(value) < q.choices.length;
  return parseAnswerNumber(value) !== null;
}

/** The right answer as a teacher reads it ("B: the first layer" or "1000 (±50%)"). */
export function answerText(q: QuestionKey): string {
  if (q.kind === "choice") return `${String.fromCharCode(65 + q.answer)}: ${q.choices[q.answer]}`;
  const tol = q.toleranceKind === "relative" ? `±${Math.round(q.tolerance * 100)}%` : `±${q.tolerance}`;
  return `${q.answer}${q.unit ? ` ${q.unit}` : ""} (${tol})`;
}

/** The readable form of a stored answer ("B: the first layer", "1000 ×"; "" when there is none, or it cannot be read). */
export function readableAnswer(q: AnswerShape & { unit?: string }, value: string | undefined): string {
  if (value === undefined || !isAnswerable(q, value)) return "";
  if (q.kind === "choice") return `${String.fromCharCode(65 + Number(value))}: ${q.choices[Number(value)]}`;
  return q.unit ? `${value} ${q.unit}` : value;
}
