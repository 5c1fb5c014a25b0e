/**
 * The teacher page's side of hand-in reports: a report file read through its schema (every field
 * bounded; the lab states through the same reader as saved progress), and its checksum recomputed.
 * Only the teacher's report page loads this module (and zod with it).
 */
import { z } from "./zod.ts";
import { readStoredLabState } from "./lab-state-schema.ts";
import { expectedChecksum, MAX_REPORT_CHARS, REPORT_FORMAT, REPORT_VERSION, type Report } from "./report.ts";

const short = z.string().max(200);
const long = z.string().max(1200);

/** A lab state, read (and copied) by the classroom's own reader. */
const labState = z.unknown().transform((v, ctx) => {
  const s = readStoredLabState(v);
  if (s === null) ctx.addIssue({ code: "custom", message: "not a lab state" });
  return s ?? z.NEVER;
});

/** The report's shape. */
export const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  assignment: z.object({ slug: z.string().max(80), title: short }),
  student: z.string().max(80),
  createdAt: z.string().max(40),
  answers: z.array(z.object({ id: z.string().max(32), prompt: long, answer: short, correct: z.boolean() })).max(40),
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
  labs: z.record(z.string().max(40), labState).refine((r) => Object.keys(r).length <= 8, "too many labs"),
  score: z.object({
    correct: z.number().int().min(0),
    questions: z.number().int().min(0),
    tasksDone: z.number().int().min(0),
    tasks: z.number().int().min(0),
  }),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
}) satisfies z.ZodType<Report, unknown>;

/** What the teacher page makes of one file. */
export type ImportedReport =
  | { status: "verified" | "tampered"; report: Report; file: string }
  | { status: "invalid"; error: string; file: string };

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
