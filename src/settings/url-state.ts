/**
 * A lab's settings in the page URL, so a reader can share exactly what they see. Each lab declares
 * a schema; reading is defensive (see read-setting.ts): unknown keys, duplicated keys, empty values,
 * non-numbers and out-of-range numbers become defaults with a notice. Keys are prefixed with the
 * lab's short key ("vg.depth=10"), so several labs can share one page.
 */
import { readChoice, readNumber, type SettingNotice } from "./read-setting.ts";

/** One setting a lab keeps in the URL. */
export type FieldSpec =
  | { kind: "number"; label: string; min: number; max: number; fallback: number; integer?: boolean }
  | { kind: "choice"; label: string; choices: readonly string[]; fallback: string }
  | { kind: "boolean"; label: string; fallback: boolean };

/** One setting's value once read: a number, a switch, or a word of its choices. */
export type SettingValue = string | number | boolean;

/** A lab's URL schema: setting name → spec. */
export type UrlSchema = Record<string, FieldSpec>;

/** The values a schema describes: numbers, booleans, and for a choice one of its words. */
export type UrlValues<S extends UrlSchema> = {
  [K in keyof S]: S[K] extends { kind: "number" }
    ? number
    : S[K] extends { kind: "boolean" }
      ? boolean
      : S[K] extends { choices: readonly (infer C extends string)[] }
        ? C
        : string;
};

/** The schema's defaults, overridden by a preset (itself read defensively). */
export function defaultsOf<S extends UrlSchema>(schema: S): UrlValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) out[key] = spec.fallback;
  return out as UrlValues<S>;
}

/** Reads `raw` (a preset object) field by field against the schema, starting from `base`. */
export function readValues<S extends UrlSchema>(
  schema: S,
  raw: Record<string, unknown>,
  base: UrlValues<S>,
  notices: SettingNotice[],
): UrlValues<S> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, spec] of Object.entries(schema)) {
    if (!Object.hasOwn(raw, key)) continue;
    out[key] = readField(spec, raw[key], (base as Record<string, unknown>)[key], notices);
  }
  return out as UrlValues<S>;
}

function readField(spec: FieldSpec, raw: unknown, fallback: unknown, notices: SettingNotice[]): unknown {
  switch (spec.kind) {
    case "number": {
      const value = readNumber(
        raw,
        spec.label,
        { min: spec.min, max: spec.max, fallback: fallback as number },
        notices,
      );
      return spec.integer ? Math.round(value) : value;
    }
    case "choice":
      return readChoice(raw, spec.label, spec.choices, fallback as string, notices);
    case "boolean": {
      if (raw === true || raw === "1" || raw === "true") return true;
      if (raw === false || raw === "0" || raw === "false") return false;
      notices.push({
        setting: spec.label,
        message: `${spec.label}: expected on or off, so it is ${fallback ? "on" : "off"}.`,
      });
      return fallback;
    }
  }
}

/**
 * A setting's value in the address longer than this is ignored (with a notice): every setting is a short word
 * or number. Only the lab's own parameters are looked at, so another application's long ones cost nothing.
 */
const MAX_VALUE_CHARS = 100;

/** Unknown settings named one by one in the notices; beyond this they are counted in one notice. */
const MAX_NAMED_UNKNOWN = 5;

/** The address's parameters, or none when it cannot be parsed (never throws). */
function parseSearch(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

/**
 * Reads the lab's settings from URL search parameters (those starting with `prefix.`), on top of
 * `base` (the defaults or the lesson's preset). `keys`: the schema's keys the address names. Never throws.
 */
export function readUrl<S extends UrlSchema>(
  schema: S,
  search: string,
  prefix: string,
  base: UrlValues<S>,
): { values: UrlValues<S>; notices: SettingNotice[]; present: boolean; keys: string[] } {
  const notices: SettingNotice[] = [];
  const params = parseSearch(search);
  let unknown = 0;
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const seen = new Set<string>();
  const keys: string[] = [];
  let present = false;
  for (const [fullKey] of params) {
    if (!fullKey.startsWith(`${prefix}.`)) continue;
    const key = fullKey.slice(prefix.length + 1);
    if ((CONTROL_KEYS as readonly string[]).includes(key)) continue; // a teacher's lock/hide list, read by readControls
    present = true;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!Object.hasOwn(schema, key)) {
      // A hostile address can hold thousands of keys: the first few are named, the rest counted.
      if (++unknown <= MAX_NAMED_UNKNOWN)
        notices.push({
          setting: key,
          message: `Unknown setting ${JSON.stringify(key.slice(0, 30))} in the address was ignored.`,
        });
      continue;
    }
    const spec = schema[key] as FieldSpec;
    keys.push(key);
    const all = params.getAll(fullKey);
    if (all.length > 1) {
      notices.push({
        setting: spec.label,
        message: `${spec.label} appears ${all.length} times in the address, so the lab uses its default.`,
      });
      continue;
    }
    if ((all[0] ?? "").length > MAX_VALUE_CHARS) {
      notices.push({
        setting: spec.label,
        message: `${spec.label} in the address is ${all[0]!.length} characters long, so it was ignored.`,
      });
      continue;
    }
    if ((all[0] ?? "").trim() === "") {
      notices.push({
        setting: spec.label,
        message: `${spec.label} is empty in the address, so the lab uses its default.`,
      });
      continue;
    }
    raw[key] = all[0];
  }
  if (unknown > MAX_NAMED_UNKNOWN)
    notices.push({
      setting: "address",
      message: `${unknown - MAX_NAMED_UNKNOWN} more unknown settings in the address were ignored.`,
    });
  return { values: readValues(schema, raw, base, notices), notices, present, keys };
}

