/**
 * A lab's named presets: the settings a lesson opens it with, and the sentence that tells the reader what to
 * do and what to watch for in that preset. Lessons name them (`<Lab id="dying-relu" preset="shock" />`), and
 * the claim tests import the same objects, so a sentence about a preset is checked on exactly that preset.
 */
import type { UrlSchema, UrlValues } from "../../src/settings/url-state.ts";

/** One preset: the settings it sets (the rest are the lab's defaults) and its intro. */
export interface LabPreset<S extends UrlSchema> {
  settings: Partial<UrlValues<S>>;
  /** What to do and what to watch for, shown above the lab's controls (plain text). */
  intro?: string;
}

/** A lab's presets by name (lower-case words joined by hyphens). */
export type Presets<S extends UrlSchema> = Record<string, LabPreset<S>>;
