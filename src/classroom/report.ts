/**
 * The hand-in report: a student's answers, task results and lab states for one assignment, as a
 * JSON file with a SHA-256 checksum over its canonical form. The teacher page reads reports back
 * (report-reader.ts) and recomputes the checksum: an edited report is flagged, not dropped. Nothing
 * here loads zod: this module runs on every assignment page.
 */
import type { AssignmentData } from "./assignment-schema.ts";
import { canonicalJson, sha256Hex } from "./checksum.ts";
import { isAnswerable, isCorrect } from "./grading.ts";
import type { StoredLabState } from "./lab-state-schema.ts";
import { isoTime, type Progress } from "./progress.ts";

/** The `format` field every report carries. */
export const REPORT_FORMAT = "activation-labs-report";
/** The report format's version. */
export const REPORT_VERSION = 1;
/** A report file larger than this (in characters) is not read. */
export const MAX_REPORT_CHARS = 200_000;

/** A hand-in report (its schema, with every bound, is in report-reader.ts). */
export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  assignment: { slug: string; title: string };
  student: string;
  createdAt: string;
  answers: {
    id: string;
    prompt: string;
    /** The answer as the student gave it, readable ("B: the first layer", "1000"); "" if unanswered. */
    answer: string;
    correct: boolean;
  }[];
  tasks: { id: string; title: string; done: boolean; at: string | null; evidence: string }[];
  labs: Record<string, StoredLabState>;
  score: { correct: number; questions: number; tasksDone: number; tasks: number };
  checksum: string;
}

/** The readable form of a saved answer. */
function readableAnswer(q: AssignmentData["questions"][number], value: string | undefined): string {
  if (value === undefined || !isAnswerable(q, value)) return "";
  if (q.kind === "choice") return `${String.fromCharCode(65 + Number(value))}: ${q.choices[Number(value)]}`;
  return q.unit ? `${value} ${q.unit}` : value;
}

/** Builds a report from the assignment and the student's progress, with its checksum. */
export async function buildReport(
  slug: string,
  assignment: Pick<AssignmentData, "title" | "questions" | "tasks">,
  progress: Progress,
  evidenceText: (taskId: string) => string,
  now: number = Date.now(),
): Promise<Report> {
  const answers = assignment.questions.map((q) => {
    const value = progress.answers[q.id]?.value;
    return {
      id: q.id,
      prompt: q.prompt,
      answer: readableAnswer(q, value),
      correct: value !== undefined && isCorrect(q, value),
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
    };
  });
  const body = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    assignment: { slug, title: assignment.title },
    student: progress.student.trim().slice(0, 80),
    createdAt: isoTime(now),
    answers,
    tasks,
    labs: progress.labs,
    score: {
      correct: answers.filter((a) => a.correct).length,
      questions: answers.length,
      tasksDone: tasks.filter((t) => t.done).length,
      tasks: tasks.length,
    },
  } satisfies Omit<Report, "checksum">;
  return { ...body, checksum: `sha256-${await sha256Hex(canonicalJson(body))}` };
}

/** The checksum a report should carry (over everything but the checksum itself). */
export async function expectedChecksum(report: Omit<Report, "checksum"> & { checksum?: string }): Promise<string> {
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