/**
 * Writes the settings that differ from `base` into `search` under the prefix, keeping every other
 * parameter (another lab's, a teacher's) as it was. Returns the new search string ("" or "?…").
 */
export function writeUrl<S extends UrlSchema>(
  schema: S,
  values: UrlValues<S>,
  base: UrlValues<S>,
  search: string,
  prefix: string,
): string {
  const params = new URLSearchParams(search);
  const keep = new Set(CONTROL_KEYS.map((k) => `${prefix}.${k}`));
  for (const key of [...params.keys()]) if (key.startsWith(`${prefix}.`) && !keep.has(key)) params.delete(key);
  for (const key of Object.keys(schema)) {
    const value = (values as Record<string, unknown>)[key];
    if (value === (base as Record<string, unknown>)[key]) continue;
    params.set(`${prefix}.${key}`, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * A teacher's control policy for one lab: settings shown but not changeable (`lock`) and settings
 * not shown at all (`hide`). In the address as comma lists under the lab's prefix, e.g.
 * `?dr.lock=lr,bias&dr.hide=seed`; names are the lab's schema keys plus the shared controls
 * "speed" and "seed" (the New seed button). Unknown names are ignored, never an error.
 */
export interface ControlPolicy {
  locked: string[];
  hidden: string[];
}

/** The reserved keys under a lab's prefix that hold the control policy (never settings). */
export const CONTROL_KEYS = ["lock", "hide"] as const;

/** Controls every training lab has besides its schema's settings (TrainingControls). */
export const SHARED_CONTROLS = ["speed", "seed"] as const;

/** At most this many names per list; longer lists are cut (a policy names a few controls). */
const MAX_CONTROLS = 32;

/** A plausible control name when a lab does not list its own: a short lower-case word. */
const CONTROL_NAME = /^[a-z][a-z0-9-]{0,23}$/;

/** Parses one comma list of control names against the names a lab knows (null: any short lower-case word). */
export function readControlList(raw: string | null | undefined, known: readonly string[] | null): string[] {
  if (typeof raw !== "string" || raw.length > 400) return [];
  const out: string[] = [];
  for (const name of raw.split(",")) {
    const n = name.trim();
    const ok = known ? known.includes(n) : CONTROL_NAME.test(n);
    if (ok && !out.includes(n)) out.push(n);
    if (out.length >= MAX_CONTROLS) break;
  }
  return out;
}

/**
 * Reads a lab's control policy from the address (`<prefix>.lock`, `<prefix>.hide`) merged with one
 * given by the page (an assignment's preset). Names outside `known` are dropped. Never throws.
 */
export function readControls(
  search: string,
  prefix: string,
  known: readonly string[] | null,
  fromPage: Partial<ControlPolicy> = {},
): ControlPolicy {
  const params = parseSearch(search);
  const merge = (key: "lock" | "hide", page: unknown) => {
    const fromAddress = params.getAll(`${prefix}.${key}`).length === 1 ? params.get(`${prefix}.${key}`) : null;
    const listed = Array.isArray(page) ? page.filter((p): p is string => typeof p === "string").join(",") : "";
    return readControlList([listed, fromAddress ?? ""].filter(Boolean).join(","), known);
  };
  return { locked: merge("lock", fromPage.locked), hidden: merge("hide", fromPage.hidden) };
}

/** Writes a control policy into `search` under the prefix (empty lists remove the key). */
export function writeControls(policy: ControlPolicy, search: string, prefix: string): string {
  const params = new URLSearchParams(search);
  for (const [key, list] of [
    ["lock", policy.locked],
    ["hide", policy.hidden],
  ] as const) {
    params.delete(`${prefix}.${key}`);
    if (list.length > 0) params.set(`${prefix}.${key}`, list.join(","));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
