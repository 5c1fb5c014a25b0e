/**
 * While a lab trains, the page stays smooth: no main-thread task over 50 ms, and Pause takes effect
 * within 200 ms. These run in their own Playwright project after the site project, one test at a
 * time, so the measurement is of the lab and not of a machine busy with parallel tests.
 *
 * Timing a page on a shared machine: another program's burst can lengthen one task past 50 ms, so a
 * window with long tasks is measured again, and the test fails only if the retry has long tasks too. While
 * other programs keep the machine busy (over FOREIGN_CPU_LIMIT, quiet.ts), up to four windows are tried: a
 * busy window's long tasks may be theirs. It never skips: it fails when a quiet retry has long tasks, and
 * when all four windows have them, busy or not.
 * Each window's load from other programs is recorded beside the result, so a failure on a busy machine says
 * so.
 */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../../labs/catalog.ts";
import { labStep, longTasks, openLab, watchLongTasks } from "../lab-helpers.ts";
import { watchQuietness } from "./quiet.ts";

const TRAINING_LABS = LAB_IDS.filter((id) => id !== "activation-explorer");
/** Training windows: the first and one retry, and up to two more while other programs keep the machine busy. */
const ATTEMPTS = 2;
const BUSY_ATTEMPTS = 4;
/** How long each window trains at full speed. */
const WINDOW_MS = 3000;
for (const id of TRAINING_LABS) {
  test(`${id}: no main-thread task over 50 ms while training at full speed, and Pause stops it within 200 ms`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(BUSY_ATTEMPTS * 15_000 + 20_000);
    const lab = await openLab(page, id);
    await lab.getByLabel("Speed").first().selectOption({ label: "Fastest" });
    const train = lab.getByRole("button", { name: "Train" }).first();
    const pause = lab.getByRole("button", { name: "Pause" }).first();
    const seen: string[] = [];
    for (let attempt = 1; attempt <= BUSY_ATTEMPTS; attempt++) {
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
      expect(stepLater, "Pause stops the step counter within 200 ms").toBe(stepAtPause);
      const window = `attempt ${attempt}: other programs used ${quietness.foreign.toFixed(2)} cores; long tasks [${tasks.map(Math.round).join(", ")}] ms`;
      test.info().annotations.push({ type: "measurement", description: window });
      seen.push(window);
      if (tasks.length === 0) return;
      if (attempt >= ATTEMPTS && quietness.quiet) break;
    }
    expect(seen, "main-thread tasks over 50 ms while training, in every window tried").toEqual([]);
  });
}
