/**
 * The hand-in report: a student's answers (with every attempt and reset), task results with the lab
 * state that showed them, and lab states for one assignment with the run that produced each (its
 * settings, changes and step: lab-run.ts), as a JSON file with a SHA-256 checksum over its canonical
 * form. The teacher page reads reports back (report-reader.ts), recomputes the checksum, grades the
 * answers again with its own key (regrade.ts) and replays each run (replay-check.ts): the file's own
 * score, marks and numbers are claims, never trusted. The assignment page loads this module lazily.
 */
import type { AssignmentData, OpenQuestion } from "./assignment-schema.ts";
import { canonicalJson, sha256Hex } from "./checksum.ts";
import { hasKey, isCorrect, readableAnswer } from "./grading.ts";
import { readSavedRun, type SavedRun } from "./lab-run.ts";
import type { StoredLabState } from "./lab-state-schema.ts";
import { plainText } from "./plain-text.ts";
import { isoTime, type Progress, type SavedAnswer } from "./progress.ts";

export { readableAnswer };

/** The `format` field every report carries. */
export const REPORT_FORMAT = "activation-labs-report";
/**
 * The report format's version. 1: before raw values, attempts, resets and task states (not read). 2: before
 * runs (read, and shown as not replayable). 3: with the run behind each lab's numbers.
 */
export const REPORT_VERSION = 3;
/** Versions the teacher's page reads. */
export const READABLE_VERSIONS = [2, 3] as const;
/** A report file larger than this (in characters) is not read. */
export const MAX_REPORT_CHARS = 200_000;

/** A hand-in report (its schema, with every bound, is in report-schema.ts). */
export interface Report {
  format: typeof REPORT_FORMAT;
  /** REPORT_VERSION when written; a report read back may be of any READABLE_VERSIONS. */
  version: (typeof READABLE_VERSIONS)[number];
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
  /** The run behind each lab's state, by lab id (version 3; a lab whose run could not be kept has none). */
  runs: Record<string, SavedRun>;
  score: { correct: number; questions: number; tasksDone: number; tasks: number };
  checksum: string;
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
    runs: Object.fromEntries(
      Object.entries(progress.labs).flatMap(([id, lab]) => {
        const run = readSavedRun(lab.run);
        return run ? [[id, run]] : [];
      }),
    ),
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
