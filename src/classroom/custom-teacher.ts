/**
 * The teacher's side of a teacher-written assignment's file: read back to edit it in the builder,
 * or added to the gradebook so its students' reports are graded with its key. A student's copy is
 * refused (without answers it cannot grade, and with them it may be out of date).
 */
import type { TeacherCopy } from "./custom-format.ts";
import { readCopyText } from "./custom-open.ts";

/** A teacher's copy, or what is wrong, in sentences. */
export type ReadTeacherFile = { ok: true; copy: TeacherCopy } | { ok: false; faults: string[] };

const STUDENT_COPY =
  "This is the students' copy of the assignment. Open the teacher's file (it carries the answer key) instead.";

/** Reads a file's text as a teacher's copy. Never throws. */
export function readTeacherFile(text: string): ReadTeacherFile {
  const read = readCopyText(text);
  if (!read.ok) return read;
  return read.copy.copy === "teacher" ? { ok: true, copy: read.copy } : { ok: false, faults: [STUDENT_COPY] };
}
