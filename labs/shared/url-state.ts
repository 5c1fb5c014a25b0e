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

/** A lab's URL schema: setting name → spec. */
export type UrlSchema = Record<string, FieldSpec>;

/** The values a schema describes. */
export type UrlValues<S extends UrlSchema> = {
  [K in keyof S]: S[K] extends { kind: "number" } ? number : S[K] extends { kind: "boolean" } ? boolean : string;
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
      const value = readNumber(raw, spec.label, { min: spec.min, max: spec.max, fallback: fallback as number }, notices);
      return spec.integer ? Math.round(value) : value;
    }
    case "choice":
      return readChoice(raw, spec.label, spec.choices, fallback as string, notices);
    case "boolean": {
      if (raw === true || raw === "1" || raw === "true") return true;
      if (raw === false || raw === "0" || raw === "false") return false;
      notices.push({ setting: spec.label, message: `${spec.label}: expected on or off, so it is ${fallback ? "on" : "off"}.` });
      return fallback;
    }
  }
}

/**
 * Reads the lab's settings from URL search parameters (those starting with `prefix.`), on top of
 * `base` (the defaults or the lesson's preset). Never throws.
 */
export function readUrl<S extends UrlSchema>(
  schema: S,
  search: string,
  prefix: string,
  base: UrlValues<S>,
): { values: UrlValues<S>; notices: SettingNotice[]; present: boolean } {
  const notices: SettingNotice[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 4000 ? "" : search);
  } catch {
    params = new URLSearchParams();
  }
  if (search.length > 4000) notices.push({ setting: "address", message: "The address is too long to read settings from; using the defaults." });
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const seen = new Set<string>();
  let present = false;
  for (const [fullKey] of params) {
    if (!fullKey.startsWith(`${prefix}.`)) continue;
    present = true;
    const key = fullKey.slice(prefix.length + 1);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!Object.hasOwn(schema, key)) {
      notices.push({ setting: key, message: `Unknown setting ${JSON.stringify(key.slice(0, 30))} in the address was ignored.` });
      continue;
    }
    const spec = schema[key] as FieldSpec;
    const all = params.getAll(fullKey);
    if (all.length > 1) {
      notices.push({ setting: spec.label, message: `${spec.label} appears ${all.length} times in the address, so the lab uses its default.` });
      continue;
    }
    if ((all[0] ?? "").trim() === "") {
      notices.push({ setting: spec.label, message: `${spec.label} is empty in the address, so the lab uses its default.` });
      continue;
    }
    raw[key] = all[0];
  }
  return { values: readValues(schema, raw, base, notices), notices, present };
}

/**
 * Writes the settings that differ from `base` into `search` under the prefix, keeping every other
 * parameter (another lab's, a teacher's) as it was. Returns the new search string ("" or "?…").
 */
export function writeUrl<S extends UrlSchema>(schema: S, values: UrlValues<S>, base: UrlValues<S>, search: string, prefix: string): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(`${prefix}.`)) params.delete(key);
  for (const key of Object.keys(schema)) {
    const value = (values as Record<string, unknown>)[key];
    if (value === (base as Record<string, unknown>)[key]) continue;
    params.set(`${prefix}.${key}`, typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
