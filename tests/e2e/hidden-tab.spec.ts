/**
 * A lab in a tab the reader has left pauses, and goes on when the tab is shown again. Headless Chromium
 * never hides a page, so the test sets document.visibilityState and fires visibilitychange itself.
 */
import { expect, test, type Page } from "@playwright/test";
import { labStep, openLab } from "./lab-helpers.ts";

/** Makes the page report `state` and tells it so, as switching tabs does. */
async function setVisibility(page: Page, state: "hidden" | "visible"): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("a training lab pauses while its tab is hidden and trains on when the tab is shown", async ({ page }) => {
  const lab = await openLab(page, "dying-relu");
  await lab.getByRole("button", { name: "Train" }).click();
  await expect(lab).toHaveAttribute("data-status", "running");
  await setVisibility(page, "hidden");
  await expect(lab).toHaveAttribute("data-status", "paused");
  await page.waitForTimeout(200);
  const hidden = await labStep(lab);
  await page.waitForTimeout(500);
  expect(await labStep(lab)).toBe(hidden);
  await setVisibility(page, "visible");
  await expect(lab).toHaveAttribute("data-status", "running");
  await expect.poll(() => labStep(lab)).toBeGreaterThan(hidden);
  await lab.getByRole("button", { name: "Pause" }).click();
});

test("a lab the reader paused stays paused when the tab comes back", async ({ page }) => {
  const lab = await openLab(page, "dying-relu");
  await setVisibility(page, "hidden");
  await setVisibility(page, "visible");
  await page.waitForTimeout(300);
  await expect(lab).toHaveAttribute("data-status", /idle|paused/);
});
