/**
 * The hand-in after a reload describes the run the file describes (issue 17): the assignment page keeps the
 * lab's run (its settings, changes and step), replays it in the worker after a reload, and the on-page summary,
 * the lab and the downloaded report all show the same step, loss and accuracy.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { watchProblems } from "./helpers.ts";
import { labLoss, labStep, trainUntil } from "./lab-helpers.ts";

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

test("train, reload: the lab replays the saved run, and the summary matches the downloaded file", async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await page.goto("assignments/dying-relu/");
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  const lab = page.locator('[data-lab="dying-relu"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  await trainUntil(lab, 150);
  const [step, loss] = [await labStep(lab), await labLoss(lab)];
  await expect(page.locator('[data-report="lab"]')).toContainText(`step ${step},`);

  await page.reload();
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  await lab.scrollIntoViewIfNeeded();
  // The lab goes straight to the saved run (not its usual warm-up), with the same numbers.
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  await expect.poll(() => labStep(lab), { timeout: 30_000 }).toBe(step);
  expect(await labLoss(lab)).toBe(loss);
  await expect(page.locator("[data-notice]")).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  const report = JSON.parse(await readFile((await download.path())!, "utf8"));
  const saved = report.labs["dying-relu"];
  expect(report.version).toBe(3);
  expect(saved.step).toBe(step);
  expect(report.runs["dying-relu"]).toMatchObject({ step });
  const summary = page.locator('[data-report="lab"]');
  await expect(summary).toContainText(
    `step ${saved.step}, loss ${saved.trainLoss.toPrecision(4)}, training accuracy ${percent(saved.trainAccuracy)}`,
  );
  // The summary's report time and checksum are the downloaded file's.
  await expect(page.locator('[data-report="checksum"]')).toHaveText(report.checksum);
  expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
});

test("the printout: the student's name, the time, the lab's results and the checksum, and no form control", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("assignments/dying-relu/");
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  await page.getByLabel("Your name (it goes into the report)").fill("Ada Lovelace");
  await page.getByLabel("Your name (it goes into the report)").blur();
  const lab = page.locator('[data-lab="dying-relu"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  await trainUntil(lab, 120);
  await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  await page.emulateMedia({ media: "print" });
  for (const part of ["student", "lab", "made", "checksum"])
    await expect(page.locator(`[data-report="${part}"]`), part).toBeVisible();
  await expect(page.locator('[data-report="student"]')).toHaveText("Ada Lovelace");
  await expect(page.locator('[data-report="lab"]')).toContainText(`step ${await labStep(lab)},`);
  const controls = page.locator("main").locator("input, select, textarea, button");
  const shown = await controls.evaluateAll((els) =>
    els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(shown).toEqual([]);
});
