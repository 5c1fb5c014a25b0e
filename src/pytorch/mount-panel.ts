/**
 * Puts the export panel into a lab's "Download as PyTorch" (labs/shared/PyTorchExport.svelte). The lab's page loads
 * this module, and with it the panel, only when a reader opens that disclosure: mounting it here keeps the lab's
 * eager code to a few lines.
 */
import { mount, unmount } from "svelte";
import ExportPanel from "./ExportPanel.svelte";
import type { ExportPanelProps } from "./export-protocol.ts";

/** Shows the panel in `target` (an empty element); returns what removes it again. */
export function mountPanel(target: Element, props: ExportPanelProps): () => void {
  const panel = mount(ExportPanel, { target, props });
  return () => void unmount(panel);
}
