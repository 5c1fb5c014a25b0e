/**
 * A teacher-written assignment's format: its shape, its copies and their bounds, and the settings its
 * lab opens with. Types and constants only, no schema, so that the modules that only carry an
 * assignment around (the draft, the store, the link codec) do not bring zod with them.
 */
import type { PromptOnly, Question, Task } from "./assignment-schema.ts";
import type { LinkableLab } from "./lab-schemas.ts";
import type { LinkChoice } from "./share-link.ts";
import { LAB_PRESETS } from "../../labs/index.ts";

/** The `format` field of every copy. */
export const CUSTOM_FORMAT = "activation-labs-assignment";
/** The format's version. */
export const CUSTOM_FORMAT_VERSION = 1;
/** A teacher-written assignment's id: also its progress key and its reports' slug, never a built-in's. */
export const CUSTOM_ID = /^custom-[a-z0-9]{10}$/;
/** Longest introduction, in characters. */
export const MAX_INTRO_CHARS = 2000;
/** A copy's JSON text longer than this is not read (20 questions at their longest fit). */
export const MAX_COPY_CHARS = 100_000;

/** Whether the students' copy carries the answers and explanations. */
export type AnswersIn = "shown" | "withheld";

/** A teacher-written assignment, as the teacher's copy holds it. */
export interface CustomAssignment extends LinkChoice {
  id: string;
  title: string;
  /** Plain text shown above the questions; blank lines separate paragraphs. */
  intro: string;
  lab: LinkableLab;
  /** A named preset of the lab (its settings and intro), or null for the lab's defaults. */
  preset: string | null;
  /** Whether the student's copy carries the key (shown: right or wrong at once) or not (graded on import). */
  answers: AnswersIn;
  questions: Question[];
  tasks: Task[];
}

/** The assignment as a student's page gets it: the key left out when the teacher chose so. */
export type StudentAssignment = Omit<CustomAssignment, "questions"> & {
  questions: (Question | PromptOnly)[];
  /** The answer key's version (answer-key.ts), which a student's page without the key cannot compute. */
  version: string;
};

/** The teacher's copy: the whole assignment, with its answer key. */
export interface TeacherCopy {
  format: typeof CUSTOM_FORMAT;
  version: typeof CUSTOM_FORMAT_VERSION;
  copy: "teacher";
  assignment: CustomAssignment;
}

/** The students' copy. */
export interface StudentCopy {
  format: typeof CUSTOM_FORMAT;
  version: typeof CUSTOM_FORMAT_VERSION;
  copy: "student";
  assignment: StudentAssignment;
}

/** The settings the lab opens with: the preset's, then the fixed ones; and the preset's intro. */
export function labSetup(a: Pick<CustomAssignment, "lab" | "preset" | "fixed">): {
  settings: Record<string, unknown>;
  intro?: string;
} {
  const preset = a.preset !== null && Object.hasOwn(LAB_PRESETS[a.lab], a.preset) ? LAB_PRESETS[a.lab][a.preset] : null;
  return { settings: { ...(preset?.settings ?? {}), ...a.fixed }, intro: preset?.intro };
}
