import { expect, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/**
 * Opens a lab's "Download as PyTorch", presses the button for `format` and returns the saved file's text (the lab
 * replays its run in the export worker first, so this can take a few seconds).
 */
export async function downloadExport(page: Page, lab: Locator, format: "py" | "ipynb"): Promise<string> {
  const panel = lab.locator("[data-pytorch-export]");
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
  const saved = page.waitForEvent("download", { timeout: 60_000 });
  await panel.getByRole("button", { name: `Download .${format}` }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  await expect(panel.getByRole("status")).toContainText("Saved");
  return readFile(await download.path(), "utf8");
}

/** The losses a script asserts, by step: its LAB_LOSS dictionary (the first, or the one named `name`). */
export function assertedLosses(py: string, name = "LAB_LOSS"): Map<number, number> {
  const block = new RegExp(`^${name} = \\{\\n([\\s\\S]*?)^\\}`, "m").exec(py);
  expect(block, `${name} in the script`).not.toBeNull();
  const losses = new Map<number, number>();
  for (const [, step, loss] of block![1]!.matchAll(/^ {4}(\d+): (\S+),$/gm)) losses.set(Number(step), Number(loss));
  return losses;
}
