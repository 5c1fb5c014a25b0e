/**
 * The labs' public face for the rest of the site (lessons, the classroom, the teacher's tools): each lab's id,
 * title and address key (catalog.ts), its settings schema and its named presets (its folder's settings.ts and
 * presets.ts, found by name), and the lab-state event a training lab dispatches. Plain data, safe in any bundle; the Astro components that render
 * the labs are in embeds.ts (build time only).
 */
import type { UrlSchema } from "../src/settings/url-state.ts";
import type { SessionSpec } from "../src/worker/protocol.ts";
import { LAB_IDS, type LabId } from "./catalog.ts";
import type { Presets } from "./shared/lab-preset.ts";

export { isLabId, LAB_CATALOG, LAB_IDS, type LabId } from "./catalog.ts";
export {
  LAB_RESTORE_EVENT,
  LAB_STATE_EVENT,
  type LabEvent,
  type LabRestoreRequest,
  type RestorableRun,
  type RestoreRun,
} from "./shared/lab-event.ts";
export { labState, type LabState } from "./shared/lab-state.ts";
export { offWord } from "./shared/off-word.ts";

// Every lab folder's settings.ts exports its schema as SCHEMA, so a new lab needs no line here.
const schemas = import.meta.glob<UrlSchema>("./*/settings.ts", { eager: true, import: "SCHEMA" });

/** Each lab's settings schema (what its address and a lesson's preset may set), by lab id. */
export const LAB_SCHEMAS = Object.fromEntries(
  LAB_IDS.map((id) => {
    const schema = schemas[`./${id}/settings.ts`];
    if (!schema) throw new Error(`labs/${id}/settings.ts must export its schema as SCHEMA.`);
    return [id, schema];
  }),
) as Record<LabId, UrlSchema>;

/** Labs that train a network: a teacher's link can lock or hide their controls, and tasks read their state. */
export const TRAINING_LAB_IDS = LAB_IDS.filter((id): id is TrainingLabId => id !== "activation-explorer");

/** The id of a lab that trains a network. */
export type TrainingLabId = Exclude<LabId, "activation-explorer">;

/** A session as a training lab asks for it: the worker protocol's SessionSpec, discriminated by the lab's id. */
export type LabSessionSpec = { [Id in TrainingLabId]: SessionSpec<Id> }[TrainingLabId];

const presets = import.meta.glob<Presets<UrlSchema>>("./*/presets.ts", { eager: true, import: "PRESETS" });

/** Each lab's named presets (what lessons open it with), by lab id. */
export const LAB_PRESETS = Object.fromEntries(LAB_IDS.map((id) => [id, presets[`./${id}/presets.ts`] ?? {}])) as Record<
  LabId,
  Presets<UrlSchema>
>;

/**
 * The settings and intro a lesson asks for: a preset's name (looked up, loudly: an unknown name fails the
 * build with the names that exist) or a settings object (no intro).
 */
export function resolvePreset(
  id: LabId,
  preset: string | Record<string, unknown> | undefined,
): { settings: Record<string, unknown>; intro?: string } {
  if (preset === undefined) return { settings: {} };
  if (typeof preset !== "string") return { settings: preset };
  const found = Object.hasOwn(LAB_PRESETS[id], preset) ? LAB_PRESETS[id][preset] : undefined;
  if (!found) {
    const known = Object.keys(LAB_PRESETS[id]).join(", ") || "none";
    throw new Error(`Lab ${id} has no preset ${JSON.stringify(preset)}. Its presets: ${known}.`);
  }
  return found;
}
