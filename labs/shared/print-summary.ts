/**
 * A printed lab's settings as words: on paper the controls are gone (src/styles/print.css), so one line says
 * what they were set to. Each setting by its schema label, in the schema's order, so every lab reads the same.
 * Labs show it in a `<p class="print-summary" data-print-summary>`, which only print shows (global.css).
 */
import { formatNumber } from "../../src/plots/format.ts";
import type { FieldSpec, UrlSchema } from "../../src/settings/url-state.ts";

/** One setting's value as printed: a number as the labs format it, a choice as its word, a switch as on or off. */
function valueText(spec: FieldSpec, value: unknown): string {
  if (spec.kind === "number" && typeof value === "number") return formatNumber(value);
  if (spec.kind === "boolean" && typeof value === "boolean") return value ? "on" : "off";
  if (spec.kind === "choice" && typeof value === "string") return value;
  return "—";
}

/** Every setting of a lab as "label value" pairs: "activation relu · learning rate 0.1 · seed 3". */
export function settingsLine(schema: UrlSchema, settings: Readonly<Record<string, unknown>>): string {
  return Object.entries(schema)
    .map(
      ([key, spec]) => `${spec.label.charAt(0).toLowerCase()}${spec.label.slice(1)} ${valueText(spec, settings[key])}`,
    )
    .join(" · ");
}
