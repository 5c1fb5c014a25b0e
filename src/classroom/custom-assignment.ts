/**
 * A teacher-written assignment: its format, the two copies made of it and the one reader of both.
 * The teacher's copy carries the answer key; the student's copy carries it too, or (when the teacher
 * keeps the key out of it) only the prompts, and then the teacher's page grades the reports. Both
 * are read with the built-in assignments' own schemas (assignment-schema.ts) and the lab's own
 * settings schema, every field bounded, and a fault gives one message that says where it is.
 *
 *   builder ──► CustomAssignment ──► teacherCopy (with key) ─► file
 *                                └─► studentCopy (key or not) ─► link (custom-link.ts) or file
 *   student page / gradebook ──► readCustomCopy(json) ──► a copy, or the faults
 */
import { controlNames, LINKABLE_LABS, type LinkableLab } from "./lab-schemas.ts";
import { keyVersion, answerKey, type AnswerKey } from "./answer-key.ts";
import { checkItems, questionSchema, taskSchema, type PromptOnly } from "./assignment-schema.ts";
import { jsonDepth, MAX_JSON_DEPTH } from "./checksum.ts";
import { faultText, sentence } from "./custom-faults.ts";
import { z } from "./zod.ts";
import { LAB_CATALOG, LAB_PRESETS } from "../../labs/index.ts";
import {
  CUSTOM_FORMAT,
  CUSTOM_FORMAT_VERSION,
  CUSTOM_ID,
  MAX_INTRO_CHARS,
  type CustomAssignment,
  type StudentAssignment,
  type StudentCopy,
  type TeacherCopy,
} from "./custom-format.ts";
import { defaultsOf, readValues } from "../settings/url-state.ts";
import type { SettingNotice } from "../settings/read-setting.ts";

/** What reading a copy gives: the copy, or every fault found, each as one sentence. */
export type ReadCopy = { ok: true; copy: TeacherCopy | StudentCopy } | { ok: false; faults: string[] };

const text = (what: string, max: number, min = 3) =>
  z
    .string({ error: `Write the ${what}.` })
    .min(min, `The ${what} is too short.`)
    .max(max, `The ${what} is over ${max} characters.`);

const [choiceQuestion, numberQuestion] = questionSchema.options;

/** A question without its key, as a student's copy without answers holds it. */
const promptOnlySchema = z.discriminatedUnion(
  "kind",
  [
    choiceQuestion.omit({ answer: true, explanation: true }),
    numberQuestion.omit({ answer: true, tolerance: true, toleranceKind: true, explanation: true }),
  ],
  { error: "A question's `kind:` is `choice` (multiple choice) or `number` (a numeric answer)." },
);

const controlList = z.array(z.string().max(24)).max(32);

/** Everything but the questions, the tasks and the key's version, shared by both copies. */
const assignmentFields = {
  id: z
    .string({ error: "The assignment has no `id`." })
    .regex(CUSTOM_ID, "The assignment's `id` is not one this site makes."),
  title: text("title", 80),
  intro: z
    .string({ error: "The introduction must be text." })
    .max(MAX_INTRO_CHARS, `The introduction is over ${MAX_INTRO_CHARS} characters.`),
  lab: z.enum(Object.keys(LINKABLE_LABS) as [LinkableLab, ...LinkableLab[]], {
    error: (issue) =>
      issue.input === undefined
        ? "Choose a lab."
        : `Unknown lab ${JSON.stringify(issue.input)}. Known labs: ${Object.keys(LINKABLE_LABS).join(", ")}.`,
  }),
  preset: z.string().max(40).nullable(),
  fixed: z
    .record(
      z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,23}$/, "A setting's name is a short word."),
      z.union([z.string().max(40), z.number(), z.boolean()]),
    )
    .refine((r) => Object.keys(r).length <= 32, "Too many fixed settings."),
  locked: controlList,
  hidden: controlList,
  answers: z.enum(["shown", "withheld"], { error: "`answers` is `shown` or `withheld`." }),
};

