/**
 * Reading a lab setting that came from outside (a lesson preset, a URL, storage): every value is
 * checked, out-of-range numbers are clamped, unknown words fall back, and each correction leaves a
 * notice the lab shows to the reader. Nothing here throws. The range and the word list are checked with the
 * core's checks, the same the core's config check and the classroom's readers use.
 */
import { clampTo, isOneOf } from "../core/index.ts";

/** What was wrong with one setting and what the lab did instead. */
export interface SettingNotice {
  setting: string;
  message: string;
}

/** A numeric setting's bounds and default. */
export interface NumberSpec {
  min: number;
  max: number;
  fallback: number;
}

/** Reads a number (or numeric string); clamps it into [min, max]; a non-number gives the fallback. */
export function readNumber(raw: unknown, name: string, spec: NumberSpec, notices: SettingNotice[]): number {
  if (raw === undefined) return spec.fallback;
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    notices.push({
      setting: name,
      message: `${name}: ${describe(raw)} is not a usable number, so it is ${spec.fallback}.`,
    });
    return spec.fallback;
  }
  if (value < spec.min || value > spec.max) {
    const clamped = clampTo(value, spec.min, spec.max);
    notices.push({
      setting: name,
      message: `${name}: ${describe(raw)} is outside ${spec.min}…${spec.max}, so it is ${clamped}.`,
    });
    return clamped;
  }
  return value;
}

/** Reads one of a fixed set of words; anything else gives the fallback. */
export function readChoice<T extends string>(
  raw: unknown,
  name: string,
  choices: readonly T[],
  fallback: T,
  notices: SettingNotice[],
): T {
  if (raw === undefined) return fallback;
  if (isOneOf(choices, raw)) return raw;
  notices.push({
    setting: name,
    message: `${name}: ${describe(raw)} is not one of ${choices.join(", ")}, so it is ${fallback}.`,
  });
  return fallback;
}

/** A short, safe description of a bad value for a notice (never longer than 40 characters). */
function describe(raw: unknown): string {
  const text = typeof raw === "string" ? JSON.stringify(raw) : String(raw);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
