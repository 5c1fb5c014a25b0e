/**
 * A fault in a teacher-written assignment as one sentence that says where it is and what is wrong:
 * "Question 2, choice 3: The choice is too short." The schemas' own messages are written for the
 * teacher who edits an assignment file (they name fields as `prompt:`); here they lose that markup,
 * and zod's generic ones ("Too small: expected number to be >=1") are said in words.
 */
import type { z } from "./zod.ts";

/** A message with a capital first letter and a full stop. */
export function sentence(message: string): string {
  const m = message.trim();
  return `${m.charAt(0).toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? "" : "."}`;
}

const FIELDS: Record<string, string> = {
  id: "Id",
  title: "Title",
  intro: "Introduction",
  lab: "Lab",
  preset: "Preset",
  fixed: "Fixed settings",
  locked: "Locked controls",
  hidden: "Hidden controls",
  answers: "Answers",
  version: "Version",
  questions: "Questions",
  tasks: "Tasks",
};

/** What a value is called in a sentence, by its field name. */
const VALUES: Record<string, string> = {
  answer: "The answer",
  tolerance: "The tolerance",
  atLeast: "The “at least” number",
  within: "The factor",
  minStep: "The first step counted",
  kill: "The number of units to kill",
  revive: "The number of units to revive",
  on: "The accuracy measured",
  check: "The check",
  kind: "The kind",
};

/** Where a fault is, in words: "Question 2, choice 3", "Task 1", "Title". */
export function faultPlace(path: readonly PropertyKey[]): string {
  const [field, index, part, sub] = path;
  if ((field === "questions" || field === "tasks") && typeof index === "number") {
    const item = `${field === "questions" ? "Question" : "Task"} ${index + 1}`;
    return part === "choices" && typeof sub === "number" ? `${item}, choice ${sub + 1}` : item;
  }
  return FIELDS[String(field)] ?? "The assignment";
}

/** A schema's message with the file format's field markup (`prompt:`) turned into words. */
function plainMessage(message: string): string {
  return sentence(message.replace(/\s*\(`[a-z.]+:?`\)/gi, "").replace(/`([^`]+?):?`/g, "$1"));
}

/** zod's generic messages said in words; a schema's own message kept (without its markup). */
function what(issue: z.core.$ZodIssue): string {
  const value = VALUES[String(issue.path.at(-1))] ?? (issue.path.length <= 1 ? "This field" : "This value");
  const generic = /^(Invalid|Too small|Too big)/.test(issue.message);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "number") return `${value} must be at least ${String(issue.minimum)}.`;
      break;
    case "too_big":
      if (issue.origin === "number") return `${value} must be at most ${String(issue.maximum)}.`;
      break;
    case "invalid_type":
      if (generic) return issue.input === undefined ? `${value} is missing.` : `${value} must be a ${issue.expected}.`;
      break;
    case "invalid_value":
      if (generic) return `${value} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
      break;
    case "invalid_key":
      return "A setting's name is not a word this site uses.";
  }
  return plainMessage(issue.message);
}

/** One fault as a sentence with its place: "Task 1: The “at least” number must be at least 1." */
export function faultText(issue: z.core.$ZodIssue): string {
  return `${faultPlace(issue.path)}: ${what(issue)}`;
}
