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

/** The embed page of a lab (`/embed/<lab>/`) or of one of its presets (`/embed/<lab>/<preset>/`), under `root` (…/embed/). */
export function embedPath(root: string, lab: string, preset: string | null): string {
  return `${root}${lab}/${preset ? `${preset}/` : ""}`;
}

/** The width an iframe snippet asks for: the site's page width (60rem), where a lab shows its panels side by side. */
export const EMBED_WIDTH = 960;

/**
 * Each lab's embed height at EMBED_WIDTH with its defaults, rounded up (embed.spec.ts checks the labs still fit):
 * a platform that runs no script of its own shows the whole lab without a scroll bar. A host page that listens to
 * the embed's size messages fits it exactly (docs/embedding.md).
 */
export const EMBED_HEIGHTS: Readonly<Record<string, number>> = {
  "activation-explorer": 880,
  "step-function": 2050,
  "vanishing-gradients": 2450,
  "dying-relu": 2050,
  "output-loss": 2200,
  sandbox: 3150,
};

/** Escapes text for a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The <iframe> a teacher pastes into a learning platform's page: titled (screen readers announce it), loaded when
 * scrolled near, as wide as the column up to EMBED_WIDTH, as tall as the lab. No `allow`: a lab needs no camera,
 * microphone, clipboard or other permission (its Copy buttons fall back to selecting the text).
 */
export function iframeSnippet(src: string, title: string, height: number): string {
  return (
    `<iframe src="${attribute(src)}" title="${attribute(title)}" width="${EMBED_WIDTH}" height="${Math.round(height)}" ` +
    `loading="lazy" style="width: 100%; max-width: ${EMBED_WIDTH}px; border: 0"></iframe>`
  );
}