const questionList = <Q extends z.ZodType>(q: Q) =>
  z.array(q).min(1, "An assignment needs at least one question.").max(20, "At most 20 questions.");

const taskList = z.array(taskSchema).max(12, "At most 12 tasks.");

const teacherAssignment = z.object({ ...assignmentFields, questions: questionList(questionSchema), tasks: taskList });

const keyVersionField = z
  .string({ error: "The copy has no answer key `version`." })
  .regex(/^[0-9a-f]{8}(-w)?$/, "The answer key's `version` is not one this site makes.");

/** The students' copy: with the key (as the teacher's) or with prompts only, as its `answers` says. */
const studentAssignment = z.discriminatedUnion(
  "answers",
  [
    z.object({
      ...assignmentFields,
      answers: z.literal("shown"),
      questions: questionList(questionSchema),
      tasks: taskList,
      version: keyVersionField,
    }),
    z.object({
      ...assignmentFields,
      answers: z.literal("withheld"),
      questions: questionList(promptOnlySchema),
      tasks: taskList,
      version: keyVersionField,
    }),
  ],
  { error: "`answers` is `shown` or `withheld`." },
);

/** The lab's own rules: its presets, its settings' bounds (the lab's schema), its controls. */
function checkLabSetup(
  a: Pick<CustomAssignment, "lab" | "preset" | "fixed" | "locked" | "hidden">,
  ctx: z.core.$RefinementCtx,
): void {
  const labTitle = LAB_CATALOG[a.lab].title;
  const presets = LAB_PRESETS[a.lab];
  if (a.preset !== null && !Object.hasOwn(presets, a.preset)) {
    const known = Object.keys(presets).join(", ") || "none";
    ctx.addIssue({
      code: "custom",
      path: ["preset"],
      message: `The ${labTitle} lab has no preset ${JSON.stringify(a.preset)}. Its presets: ${known}.`,
    });
  }
  const schema = LINKABLE_LABS[a.lab];
  for (const key of Object.keys(a.fixed)) {
    if (!Object.hasOwn(schema, key))
      ctx.addIssue({ code: "custom", path: ["fixed"], message: `The ${labTitle} lab has no setting "${key}".` });
  }
  const notices: SettingNotice[] = [];
  readValues(schema, a.fixed, defaultsOf(schema), notices);
  for (const n of notices) ctx.addIssue({ code: "custom", path: ["fixed"], message: sentence(n.message) });
  const controls = new Set(controlNames(a.lab));
  for (const [list, name] of [
    [a.locked, "locked"],
    [a.hidden, "hidden"],
  ] as const) {
    for (const c of list)
      if (!controls.has(c))
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `The ${labTitle} lab has no control "${c}" to lock or hide.`,
        });
  }
}

const envelope = <A extends z.ZodType>(copy: "teacher" | "student", assignment: A) =>
  z.object({
    format: z.literal(CUSTOM_FORMAT),
    version: z.literal(CUSTOM_FORMAT_VERSION),
    copy: z.literal(copy),
    assignment,
  });

/**
 * A rule that runs when the fields it reads were read without fault, even if others were not, so a
 * teacher sees a wrong setting and an empty prompt at once rather than one after the other.
 */
const whenRead = (fields: readonly string[]) => ({
  when: (payload: z.core.ParsePayload) => !payload.issues.some((i) => fields.includes(String(i.path?.[0]))),
});
const LAB_FIELDS = ["lab", "preset", "fixed", "locked", "hidden"] as const;
const ITEM_FIELDS = ["questions", "tasks"] as const;

/** An assignment schema with the rules across its fields. */
const withRules = <S extends typeof teacherAssignment | typeof studentAssignment>(schema: S) =>
  schema
    .superRefine((a, ctx) => checkLabSetup(a, ctx), whenRead(LAB_FIELDS))
    .superRefine((a, ctx) => checkItems(a, ctx), whenRead(ITEM_FIELDS));

