/**
 * The labs on a 390 × 844 phone (issue 17): while a lab trains, its readout (in the bar that stays at the top)
 * and its main chart are on the screen together, and every control is at least 44 × 44 px.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LAB_IDS } from "../../labs/catalog.ts";
import { labStep, openLab } from "./lab-helpers.ts";

test.use({ viewport: { width: 390, height: 844 } });

const TRAINING_LABS = LAB_IDS.filter((id) => id !== "activation-explorer");

/** Opens the explorer's gallery page and waits until it has hydrated. */
async function openExplorer(page: Page): Promise<Locator> {
  await page.goto("dev/labs/activation-explorer/");
  const lab = page.locator('[data-lab="activation-explorer"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  return lab;
}

/** Whether the element's box lies inside the viewport (a sticky bar counts where it is drawn). */
async function inView(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.y >= -1 && box.y + Math.min(box.height, 200) <= vp.height + 1 && box.height > 0;
}

for (const id of TRAINING_LABS) {
  test(`${id}: while training, the readout and the main chart are both on the screen`, async ({ page }) => {
    const lab = await openLab(page, id);
    const chart = lab.locator("[data-main-chart]").first();
    const readout = lab.locator("[data-training-bar] [data-readout]").first();
    await lab.locator("[data-training-bar]").getByRole("button", { name: "Train" }).first().click();
    await expect(lab).toHaveAttribute("data-status", "running");
    await chart.scrollIntoViewIfNeeded();
    const before = await labStep(lab);
    await expect.poll(() => labStep(lab)).toBeGreaterThan(before);
    expect(await inView(page, chart), "main chart on screen").toBe(true);
    expect(await inView(page, readout), "readout on screen (the bar stays at the top)").toBe(true);
    await expect(readout.locator("[data-figure=step] dd")).toHaveText(/^\d+$/);
    await page.screenshot({ path: `test-results/phone-${id}-training.png` });
    await lab.locator("[data-training-bar]").getByRole("button", { name: "Pause" }).first().click();
  });
}

test("every control of every lab is at least 44 × 44 px on a phone", async ({ page }) => {
  const small: string[] = [];
  for (const id of LAB_IDS) {
    // The explorer does not train, so it has no run to wait for: it is ready once hydrated.
    const lab = id === "activation-explorer" ? await openExplorer(page) : await openLab(page, id);
    const sizes = await lab
      .locator(
        "button, select, summary, input[type=range], label:has(> input[type=checkbox]), label:has(> input[type=radio])",
      )
      .evaluateAll((els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => {
            const r = el.getBoundingClientRect();
            const name = (el.getAttribute("aria-label") ?? el.textContent ?? el.tagName).trim().slice(0, 40);
            return { name: `${el.tagName.toLowerCase()} "${name}"`, width: r.width, height: r.height };
          }),
      );
    for (const s of sizes)
      if (s.height < 44 - 0.5 || s.width < 44 - 0.5)
        small.push(`${id}: ${s.name} is ${Math.round(s.width)}×${Math.round(s.height)}`);
  }
  expect(small).toEqual([]);
});
