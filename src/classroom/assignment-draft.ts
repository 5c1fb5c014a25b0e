/**
 * A teacher-written assignment while the teacher writes it: every field as typed (a number may be
 * half-written, a prompt empty), kept in the teacher's browser after each change and read back
 * leniently (each field on its own; what cannot be read starts empty). draftAssignment turns a draft
 * into what the assignment schema judges (custom-assignment.ts); draftOf turns a teacher's file back
 * into a draft to edit.
 */
import type { Question, Task } from "./assignment-schema.ts";
import type { AnswersIn, CustomAssignment } from "./custom-format.ts";
import { ITEM_ID } from "./item-id.ts";
import { LINKABLE_LABS, type LinkableLab } from "./lab-schemas.ts";
import { checkFrom, paramsOf, startParams, TASK_KIND_IDS, taskSentence, type TaskKind } from "./task-catalogue.ts";
import { z } from "./zod.ts";

/** A question as typed. */
export interface DraftQuestion {
  id: string;
  kind: "choice" | "number";
  prompt: string;
  /** A choice question's options. */
  choices: string[];
  /** The right option's index. */
  right: number;
  /** A number question's answer, tolerance and unit, as typed. */
  answer: string;
  tolerance: string;
  relative: boolean;
  unit: string;
  /** The reason shown after answering. */
  explanation: string;
}

/** A task as typed; its title follows its parameters until the teacher edits it. */
export interface DraftTask {
  id: string;
  kind: TaskKind;
  params: Record<string, string>;
  title: string;
  hint: string;
}

/** An assignment as typed. */
export interface Draft {
  id: string;
  title: string;
  intro: string;
  lab: LinkableLab;
  /** A preset's name, or "" for the lab's defaults. */
  preset: string;
  /** Fixed settings, as typed. */
  fixed: Record<string, string>;
  locked: string[];
  hidden: string[];
  answers: AnswersIn;
  questions: DraftQuestion[];
  tasks: DraftTask[];
  /** The number in the next new item's id (q1, t2, …): ids never repeat within a draft. */
  next: number;
}

/** A new assignment id: "custom-" and ten random letters and digits. */
export function newAssignmentId(
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = new Uint8Array(10);
  random(bytes);
  return `custom-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")}`;
}

/** An empty draft for a new assignment. */
export function newDraft(id: string = newAssignmentId()): Draft {
  return {
    id,
    title: "",
    intro: "",
    lab: "dying-relu",
    preset: "",
    fixed: {},
    locked: [],
    hidden: [],
    answers: "shown",
    questions: [],
    tasks: [],
    next: 1,
  };
}

/** A new question of a kind, with the draft's next id. */
export function newQuestion(kind: DraftQuestion["kind"], id: string): DraftQuestion {
  return {
    id,
    kind,
    prompt: "",
    choices: kind === "choice" ? ["", ""] : [],
    right: 0,
    answer: "",
    tolerance: "0",
    relative: false,
    unit: "",
    explanation: "",
  };
}

/** A new task of a kind, titled by its check. */
export function newTask(kind: TaskKind, id: string): DraftTask {
  const params = startParams(kind);
  return { id, kind, params, title: defaultTitle(kind, params), hint: "" };
}

/** The sentence a task is titled with until the teacher edits it ("" while a parameter is not a number). */
export function defaultTitle(kind: TaskKind, params: Readonly<Record<string, string>>): string {
  const check = checkFrom(kind, params);
  const ready = Object.values(check).every(
    (v) => typeof v === "number" || ["train", "test", kind].includes(v as string),
  );
  return ready ? taskSentence(check as Task["check"]) : "";
}

/** A typed setting as the lab's schema reads it: numbers and on/off read, anything else kept as typed. */
function settingValue(lab: LinkableLab, key: string, typed: string): string | number | boolean {
  const spec = LINKABLE_LABS[lab][key];
  if (spec?.kind === "number") {
    const n = typed.trim() === "" ? Number.NaN : Number(typed);
    return Number.isFinite(n) ? n : typed;
  }
  if (spec?.kind === "boolean") return typed === "true" ? true : typed === "false" ? false : typed;
  return typed;
}

