/**
 * Opening a teacher-written assignment on the student's page, from a link's fragment or a chosen
 * file: the text read within its bounds, checked as a copy (custom-assignment.ts), and refused when
 * it is the teacher's copy (it carries the answer key). Every refusal is sentences for the student.
 */
import { asStudentAssignment, readCustomCopy, type ReadCopy } from "./custom-assignment.ts";
import { MAX_COPY_CHARS, type StudentAssignment, type StudentCopy, type TeacherCopy } from "./custom-format.ts";
import { parseJsonSafely, readLinkFragment } from "./custom-link.ts";

/** An opened assignment, or what is wrong, in sentences. */
export type Opened = { ok: true; assignment: StudentAssignment } | { ok: false; faults: string[] };

/** The largest file the page reads (bytes); a copy is at most MAX_COPY_CHARS, up to 3 bytes each in UTF-8. */
export const MAX_FILE_BYTES = 3 * MAX_COPY_CHARS;

const TEACHER_COPY =
  "This is the teacher's copy of the assignment, with its answer key. Open the student link or the student file instead.";

function openCopy(copy: TeacherCopy | StudentCopy): Opened {
  return copy.copy === "teacher"
    ? { ok: false, faults: [TEACHER_COPY] }
    : { ok: true, assignment: asStudentAssignment(copy) };
}

/** Checks parsed JSON as a student's copy. */
export function openJson(json: unknown): Opened {
  const read = readCustomCopy(json);
  return read.ok ? openCopy(read.copy) : read;
}

/** Opens the copy a link carries in its fragment ("#a=…"). */
export async function openFragment(hash: string): Promise<Opened> {
  const link = await readLinkFragment(hash);
  return link.ok ? openJson(link.json) : { ok: false, faults: [link.fault] };
}

/** Reads a file's text as a copy (teacher's or student's), within its bounds. Never throws. */
export function readCopyText(text: string): ReadCopy {
  if (text.length > MAX_COPY_CHARS) return { ok: false, faults: ["This file is too large to be an assignment."] };
  let json: unknown;
  try {
    json = parseJsonSafely(text);
  } catch {
    return { ok: false, faults: ["This file is not an assignment: it is not readable JSON."] };
  }
  return readCustomCopy(json);
}

/** Opens a file's text as a student's copy. */
export function openFileText(text: string): Opened {
  const read = readCopyText(text);
  return read.ok ? openCopy(read.copy) : read;
}
