/**
 * The hand-in report: a student's answers (with every attempt and reset), task results with the lab
 * state that showed them, and lab states for one assignment, as a JSON file with a SHA-256 checksum
 * over its canonical form. The teacher page reads reports back (report-reader.ts), recomputes the
 * checksum and grades the answers again with its own key (regrade.ts): the file's own score and
 * marks are claims, never trusted. The assignment page loads this module when the student downloads.
 */
import type { AssignmentData, OpenQuestion } from "./assignment-schema.ts";
import { canonicalJson, sha256Hex } from "./checksum.ts";
import { hasKey, isAnswerable, isCorrect, type AnswerShape } from "./grading.ts";
import type { StoredLabState } from "./lab-state-schema.ts";
import { plainText } from "./plain-text.ts";
import { isoTime, type Progress, type SavedAnswer } from "./progress.ts";

/** The `format` field every report carries. */
export const REPORT_FORMAT = "activation-labs-report";
/** The report format's version (1: before raw values, attempts, resets and task states). */
export const REPORT_VERSION = 2;
/** A report file larger than this (in characters) is not read. */
export const MAX_REPORT_CHARS = 200_000;

/** A hand-in report (its schema, with every bound, is in report-schema.ts). */
export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  /** `version`: the answer key's (answer-key.ts), so a report is only graded with the key it was made against. */
  assignment: { slug: string; title: string; version: string };
  student: string;
  createdAt: string;
  answers: {
    id: string;
    prompt: string;
    /** The answer as stored: a choice's index or the typed number; "" if unanswered. */
    value: string;
    /** The answer readable ("B: the first layer", "1000"); "" if unanswered. */
    answer: string;
    correct: boolean;
    /** Every answer locked in for this question, first first, resets notwithstanding. */
    attempts: SavedAnswer[];
  }[];
  /** When the student used "Reset my answers". */
  resets: string[];
  tasks: {
    id: string;
    title: string;
    done: boolean;
    at: string | null;
    evidence: string;
    /** The lab state that showed the task done (null if not done). */
    state: StoredLabState | null;
  }[];
  labs: Record<string, StoredLabState>;
  score: { correct: number; questions: number; tasksDone: number; tasks: number };
  checksum: string;
}

/** The readable form of a stored answer ("" when there is none, or it cannot be read). */
export function readableAnswer(q: AnswerShape & { unit?: string }, value: string | undefined): string {
  if (value === undefined || !isAnswerable(q, value)) return "";
  if (q.kind === "choice") return `${String.fromCharCode(65 + Number(value))}: ${q.choices[Number(value)]}`;
  return q.unit ? `${value} ${q.unit}` : value;
}

/** Builds a report from the assignment and the student's progress, with its checksum. */
export async function buildReport(
  slug: string,
  assignment: Pick<AssignmentData, "title" | "tasks"> & { questions: OpenQuestion[]; version: string },
  progress: Progress,
  evidenceText: (taskId: string) => string,
  now: number = Date.now(),
): Promise<Report> {
  const answers = assignment.questions.map((q) => {
    const value = progress.answers[q.id]?.value;
    return {
      id: q.id,
      prompt: q.prompt,
      value: value ?? "",
      answer: readableAnswer(q, value),
      // A question given without its key is graded by the teacher's page, never here.
      correct: value !== undefined && hasKey(q) && isCorrect(q, value),
      attempts: progress.attempts[q.id] ?? [],
    };
  });
  const tasks = assignment.tasks.map((t) => {
    const saved = progress.tasks[t.id];
    return {
      id: t.id,
      title: t.title,
      done: saved?.done ?? false,
      at: saved?.at ?? null,
      evidence: evidenceText(t.id).slice(0, 200),
      state: saved?.done ? saved.evidence : null,
    };
  });
  const body = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    assignment: { slug, title: assignment.title, version: assignment.version },
    student: plainText(progress.student).slice(0, 80),
    createdAt: isoTime(now),
    answers,
    resets: progress.resets,
    tasks,
    labs: Object.fromEntries(Object.entries(progress.labs).map(([id, lab]) => [id, lab.state])),
    score: {
      correct: answers.filter((a) => a.correct).length,
      questions: answers.length,
      tasksDone: tasks.filter((t) => t.done).length,
      tasks: tasks.length,
    },
  } satisfies Omit<Report, "checksum">;
  return { ...body, checksum: `sha256-${await sha256Hex(canonicalJson(body))}` };
}

/** The checksum a report file should carry: over everything in it but the checksum itself. */
export async function expectedChecksum(report: Record<string, unknown>): Promise<string> {
  const { checksum: _ignored, ...body } = report;
  return `sha256-${await sha256Hex(canonicalJson(body))}`;
}

/** A file name for the download, e.g. "dying-relu-ada-lovelace.json". */
export function reportFileName(report: Report): string {
  const who =
    report.student
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "report";
  return `${report.assignment.slug}-${who}.json`;
}
