/**
 * The hand-in report: a student's answers, task results and lab states for one assignment, as a
 * JSON file with a SHA-256 checksum over its canonical form. The teacher page reads reports back
 * through the same schema and recomputes the checksum: an edited report is flagged, not dropped.
 */
import { z } from "./zod.ts";
import type { AssignmentData } from "./assignment-schema.ts";
import { canonicalJson, sha256Hex } from "./checksum.ts";
import { isAnswerable, isCorrect } from "./grading.ts";
import { storedLabStateSchema } from "./lab-state-schema.ts";
import { isoTime, type Progress } from "./progress.ts";

/** The `format` field every report carries. */
export const REPORT_FORMAT = "activation-labs-report";
/** The report format's version. */
export const REPORT_VERSION = 1;
/** A report file larger than this (in characters) is not read. */
export const MAX_REPORT_CHARS = 200_000;

const short = z.string().max(200);
const long = z.string().max(1200);

/** The report's shape. */
export const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  assignment: z.object({ slug: z.string().max(80), title: short }),
  student: z.string().max(80),
  createdAt: z.string().max(40),
  answers: z
    .array(
      z.object({
        id: z.string().max(32),
        prompt: long,
        /** The answer as the student gave it, readable ("B: the first layer", "1000"); "" if unanswered. */
        answer: short,
        correct: z.boolean(),
      }),
    )
    .max(40),
  tasks: z
    .array(
      z.object({
        id: z.string().max(32),
        title: long,
        done: z.boolean(),
        at: z.string().max(40).nullable(),
        evidence: short,
      }),
    )
    .max(24),
  labs: z.record(z.string().max(40), storedLabStateSchema).refine((r) => Object.keys(r).length <= 8, "too many labs"),
  score: z.object({
    correct: z.number().int().min(0),
    questions: z.number().int().min(0),
    tasksDone: z.number().int().min(0),
    tasks: z.number().int().min(0),
  }),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
});

/** A hand-in report. */
export type Report = z.infer<typeof reportSchema>;

/** What the teacher page makes of one file. */
export type ImportedReport =
  | { status: "verified" | "tampered"; report: Report; file: string }
  | { status: "invalid"; error: string; file: string };

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

/** Reads one report file: invalid files get a reason; valid ones are verified or flagged as tampered. Never throws. */
export async function readReport(text: string, file: string): Promise<ImportedReport> {
  const name = file.slice(0, 120);
  if (text.length > MAX_REPORT_CHARS) return { status: "invalid", error: "too large to be a report", file: name };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: "invalid", error: "not a JSON file", file: name };
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join(".") : "";
    return { status: "invalid", error: `not an Activation Labs report (${where || "format"} is wrong)`, file: name };
  }
  const expected = await expectedChecksum(json as Report);
  return { status: expected === parsed.data.checksum ? "verified" : "tampered", report: parsed.data, file: name };
}
