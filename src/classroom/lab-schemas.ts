/** The settings schemas of the training labs, for the link builder (the labs' public face, labs/index.ts). */
import { LAB_SCHEMAS, TRAINING_LAB_IDS } from "../../labs/index.ts";
import { SHARED_CONTROLS, type UrlSchema } from "../settings/url-state.ts";

/** The labs a share link can configure (the training labs, which honour lock and hide). */
export const LINKABLE_LABS = Object.fromEntries(TRAINING_LAB_IDS.map((id) => [id, LAB_SCHEMAS[id]])) as Record<
  (typeof TRAINING_LAB_IDS)[number],
  UrlSchema
>;

/** A lab a share link can configure. */
export type LinkableLab = keyof typeof LINKABLE_LABS;

/**
 * Every control a teacher can lock or hide in a lab: its settings, then the shared ones not already
 * among them ("seed" is both a setting and the New seed button, which changes it: one control).
 */
export function controlNames(lab: LinkableLab): string[] {
  return [...new Set([...Object.keys(LINKABLE_LABS[lab]), ...SHARED_CONTROLS])];
}

/** The label of a control, for the builder's table. */
export function controlLabel(lab: LinkableLab, name: string): string {
  const spec = (LINKABLE_LABS[lab] as UrlSchema)[name];
  if (name === "seed") return spec ? `${spec.label} (and the New seed button)` : "New seed button";
  if (name === "speed") return "Speed";
  return spec ? spec.label : name;
}