const teacherCopySchema = envelope("teacher", withRules(teacherAssignment));
const studentCopySchema = envelope("student", withRules(studentAssignment));

/** Reads a copy (teacher's or student's) from parsed JSON: the copy, or every fault in it. Never throws. */
export function readCustomCopy(json: unknown): ReadCopy {
  if (jsonDepth(json) > MAX_JSON_DEPTH)
    return { ok: false, faults: ["This is not an assignment: it is nested too deep."] };
  const head = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  if (head.format !== CUSTOM_FORMAT)
    return { ok: false, faults: ["This is not an Activation Labs assignment (its format is missing or different)."] };
  if (head.version !== CUSTOM_FORMAT_VERSION)
    return {
      ok: false,
      faults: ["This assignment was made by another version of this site; make it again in the builder."],
    };
  const schema = head.copy === "teacher" ? teacherCopySchema : head.copy === "student" ? studentCopySchema : null;
  if (!schema)
    return { ok: false, faults: ['This assignment says neither "teacher" nor "student" in its "copy" field.'] };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, copy: parsed.data as TeacherCopy | StudentCopy };
  const faults = parsed.error.issues.map((issue) =>
    faultText({ ...issue, path: issue.path[0] === "assignment" ? issue.path.slice(1) : issue.path }),
  );
  return { ok: false, faults: [...new Set(faults)] };
}

/** Checks an assignment as the builder made it: itself (normalised), or every fault in it. */
export function checkCustom(
  assignment: unknown,
): { ok: true; assignment: CustomAssignment } | { ok: false; faults: string[] } {
  const read = readCustomCopy({ format: CUSTOM_FORMAT, version: CUSTOM_FORMAT_VERSION, copy: "teacher", assignment });
  return read.ok ? { ok: true, assignment: read.copy.assignment as CustomAssignment } : read;
}

/** The answer key's version: the built-ins' (answer-key.ts), marked "-w" when students get no key. */
export function customVersion(a: Pick<CustomAssignment, "questions" | "tasks" | "answers">): string {
  return `${keyVersion(a)}${a.answers === "withheld" ? "-w" : ""}`;
}

/** The teacher's copy of an assignment. */
export function teacherCopy(assignment: CustomAssignment): TeacherCopy {
  return { format: CUSTOM_FORMAT, version: CUSTOM_FORMAT_VERSION, copy: "teacher", assignment };
}

/** The students' copy: with the key, or with the prompts only (no answers, tolerances or explanations). */
export function studentCopy(a: CustomAssignment): StudentCopy {
  const questions =
    a.answers === "shown"
      ? a.questions
      : a.questions.map((q): PromptOnly =>
          q.kind === "choice"
            ? { kind: q.kind, id: q.id, prompt: q.prompt, choices: q.choices }
            : { kind: q.kind, id: q.id, prompt: q.prompt, ...(q.unit === undefined ? {} : { unit: q.unit }) },
        );
  return {
    format: CUSTOM_FORMAT,
    version: CUSTOM_FORMAT_VERSION,
    copy: "student",
    assignment: { ...a, questions, version: customVersion(a) },
  };
}

/**
 * A student's copy as their page uses it. A copy with the key gets its version computed here (a
 * hand-edited version would only get the reports refused); one without carries the teacher's.
 */
export function asStudentAssignment(copy: StudentCopy): StudentAssignment {
  const a = copy.assignment;
  return a.answers === "shown" ? { ...a, version: customVersion(a as CustomAssignment) } : a;
}

/** The gradebook's answer key of a teacher's copy (keyed by the assignment's id, as its reports are). */
export function customAnswerKey(copy: TeacherCopy): AnswerKey {
  const a = copy.assignment;
  return { ...answerKey(a.id, a), version: customVersion(a), withheld: a.answers === "withheld" };
}