function typedNumber(typed: string): number | string {
  const n = typed.trim() === "" ? Number.NaN : Number(typed.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2"));
  return Number.isFinite(n) ? n : typed;
}

/** What the draft says, shaped as an assignment for the schema to judge (texts trimmed). */
export function draftAssignment(d: Draft): Record<string, unknown> {
  return {
    id: d.id,
    title: d.title.trim(),
    intro: d.intro.trim(),
    lab: d.lab,
    preset: d.preset === "" ? null : d.preset,
    fixed: Object.fromEntries(Object.entries(d.fixed).map(([k, v]) => [k, settingValue(d.lab, k, v)])),
    locked: d.locked,
    hidden: d.hidden,
    answers: d.answers,
    questions: d.questions.map((q) =>
      q.kind === "choice"
        ? {
            kind: q.kind,
            id: q.id,
            prompt: q.prompt.trim(),
            choices: q.choices.map((c) => c.trim()),
            answer: q.right,
            explanation: q.explanation.trim(),
          }
        : {
            kind: q.kind,
            id: q.id,
            prompt: q.prompt.trim(),
            ...(q.unit.trim() ? { unit: q.unit.trim() } : {}),
            answer: typedNumber(q.answer),
            tolerance: typedNumber(q.tolerance),
            toleranceKind: q.relative ? "relative" : "absolute",
            explanation: q.explanation.trim(),
          },
    ),
    tasks: d.tasks.map((t) => ({
      id: t.id,
      title: t.title.trim(),
      ...(t.hint.trim() ? { hint: t.hint.trim() } : {}),
      check: checkFrom(t.kind, t.params),
    })),
  };
}

/** The highest number in ids like "q3", "t12" (0 when there is none). */
function highestNumber(ids: string[]): number {
  return Math.max(0, ...ids.map((id) => Number(/(\d+)$/.exec(id)?.[1] ?? 0)));
}

function questionDraft(q: Question): DraftQuestion {
  const base = newQuestion(q.kind, q.id);
  if (q.kind === "choice")
    return { ...base, prompt: q.prompt, choices: [...q.choices], right: q.answer, explanation: q.explanation };
  return {
    ...base,
    prompt: q.prompt,
    answer: String(q.answer),
    tolerance: String(q.tolerance),
    relative: q.toleranceKind === "relative",
    unit: q.unit ?? "",
    explanation: q.explanation,
  };
}

/** A teacher's assignment (from their file) as a draft to edit: same id, so students' progress carries over. */
export function draftOf(a: CustomAssignment): Draft {
  const ids = [...a.questions, ...a.tasks].map((i) => i.id);
  return {
    id: a.id,
    title: a.title,
    intro: a.intro,
    lab: a.lab,
    preset: a.preset ?? "",
    fixed: Object.fromEntries(Object.entries(a.fixed).map(([k, v]) => [k, String(v)])),
    locked: [...a.locked],
    hidden: [...a.hidden],
    answers: a.answers,
    questions: a.questions.map(questionDraft),
    tasks: a.tasks.map((t) => ({
      id: t.id,
      kind: t.check.kind,
      params: paramsOf(t.check),
      title: t.title,
      hint: t.hint ?? "",
    })),
    next: highestNumber(ids) + 1,
  };
}

/** Text cut to `max` characters; anything that is not text becomes "". */
const typed = (max: number) =>
  z
    .string()
    .transform((s) => s.slice(0, max))
    .catch("");
const itemId = z.string().regex(ITEM_ID);
const names = z.array(z.string().max(24)).max(32).catch([]);

const draftQuestion = z.object({
  id: itemId,
  kind: z.enum(["choice", "number"]),
  prompt: typed(400),
  choices: z.array(typed(200)).max(6).catch([]),
  right: z.number().int().min(0).max(5).catch(0),
  answer: typed(30),
  tolerance: typed(30),
  relative: z.boolean().catch(false),
  unit: typed(30),
  explanation: typed(1200),
});

const draftTask = z.object({
  id: itemId,
  kind: z.enum(TASK_KIND_IDS as [TaskKind, ...TaskKind[]]),
  params: z.record(z.string().max(24), typed(30)).catch({}),
  title: typed(300),
  hint: typed(600),
});

/** Items that cannot be read are dropped one by one, not the whole list. */
const items = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(z.unknown())
    .max(max)
    .catch([])
    .transform((list) =>
      list.flatMap((x) => {
        const r = item.safeParse(x);
        return r.success ? [r.data as z.infer<T>] : [];
      }),
    );

const draftSchema = z.object({
  id: z.string().regex(/^custom-[a-z0-9]{10}$/),
  title: typed(80),
  intro: typed(2000),
  lab: z.enum(Object.keys(LINKABLE_LABS) as [LinkableLab, ...LinkableLab[]]).catch("dying-relu"),
  preset: typed(40),
  fixed: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,23}$/), typed(40)).catch({}),
  locked: names,
  hidden: names,
  answers: z.enum(["shown", "withheld"]).catch("shown"),
  questions: items(draftQuestion, 20),
  tasks: items(draftTask, 12),
  next: z.number().int().min(1).max(1e6).catch(1),
});

/** Reads a stored draft leniently; null when it has no id (then the builder starts a new one). */
export function readDraft(json: unknown): Draft | null {
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success) return null;
  const d = parsed.data;
  const params = (t: (typeof d.tasks)[number]) => ({ ...startParams(t.kind), ...t.params });
  const ids = [...d.questions, ...d.tasks].map((i) => i.id);
  return {
    ...d,
    // A choice question always shows at least two options to fill in.
    questions: d.questions.map((q) =>
      q.kind === "choice" && q.choices.length < 2 ? { ...q, choices: [...q.choices, "", ""].slice(0, 2) } : q,
    ),
    tasks: d.tasks.map((t) => ({ ...t, params: params(t) })),
    next: Math.max(d.next, highestNumber(ids) + 1),
  };
}
