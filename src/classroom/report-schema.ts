/**
 * The one schema of a hand-in report file, where it enters the teacher's page: every field bounded,
 * ids unique, the student's text stripped of control and bidirectional characters, lab states read
 * by the same reader as saved progress. Only the teacher's report page loads this module (and zod).
 */
import { z } from "./zod.ts";
import { readStoredLabState } from "./lab-state-schema.ts";
import { plainText } from "./plain-text.ts";
import { READABLE_VERSIONS, REPORT_FORMAT, type Report } from "./report.ts";

/** Text a student may have typed or edited: bounded, then made plain (plain-text.ts). */
const text = (max: number) => z.string().max(max).transform(plainText);
const time = z.string().max(40);
const attempt = z.object({ value: text(40), at: time });

/** A lab state, read (and copied) by the classroom's own reader. */
const labState = z.unknown().transform((v, ctx) => {
  const s = readStoredLabState(v);
  if (s === null) ctx.addIssue({ code: "custom", message: "not a lab state" });
  return s ?? z.NEVER;
});

/** A list of items whose ids must be unique (they key the viewer's lists). */
function uniqueIds<T extends { id: string }>(item: z.ZodType<T>, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      for (const { id } of items) {
        if (seen.has(id)) ctx.addIssue({ code: "custom", message: `the id "${id}" is used twice` });
        seen.add(id);
      }
    });
}

/** Lab ids as keys: lower-case words, so no key can reach an object's prototype. */
const labId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

/**
 * A report file's shape (format versions 2 and 3; version 2 has no runs). A run is only bounded here: the
 * reader reads each one (lab-run.ts) and says why one cannot be replayed, without refusing the report.
 */
export const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal([...READABLE_VERSIONS]),
  assignment: z.object({ slug: z.string().max(80), title: text(200), version: z.string().max(16) }),
  student: text(80),
  createdAt: time,
  answers: uniqueIds(
    z.object({
      id: z.string().max(32),
      prompt: text(1200),
      value: text(40),
      answer: text(200),
      correct: z.boolean(),
      attempts: z.array(attempt).max(20),
    }),
    40,
  ),
  resets: z.array(time).max(20),
  tasks: uniqueIds(
    z.object({
      id: z.string().max(32),
      title: text(1200),
      done: z.boolean(),
      at: time.nullable(),
      evidence: text(200),
      state: labState.nullable(),
    }),
    24,
  ),
  labs: z.record(labId, labState).refine((r) => Object.keys(r).length <= 8, "too many labs"),
  runs: z
    .record(labId, z.unknown())
    .refine((r) => Object.keys(r).length <= 8, "too many runs")
    .default({}),
  score: z.object({
    correct: z.number().int().min(0),
    questions: z.number().int().min(0),
    tasksDone: z.number().int().min(0),
    tasks: z.number().int().min(0),
  }),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
}) satisfies z.ZodType<Omit<Report, "runs"> & { runs: Record<string, unknown> }, unknown>;
