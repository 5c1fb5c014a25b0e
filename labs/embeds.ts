/**
 * The Astro component that renders each lab (at build time, then hydrated in the browser), by lab id: each
 * lab folder's Embed.astro, found by name. Build-time code only: pages and Lab.astro use it, scripts in the
 * browser use labs/index.ts.
 */
import { LAB_CATALOG, LAB_IDS, type LabId } from "./catalog.ts";
import type ActivationExplorerEmbed from "./activation-explorer/Embed.astro";

/** An Astro component that renders a lab (at build time) and hydrates it in the browser. */
export type LabEmbed = typeof ActivationExplorerEmbed;

/** A lab as pages embed it: its catalog entry plus its embed component. */
export interface LabEntry {
  title: string;
  summary: string;
  urlKey: string;
  Embed: LabEmbed;
}

const embeds = import.meta.glob<LabEmbed>("./*/Embed.astro", { eager: true, import: "default" });

/** The lab registry: id → title, summary, URL key and embed component. Lessons use it through <Lab id="…" />. */
export const LABS = Object.fromEntries(
  LAB_IDS.map((id) => {
    const Embed = embeds[`./${id}/Embed.astro`];
    if (!Embed) throw new Error(`labs/${id}/Embed.astro is missing.`);
    return [id, { ...LAB_CATALOG[id], Embed }];
  }),
) as Record<LabId, LabEntry>;
