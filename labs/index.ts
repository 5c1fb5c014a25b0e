import ActivationExplorerEmbed from "./activation-explorer/Embed.astro";
import DyingReluEmbed from "./dying-relu/Embed.astro";
import OutputLossEmbed from "./output-loss/Embed.astro";
import SandboxEmbed from "./sandbox/Embed.astro";
import StepFunctionEmbed from "./step-function/Embed.astro";
import VanishingGradientsEmbed from "./vanishing-gradients/Embed.astro";
import { LAB_CATALOG, type LabId } from "./catalog.ts";

/** An Astro component that renders a lab (at build time) and hydrates it in the browser. */
export type LabEmbed = typeof ActivationExplorerEmbed;

/** A lab as pages embed it: its catalog entry plus its embed component. */
export interface LabEntry {
  title: string;
  summary: string;
  urlKey: string;
  Embed: LabEmbed;
}

const EMBEDS: Record<LabId, LabEmbed> = {
  "activation-explorer": ActivationExplorerEmbed,
  "step-function": StepFunctionEmbed,
  "vanishing-gradients": VanishingGradientsEmbed,
  "dying-relu": DyingReluEmbed,
  "output-loss": OutputLossEmbed,
  sandbox: SandboxEmbed,
};

/** The lab registry: id → title, summary, URL key and embed component. Lessons use it through <Lab id="…" />. */
export const LABS = Object.fromEntries(
  (Object.keys(LAB_CATALOG) as LabId[]).map((id) => [id, { ...LAB_CATALOG[id], Embed: EMBEDS[id] }]),
) as Record<LabId, LabEntry>;
