/**
 * Keeping a lab's settings in the page address, in the browser only. Settings start from the
 * schema's defaults and the lesson's preset (identical at build time and at hydration, so the
 * server-rendered lab and the hydrated one agree); the address is applied after mounting.
 */
import type { SettingNotice } from "./read-setting.ts";
import { defaultsOf, readUrl, readValues, writeUrl, type UrlSchema, type UrlValues } from "./url-state.ts";

/** Defaults overridden by a lesson's preset (validated: bad values become defaults with notices). */
export function presetValues<S extends UrlSchema>(
  schema: S,
  preset: unknown,
): { values: UrlValues<S>; notices: SettingNotice[] } {
  const notices: SettingNotice[] = [];
  const raw = preset !== null && typeof preset === "object" ? (preset as Record<string, unknown>) : {};
  return { values: readValues(schema, raw, defaultsOf(schema), notices), notices };
}

/** The settings in the current address for this lab, on top of `base` (call after mount). */
export function valuesFromAddress<S extends UrlSchema>(schema: S, urlKey: string, base: UrlValues<S>) {
  return readUrl(schema, typeof location === "undefined" ? "" : location.search, urlKey, base);
}

/** Writes the lab's settings into the address without a new history entry (other parameters kept). */
export function writeAddress<S extends UrlSchema>(
  schema: S,
  urlKey: string,
  values: UrlValues<S>,
  base: UrlValues<S>,
): void {
  if (typeof location === "undefined" || typeof history === "undefined") return;
  const search = writeUrl(schema, values, base, location.search, urlKey);
  if (search === location.search) return;
  history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
}
