/**
 * The one implementation of each check on a value from outside (a URL, storage, a file, a worker message): a
 * plain object, a finite number or an integer in a range, one word of a list, and the clamp into a range. The
 * core's config check, the settings layer, the worker protocol and the classroom's readers all call these.
 */

/** True for a plain (non-array) object: the one check for "an object" at every boundary of the site. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A finite number in [min, max] (a string "1" is not a number; NaN and ±Infinity never pass). */
export function isNumberIn(v: unknown, min = -Infinity, max = Infinity): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;
}

/** An integer in [min, max]. */
export function isIntegerIn(v: unknown, min = -Infinity, max = Infinity): v is number {
  return Number.isInteger(v) && isNumberIn(v, min, max);
}

/** True when `v` is one of the words in `list`. */
export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}

/** `v` limited to [min, max]; a value that is not a finite number gives min. */
export function clampTo(v: number, min: number, max: number): number {
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min;
}
