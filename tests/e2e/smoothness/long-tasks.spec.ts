/**
 * While a lab trains, the page stays smooth: no main-thread task over 50 ms, and Pause takes effect
 * within 200 ms. These run in their own Playwright project after the site project, one test at a
 * time, so the measurement is of the lab and not of a machine busy with parallel tests.
 *
 * Timing a page on a shared machine: a window in which other programs used more than
 * FOREIGN_CPU_LIMIT of a core (see quiet.ts) says nothing about the page, so it is measured again,
 * up to ATTEMPTS windows. The first quiet window decides, strictly: any task over 50 ms fails. If no
 * window was quiet the test is skipped with the load it saw, never passed on a noisy measurement.
 */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../../labs/catalog.ts";
import { labStep, longTasks, openLab, watchLongTasks } from "../lab-helpers.ts";
import { watchQuietness, type Quietness } from "./quiet.ts";

const TRAINING_LABS = LAB_IDS.filter((id) => id !== "activation-explorer");
/** Training windows tried before giving up on finding a quiet one. */
const ATTEMPTS = 4;
/** How long each window trains at full speed. */
const WINDOW_MS = 3000;
for (const id of TRAINING_LABS) {
  test(`${id}: no main-thread task over 50 ms while training at full speed, and Pause stops it within 200 ms`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(ATTEMPTS * 15_000 + 20_000);
    const lab = await openLab(page, id);
    await lab.getByLabel("Speed").first().selectOption({ label: "Fastest" });
    const train = lab.getByRole("button", { name: "Train" }).first();
    const pause = lab.getByRole("button", { name: "Pause" }).first();
    const noisy: Quietness[] = [];
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      await watchLongTasks(page);
      const stop = await watchQuietness(browser);
      await train.click();
      await expect(lab).toHaveAttribute("data-status", "running");
      await page.waitForTimeout(WINDOW_MS);
      await pause.click();
      await page.waitForTimeout(200);
      const stepAtPause = await labStep(lab);
      await page.waitForTimeout(400);
      const stepLater = await labStep(lab);
      const quietness = await stop();
      const tasks = await longTasks(page);
      expect(stepAtPause).toBeGreaterThan(0);
      if (!quietness.quiet) {
        noisy.push(quietness);
        continue;
      }
      test.info().annotations.push({
        type: "measurement",
        description: `attempt ${attempt}: other programs used ${quietness.foreign.toFixed(2)} cores; long tasks [${tasks.map(Math.round).join(", ")}] ms`,
      });
      expect(stepLater, "Pause stops the step counter within 200 ms").toBe(stepAtPause);
      expect(tasks, "main-thread tasks over 50 ms while training").toEqual([]);
      return;
    }
    test.skip(
      true,
      `machine too busy to time the page: other programs used ${noisy.map((q) => q.foreign.toFixed(2)).join(", ")} cores in ${ATTEMPTS} windows`,
    );
  });
}
