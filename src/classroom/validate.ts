/**
 * The building blocks of the student page's one schema (saved progress, progress-schema.ts, with the
 * lab states in it). Hand-written: zod/mini would add about 7 kB gzipped to an assignment page that
 * is at its 60 kB budget (zod, ~28 kB, is for the teacher's report page). Readers return a clean copy
 * with only the known fields (as a zod object would), or null when anything is off. Objects, numbers and words
 * are checked with the core's checks (src/core/checks.ts), the one implementation the whole site uses.
 */
import { isPlainObject } from "../core/index.ts";

/** The core's checks, for the readers that build on these (one import for a reader's every check). */
export { isIntegerIn, isNumberIn, isPlainObject } from "../core/index.ts";

/** A string of at most `max` UTF-16 units. */
export function isText(v: unknown, max: number): v is string {
  return typeof v === "string" && v.length <= max;
}

/**
 * A record of at most `max` entries whose keys pass `key` and whose values `read` accepts: a copy of
 * the read values, or null.
 */
export function readRecord<T>(
  v: unknown,
  key: (k: string) => boolean,
  read: (value: unknown) => T | null,
  max: number,
): Record<string, T> | null {
  if (!isPlainObject(v)) return null;
  const entries = Object.entries(v);
  if (entries.length > max) return null;
  const out: Record<string, T> = {};
  for (const [k, value] of entries) {
    // "__proto__" would set the copy's prototype rather than add a key.
    if (k === "__proto__" || !key(k)) return null;
    const read_ = read(value);
    if (read_ === null) return null;
    out[k] = read_;
  }
  return out;
}

/** A list of at most `max` items that `read` accepts: a copy of the read items, or null. */
export function readList<T>(v: unknown, read: (item: unknown) => T | null, max: number): T[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: T[] = [];
  for (const item of v) {
    const read_ = read(item);
    if (read_ === null) return null;
    out.push(read_);
  }
  return out;
}
