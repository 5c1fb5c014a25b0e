/**
 * The student's index of assignments (/assignments/): every assignment, linked, with the student's saved
 * progress in this browser (here: progress saved by the earlier site, tests/fixtures/compat), and the links to it.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { watchProblems } from "./helpers.ts";

const SAVED: Record<string, string> = JSON.parse(
  readFileSync("tests/fixtures/compat/progress-before-2026-12-07.json", "utf8"),
);

test("the index lists every assignment with the progress saved in this browser", async ({ page }) => {
  const problems = watchProblems(page);
  await page.addInitScript((saved) => {
    for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
  }, SAVED);
  await page.goto("");
  await page.getByRole("link", { name: "Your assignments" }).click();
  await expect(page).toHaveURL(/\/assignments\/$/);
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('[data-progress="dying-relu"]')).toHaveText(
    "Your progress in this browser: 1 of 5 questions answered, 1 of 2 tasks done",
  );
  await expect(page.locator('[data-progress="dying-relu"]')).toHaveAttribute("data-started", "true");
  await expect(page.locator('[data-progress="vanishing-gradients"]')).toHaveText(
    "Your progress in this browser: Not started",
  );
  await page.getByRole("link", { name: "Dying ReLU" }).first().click();
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  await expect(page.getByRole("link", { name: "All assignments" })).toBeVisible();
  expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
});
