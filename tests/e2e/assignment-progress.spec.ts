/**
 * A student's progress where browsers get in the way (issue 18, items 6–8): two tabs on one
 * assignment, a browser that refuses the page any storage, and a student who resets to answer again.
 */
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { watchProblems } from "./helpers.ts";

const ASSIGNMENT = "assignments/vanishing-gradients/";

async function openAssignment(page: Page): Promise<void> {
  await page.goto(ASSIGNMENT);
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
}

async function answer(page: Page, id: string, value: number | string): Promise<void> {
  const q = page.locator(`[data-question="${id}"]`);
  if (typeof value === "number") await q.getByRole("radio").nth(value).check();
  else await q.getByRole("textbox").fill(value);
  await q.getByRole("button", { name: "Lock in my prediction" }).click();
  await expect(q).toHaveAttribute("data-answered", "true");
}

async function downloadReport(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
}

const answered = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

test("two tabs on one assignment keep each other's answers, and each shows the other's as they happen", async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openAssignment(a);
  await openAssignment(b);
  await answer(a, "smallest", 0);
  await answer(b, "how-much", "3");
  // Each tab takes in the other's save without a reload.
  await expect(answered(a, "how-much")).toHaveAttribute("data-answered", "true");
  await expect(answered(b, "smallest")).toHaveAttribute("data-answered", "true");
  await b.getByLabel("Your name (it goes into the report)").fill("Ada");
  await b.getByLabel("Your name (it goes into the report)").blur();
  await answer(a, "accuracy", 0);
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true");
    await expect(page.locator('[data-report="answers"]')).toHaveText("3 of 4 answered, 3 right");
    await expect(page.locator('[data-report="student"]')).toHaveText("Ada");
  }
});

test("a browser that blocks storage: the page says so beside the questions, and the report keeps the answers", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The user has blocked site data.", "SecurityError");
      },
    });
  });
  await openAssignment(page);
  const warning = page.locator("#predict-title ~ [data-not-saving]");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(
    "This browser is not saving your answers — download your report before you leave",
  );
  await answer(page, "smallest", 0);
  await expect(page.locator('[data-report="answers"]')).toHaveText("1 of 4 answered, 1 right");
  const report = JSON.parse((await downloadReport(page)).text);
  expect(report.answers[0]).toMatchObject({ id: "smallest", correct: true });
  expect(problems.pageErrors).toEqual([]);
});

test("answering again after a reset is recorded: the report and the viewer show the first answer and the reset", async ({
  page,
}) => {
  await openAssignment(page);
  await answer(page, "smallest", 1); // wrong, and the explanation now gives the right answer away
  await page.getByRole("button", { name: "Reset my answers…" }).click();
  await page.getByRole("button", { name: "Yes, erase" }).click();
  await expect(answered(page, "smallest")).toHaveAttribute("data-answered", "false");
  await answer(page, "smallest", 0);
  const file = await downloadReport(page);
  const report = JSON.parse(file.text);
  expect(report.answers[0].attempts.map((a: { value: string }) => a.value)).toEqual(["1", "0"]);
  expect(report.resets).toHaveLength(1);

  await page.goto("teacher/reports/");
  await expect(page.getByText("A static site ships its answer keys to the browser")).toBeVisible();
  await page
    .locator('input[type="file"]')
    .setInputFiles([{ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) }]);
  const row = page.locator("table[data-reports] tbody tr").first();
  await expect(row.locator("[data-score]")).toHaveText("1 / 4");
  await expect(row).toContainText("first try: 0 / 4");
  await expect(row.locator("[data-attempts]")).toContainText("2 attempts; first: B: A layer in the middle, wrong");
  await expect(row.locator("[data-resets]")).toContainText("Reset 1×");
  await page.goto("teacher/");
  await expect(page.getByText("A static site ships its answer keys to the browser")).toBeVisible();
});
