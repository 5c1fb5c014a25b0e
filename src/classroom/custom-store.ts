/**
 * Teacher-written assignments a student has opened on this device, kept in localStorage (one key per
 * assignment), so the page reopens one by its id (`#id=custom-…`) after a reload or from the student
 * index, whether it came from a link or a file. What is read back is checked again as a copy; the
 * list reads only the title and the lab, by hand, so a page can show it without loading the schemas.
 * Nothing here throws: a browser that keeps nothing simply remembers nothing.
 */
import {
  CUSTOM_FORMAT,
  CUSTOM_FORMAT_VERSION,
  CUSTOM_ID,
  MAX_COPY_CHARS,
  type StudentAssignment,
} from "./custom-format.ts";
import { parseJsonSafely } from "./custom-link.ts";
import { isPlainObject, isText } from "./validate.ts";

/** Keys of remembered assignments: this prefix and the assignment's id. */
export const CUSTOM_STORE_PREFIX = "activation-labs:custom-assignment:";
/** Assignments remembered at most; opening one more forgets the one opened longest ago. */
export const MAX_REMEMBERED = 30;

/** The part of localStorage this module uses (tests pass a Map-backed fake). */
export type CustomStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** One remembered assignment, as the student index lists it. */
export interface RememberedAssignment {
  id: string;
  title: string;
  lab: string;
  /** When it was last opened (ISO time). */
  openedAt: string;
}

/** What is stored under an assignment's key: when it was opened, and its student copy. */
interface Stored {
  openedAt: string;
  copy: {
    format: typeof CUSTOM_FORMAT;
    version: typeof CUSTOM_FORMAT_VERSION;
    copy: "student";
    assignment: StudentAssignment;
  };
}

function keys(storage: CustomStorage): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(CUSTOM_STORE_PREFIX)) out.push(key);
  }
  return out;
}

/** Lists the remembered assignments, the one opened last first (entries that cannot be read are left out). */
export function rememberedAssignments(storage: CustomStorage | null): RememberedAssignment[] {
  if (!storage) return [];
  try {
    const out: RememberedAssignment[] = [];
    for (const key of keys(storage)) {
      const id = key.slice(CUSTOM_STORE_PREFIX.length);
      if (!CUSTOM_ID.test(id)) continue;
      let stored: unknown;
      try {
        stored = JSON.parse(storage.getItem(key) ?? "null");
      } catch {
        continue;
      }
      const a = isPlainObject(stored) && isPlainObject(stored.copy) ? stored.copy.assignment : null;
      if (!isPlainObject(stored) || !isText(stored.openedAt, 40) || !isPlainObject(a)) continue;
      if (a.id !== id || !isText(a.title, 80) || !isText(a.lab, 40)) continue;
      out.push({ id, title: a.title, lab: a.lab, openedAt: stored.openedAt });
    }
    return out.sort((x, y) => y.openedAt.localeCompare(x.openedAt));
  } catch {
    return [];
  }
}

/** Remembers an opened assignment (and forgets the oldest past MAX_REMEMBERED); false when the browser refuses. */
export function rememberAssignment(
  storage: CustomStorage | null,
  a: StudentAssignment,
  now: number = Date.now(),
): boolean {
  if (!storage) return false;
  try {
    const stored: Stored = {
      openedAt: new Date(now).toISOString(),
      copy: { format: CUSTOM_FORMAT, version: CUSTOM_FORMAT_VERSION, copy: "student", assignment: a },
    };
    storage.setItem(`${CUSTOM_STORE_PREFIX}${a.id}`, JSON.stringify(stored));
    const all = rememberedAssignments(storage);
    for (const old of all.slice(MAX_REMEMBERED)) storage.removeItem(`${CUSTOM_STORE_PREFIX}${old.id}`);
    return true;
  } catch {
    return false;
  }
}

/** The stored copy of a remembered assignment, as JSON to check again (null: none kept under this id). */
export function recalledCopy(storage: CustomStorage | null, id: string): unknown {
  if (!storage || !CUSTOM_ID.test(id)) return null;
  try {
    const raw = storage.getItem(`${CUSTOM_STORE_PREFIX}${id}`);
    if (raw === null || raw.length > MAX_COPY_CHARS + 200) return null;
    const stored = parseJsonSafely(raw);
    return isPlainObject(stored) ? (stored.copy ?? null) : null;
  } catch {
    return null;
  }
}
