/**
 * The frontmatter of an assignment (content/assignments/<slug>.mdx): the lab and its preset, the
 * "predict, then run" questions and the tasks checked from the lab's live state. Messages are
 * written for the teacher who edits the file. `reference` is Astro's reference("lessons") in the
 * build and a plain string schema in unit tests.
 */
import { z } from "./zod.ts";
import { LAB_IDS } from "../../labs/index.ts";
import { ITEM_ID } from "./item-id.ts";
import { MAX_REPLAY_STEPS } from "../worker/run-record.ts";

export { ITEM_ID };

const id = z
  .string({ error: "Every question and task needs an `id:` (e.g. `q1`, `kill-units`)." })
  .regex(ITEM_ID, "`id:` must be lower-case letters, digits and dashes, starting with a letter (at most 32).");
const text = (what: string, max: number, min = 3) =>
  z
    .string({ error: `Write the ${what}.` })
    .min(min, `The ${what} is too short.`)
    .max(max, `The ${what} is over ${max} characters.`);

const choiceQuestion = z.object({
  kind: z.literal("choice"),
  id,
  prompt: text("question (`prompt:`)", 400),
  choices: z
    .array(text("choice", 200, 1), { error: "A multiple-choice question needs `choices:`, a list of 2 to 6 answers." })
    .min(2, "Give at least two `choices:`.")
    .max(6, "Give at most six `choices:`."),
  /** Index of the right choice, counted from 0. */
  answer: z.number({ error: "`answer:` is the number of the right choice, counted from 0." }).int().min(0),
  explanation: text("explanation shown after answering (`explanation:`)", 1200),
});

const numberQuestion = z.object({
  kind: z.literal("number"),
  id,
  prompt: text("question (`prompt:`)", 400),
  /** Shown after the input, e.g. "× smaller" or "%". */
  unit: z.string().max(30).optional(),
  answer: z.number({ error: "`answer:` must be a number." }),
  /** An answer within `tolerance` of `answer` counts (absolute, or a share of `answer` when relative). */
  tolerance: z.number({ error: "`tolerance:` must be a number ≥ 0." }).min(0),
  toleranceKind: z.enum(["absolute", "relative"]).default("absolute"),
  explanation: text("explanation shown after answering (`explanation:`)", 1200),
});

/** One "predict, then run" question. */
export const questionSchema = z.discriminatedUnion("kind", [choiceQuestion, numberQuestion], {
  error: "A question's `kind:` is `choice` (multiple choice) or `number` (a numeric answer with a tolerance).",
});

/** What a task checks in the lab's published state (see src/classroom/tasks.ts). */
export const checkSchema = z.discriminatedUnion(
  "kind",
  [
    /** The first weight layer's gradient within a factor `within` of the last layer's. */
    z.object({
      kind: z.literal("gradient-ratio"),
      within: z.number().min(1).max(1e6),
      // A task counted from a step no kept run can reach could never be replayed on the teacher's side.
      minStep: z.number().int().min(0).max(MAX_REPLAY_STEPS).default(1),
    }),
    /** At least `atLeast` dead hidden units at once. */
    z.object({ kind: z.literal("dead-units"), atLeast: z.number().int().min(1).max(10_000) }),
    /** At least `kill` dead units at once, then `revive` fewer, with the same learning rate and no reset between. */
    z.object({
      kind: z.literal("kill-and-revive"),
      kill: z.number().int().min(1).max(10_000),
      revive: z.number().int().min(1).max(10_000),
    }),
    /** Training or test accuracy of at least `atLeast` (a share, 0 to 1). */
    z.object({
      kind: z.literal("accuracy"),
      on: z.enum(["train", "test"]).default("train"),
      atLeast: z.number().min(0).max(1),
    }),
  ],
  {
    error:
      "A task's `check.kind:` is one of gradient-ratio (within), dead-units (atLeast), kill-and-revive (kill, revive), accuracy (on, atLeast).",
  },
);

/** One task checked from the lab's live state. */
export const taskSchema = z.object({
  id,
  title: text("task (`title:`)", 300),
  /** What to try if stuck; shown folded. */
  hint: text("hint", 600).optional(),
  check: checkSchema,
});

/** The frontmatter every assignment declares. */
export function assignmentSchema<R extends z.ZodType>(reference: R) {
  return z
    .object({
      title: text("title", 80),
      summary: text("summary (one sentence for the teacher page)", 200),
      /** The lesson this assignment goes with (its slug). */
      lesson: reference,
      lab: z.enum(LAB_IDS, {
        error: (issue) => `Unknown lab ${JSON.stringify(issue.input)} in \`lab:\`. Known labs: ${LAB_IDS.join(", ")}.`,
      }),
      /** The lab's settings, by its schema's keys (labs/<id>/settings.ts); checked by the lab itself. */
      preset: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
      /** Controls shown but not changeable, by schema key (plus "speed", "seed"). */
      lock: z.array(z.string().max(24)).max(32).default([]),
      /** Controls not shown. */
      hide: z.array(z.string().max(24)).max(32).default([]),
      /** Minutes a class needs, for the teacher page. */
      minutes: z.number().int().min(5).max(180).default(30),
      questions: z.array(questionSchema).min(1, "An assignment needs at least one question.").max(20),
      tasks: z.array(taskSchema).max(12).default([]),
      draft: z.boolean().default(false),
    })
    .superRefine(checkItems);
}

/**
 * The rules across an assignment's items, shared by built-in and teacher-written assignments
 * (custom-assignment.ts): every id used once, a choice's answer among its choices.
 */
export function checkItems(
  a: { questions: OpenQuestion[]; tasks: { id: string }[] },
  ctx: Pick<z.core.$RefinementCtx, "addIssue">,
): void {
  const seen = new Set<string>();
  for (const item of [...a.questions, ...a.tasks]) {
    if (seen.has(item.id))
      ctx.addIssue({ code: "custom", message: `The id \`${item.id}\` is used twice: ids must be unique.` });
    seen.add(item.id);
  }
  a.questions.forEach((q, i) => {
    if (q.kind === "choice" && "answer" in q && q.answer >= q.choices.length) {
      ctx.addIssue({
        code: "custom",
        path: ["questions", i, "answer"],
        message: `Question \`${q.id}\`: \`answer: ${q.answer}\` but there are only ${q.choices.length} choices (counted from 0).`,
      });
    }
  });
}

/** A question as pages and the assignment island use it. */
export type Question = z.infer<typeof questionSchema>;
/**
 * A question without its answer, tolerance and explanation: how a teacher-written assignment that
 * keeps its key out of the student's link gives it (graded when the teacher imports the reports).
 */
export type PromptOnly = Question extends infer Q
  ? Q extends unknown
    ? Omit<Q, "answer" | "tolerance" | "toleranceKind" | "explanation">
    : never
  : never;
/** A question as a student page receives it: with its key, or prompt only. */
export type OpenQuestion = Question | PromptOnly;
/** What grading reads of a question: everything but its wording. */
export type QuestionKey = Question extends infer Q
  ? Q extends unknown
    ? Omit<Q, "prompt" | "explanation">
    : never
  : never;
/** A task's check. */
export type TaskCheck = z.infer<typeof checkSchema>;
/** A task. */
export type Task = z.infer<typeof taskSchema>;
/** An assignment's frontmatter after validation. */
export type AssignmentData = z.infer<ReturnType<typeof assignmentSchema<z.ZodString>>>;
