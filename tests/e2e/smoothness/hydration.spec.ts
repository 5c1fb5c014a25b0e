/**
 * Nothing jumps when a lab hydrates: the build-time snapshot (a lab warmed up a few steps) is what the
 * live warm-up reproduces, so the step a lab reports goes from the static one straight on, never back
 * to 0 and up again. Every data-step the lab's root takes from the first byte on is recorded.
 */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../../labs/catalog.ts";

const TRAINING_LABS = LAB_IDS.filter((id) => id !== "activation-explorer");

for (const id of TRAINING_LABS) {
  test(`${id}: hydrating shows no step before the build-time one`, async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __steps: string[] }).__steps = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (el.hasAttribute("data-lab")) seen.push(el.getAttribute("data-step") ?? "");
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-step"] });
    });
    await page.goto(`dev/labs/${id}/`);
    const lab = page.locator(`[data-lab="${id}"]`).first();
    const built = Number(await lab.getAttribute("data-step"));
    await expect(page.locator(`astro-island[ssr]:has([data-lab="${id}"])`)).toHaveCount(0, { timeout: 15_000 });
    // The warm-up is done when the lab reports the build-time step again (or it had none).
    await expect.poll(async () => Number(await lab.getAttribute("data-step"))).toBe(built);
    await page.waitForTimeout(300);
    const steps = await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps.map(Number));
    expect(
      steps.filter((s) => s < built),
      `steps shown after the build-time ${built}: ${steps.join(" ")}`,
    ).toEqual([]);
  });
}
