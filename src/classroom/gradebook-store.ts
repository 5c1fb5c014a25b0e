/**
 * The gradebook kept in the teacher's browser across a reload, until cleared: the report files themselves
 * (name and text), read again through the report reader on load, so a stored file is never trusted more than
 * a chosen one. Nothing leaves the browser.
 */
import { MAX_FILES } from "./report-batch.ts";
import { MAX_REPORT_CHARS } from "./report.ts";

/** The localStorage key of the kept files. */
export const GRADEBOOK_KEY = "activation-labs:gradebook";

/** A report file as kept: its name and its text. */
export interface KeptFile {
  name: string;
  text: string;
}

/** What the store needs of localStorage. */
export type GradebookStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The kept files, or [] when there are none or what is stored is not a list of files (then it is removed). */
export function loadKeptFiles(storage: GradebookStorage): KeptFile[] {
  try {
    const raw = storage.getItem(GRADEBOOK_KEY);
    if (raw === null) return [];
    const list: unknown = JSON.parse(raw);
    const ok =
      Array.isArray(list) &&
      list.length <= MAX_FILES &&
      list.every(
        (f: unknown) =>
          typeof f === "object" &&
          f !== null &&
          typeof (f as KeptFile).name === "string" &&
          (f as KeptFile).name.length <= 300 &&
          typeof (f as KeptFile).text === "string" &&
          (f as KeptFile).text.length <= MAX_REPORT_CHARS,
      );
    if (ok) return (list as KeptFile[]).map(({ name, text }) => ({ name, text }));
    storage.removeItem(GRADEBOOK_KEY);
    return [];
  } catch {
    return [];
  }
}

/** Keeps the files (the last MAX_FILES); false when the browser would not keep them (full, or storage off). */
export function keepFiles(storage: GradebookStorage, files: readonly KeptFile[]): boolean {
  try {
    if (files.length === 0) storage.removeItem(GRADEBOOK_KEY);
    else storage.setItem(GRADEBOOK_KEY, JSON.stringify(files.slice(-MAX_FILES)));
    return true;
  } catch {
    return false;
  }
}
