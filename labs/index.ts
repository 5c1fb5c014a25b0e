import ActivationExplorerEmbed from "./activation-explorer/Embed.astro";
import { LAB_CATALOG, type LabId } from "./catalog.ts";

/** A lab as pages embed it: its catalog entry plus the Astro component that renders and hydrates it. */
export interface LabEntry {
  title: string;
  summary: string;
  Embed: typeof ActivationExplorerEmbed;
}

/** The lab registry: id → title, summary and embed component. Lessons use it through <Lab id="…" />. */
export const LABS: Record<LabId, LabEntry> = {
  "activation-explorer": { ...LAB_CATALOG["activation-explorer"], Embed: ActivationExplorerEmbed },
};
