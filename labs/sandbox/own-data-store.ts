/**
 * The reader's own data kept in this browser (localStorage), so a reload keeps it. It is stored as the canonical
 * CSV text and read back through the same reader as a file (readPointsCsv), so a stored value that was edited,
 * damaged or written by another version is checked like any file, and refused with a notice. Nothing here
 * throws: a browser that blocks storage still loads the data for this page, and says it cannot keep it.
 */
import { OWN_LIMITS, readPointsCsv, writePointsCsv } from "./points-csv.ts";
import type { OwnData } from "./own-data.ts";

/** The localStorage key. */
export const OWN_DATA_KEY = "activation-labs:sandbox:own-data";

/** The stored value's version: another one is refused, not guessed at. */
const VERSION = 1;

/** The part of localStorage this module uses (tests pass a Map-backed fake). */
export type OwnDataStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** This page's localStorage, or null where the browser blocks it (reading the property throws then). */
export function browserStorage(): OwnDataStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Keeps `data` in storage; returns null, or why it could not be kept (the data is still used on this page). */
export function saveOwnData(storage: OwnDataStorage | null, data: OwnData): string | null {
  const value = JSON.stringify({ version: VERSION, source: data.source, csv: writePointsCsv(data) });
  try {
    if (!storage) throw new Error("no storage");
    storage.setItem(OWN_DATA_KEY, value);
    return null;
  } catch {
    return "This browser does not let the page keep it, so a reload will forget it.";
  }
}

/** The stored data, or null with a notice when something is stored that cannot be used (null, null: nothing stored). */
export function loadOwnData(storage: OwnDataStorage | null): { data: OwnData | null; notice: string | null } {
  let raw: string | null;
  try {
    raw = storage?.getItem(OWN_DATA_KEY) ?? null;
  } catch {
    return { data: null, notice: null };
  }
  if (raw === null) return { data: null, notice: null };
  const refused = (why: string) => ({ data: null, notice: `The data kept in this browser ${why}, so it is not used.` });
  if (raw.length > OWN_LIMITS.maxChars + 1000) return refused("is too large to be a dataset");
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return refused("is damaged");
  }
  const { version, source, csv } = (stored ?? {}) as Record<string, unknown>;
  if (version !== VERSION) return refused("is from another version of this site");
  if (typeof csv !== "string" || typeof source !== "string") return refused("is damaged");
  const read = readPointsCsv(csv, source.slice(0, 120));
  if (!read.ok) {
    const first = read.problems[0];
    const why = `${first?.line ? `line ${first.line}: ` : ""}${first?.message ?? ""}`.replace(/\.$/, "");
    return refused(`does not read as points (${why})`);
  }
  return { data: read.data, notice: null };
}

/** Removes the stored data (the reader chose to forget it). */
export function forgetOwnData(storage: OwnDataStorage | null): void {
  try {
    storage?.removeItem(OWN_DATA_KEY);
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
