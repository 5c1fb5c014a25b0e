/**
 * Building a share link: the settings a teacher fixed (read through the lab's schema, so a value
 * out of range is clamped with a notice, exactly as the lab will read it), then the lock and hide
 * lists, under the lab's URL prefix.
 */
import type { SettingNotice } from "../settings/read-setting.ts";
import { defaultsOf, readValues, writeControls, type UrlSchema } from "../settings/url-state.ts";

/** What the teacher chose for one lab. */
export interface LinkChoice {
  /** Setting → the value typed or picked (only fixed settings). */
  fixed: Record<string, string | number | boolean>;
  locked: string[];
  hidden: string[];
}

/** The query string ("?dr.bias=-2&dr.lock=lr") and the notices about values the lab will correct. */
export function shareSearch(
  schema: UrlSchema,
  prefix: string,
  choice: LinkChoice,
): { search: string; notices: SettingNotice[] } {
  const notices: SettingNotice[] = [];
  const values = readValues(schema, choice.fixed, defaultsOf(schema), notices) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const key of Object.keys(schema)) {
    if (!Object.hasOwn(choice.fixed, key)) continue;
    const v = values[key];
    params.set(`${prefix}.${key}`, typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  }
  const base = params.toString();
  return {
    search: writeControls({ locked: choice.locked, hidden: choice.hidden }, base ? `?${base}` : "", prefix),
    notices,
  };
}
