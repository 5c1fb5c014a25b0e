/**
 * While a lab trains, the page stays smooth: no main-thread task over 50 ms. Runs in its own
 * Playwright project after every other browser test, one lab at a time, so the measurement is of
 * the lab and not of a machine busy with parallel tests.
 */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../../labs/catalog.ts";
import { longTasks, openLab, watchLongTasks } from "../lab-helpers.ts";

const TRAINING_LABS = LAB_IDS.filter((id) => id !== "activation-explorer");

for (const id of TRAINING_LABS) {
  test(`${id}: no main-thread task over 50 ms while training at full speed, and Pause stops it within 200 ms`, async ({
    page,
  }) => {
    const lab = await openLab(page, id);
    await lab.getByLabel("Speed").first().selectOption({ label: "Fastest" });
    await watchLongTasks(page);
    await lab.getByRole("button", { name: "Train" }).first().click();
    await expect(lab).toHaveAttribute("data-status", "running");
    await page.waitForTimeout(3000);
    await lab.getByRole("button", { name: "Pause" }).first().click();
    await page.waitForTimeout(200);
    const stepAtPause = Number(await lab.getAttribute("data-step"));
    expect(stepAtPause).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    expect(Number(await lab.getAttribute("data-step"))).toBe(stepAtPause);
    expect(await longTasks(page)).toEqual([]);
  });
}
