/**
 * Readers without JavaScript (and print previews, and the first paint) see each lab's build-time snapshot:
 * its step, its numbers, and every chart — the canvas charts through their server-rendered SVG stand-ins.
 */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../labs/catalog.ts";

test.use({ javaScriptEnabled: false });

for (const id of LAB_IDS.filter((lab) => lab !== "activation-explorer")) {
  test(`${id}: without JavaScript the build-time snapshot shows, with every chart drawn`, async ({ page }) => {
    await page.goto(`dev/labs/${id}/`);
    const lab = page.locator(`[data-lab="${id}"]`);
    await expect(lab).toHaveCount(1);
    expect(Number(await lab.getAttribute("data-step"))).toBeGreaterThan(0);
    expect(Number.isFinite(Number(await lab.getAttribute("data-loss")))).toBe(true);

    // No canvas is left empty: each canvas chart is replaced by its SVG until the lab hydrates.
    await expect(lab.locator("canvas")).toHaveCount(0);
    for (const chart of await lab.locator(".boundary, .heatmap").all()) {
      if (!(await chart.isVisible())) continue;
      const painted = chart.locator("svg path[d]");
      expect(await painted.count(), "a chart's stand-in has painted regions").toBeGreaterThan(0);
      expect((await painted.first().getAttribute("d"))?.length).toBeGreaterThan(0);
    }
    await expect(lab).not.toContainText(/NaN|Infinity/);
  });
}
