import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { watchProblems } from "./helpers.ts";

const ASSIGNMENT = "assignments/vanishing-gradients/";
const STORAGE_KEY = "activation-labs:assignment:vanishing-gradients";

/** Opens an assignment and waits until its island has read the saved progress. */
async function openAssignment(page: Page, path = ASSIGNMENT): Promise<void> {
  await page.goto(path);
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
}

/** Locks in a multiple-choice answer (by its letter's index) or a number. */
async function answer(page: Page, id: string, value: number | string): Promise<void> {
  const q = page.locator(`[data-question="${id}"]`);
  if (typeof value === "number") await q.getByRole("radio").nth(value).check();
  else await q.getByRole("textbox").fill(value);
  await q.getByRole("button", { name: "Lock in my prediction" }).click();
  await expect(q).toHaveAttribute("data-answered", "true");
}

/** Downloads the report and returns its text. */
async function downloadReport(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
}

test("an assignment is answered, kept across a reload, exported, and imported on the teacher page", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await openAssignment(page);
  await answer(page, "smallest", 0); // right
  await answer(page, "how-much", "0,5"); // wrong: 10^0.5 is far too small a gap
  await expect(page.locator('[data-question="smallest"] [data-correct]')).toHaveAttribute("data-correct", "true");
  await expect(page.locator('[data-question="how-much"] [data-correct]')).toHaveAttribute("data-correct", "false");
  // An unreadable number is refused with a message and not locked in.
  const accuracy = page.locator('[data-question="accuracy"]');
  await accuracy.getByRole("button", { name: "Lock in my prediction" }).click();
  await expect(accuracy.getByRole("alert")).toHaveText(/Pick one answer/);
  await page.getByLabel("Your name (it goes into the report)").fill("Ada Lovelace");
  await page.getByLabel("Your name (it goes into the report)").blur();

  await page.reload();
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true");
  await expect(page.locator('[data-question="smallest"]')).toHaveAttribute("data-answered", "true");
  await expect(page.locator('[data-question="how-much"] input')).toHaveValue("0,5");
  await expect(page.locator('[data-question="accuracy"]')).toHaveAttribute("data-answered", "false");
  await expect(page.locator('[data-report="student"]')).toHaveText("Ada Lovelace");
  await expect(page.locator('[data-report="answers"]')).toHaveText("2 of 4 answered, 1 right");
  await expect(page.locator("[data-notice]")).toHaveCount(0);

  const report = await downloadReport(page);
  expect(report.name).toBe("vanishing-gradients-ada-lovelace.json");
  const json = JSON.parse(report.text);
  expect(json.score).toEqual({ correct: 1, questions: 4, tasksDone: 0, tasks: 2 });
  expect(json.answers[0]).toMatchObject({
    id: "smallest",
    answer: "A: The first layer (next to the input)",
    correct: true,
  });
  expect(json.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);

  // The teacher imports it, an edited copy of it, and a file that is not a report.
  const edited = JSON.stringify({ ...json, student: "Mallory", score: { ...json.score, correct: 4 } });
  await page.goto("teacher/reports/");
  await page.locator('input[type="file"]').setInputFiles([
    { name: report.name, mimeType: "application/json", buffer: Buffer.from(report.text) },
    { name: "edited.json", mimeType: "application/json", buffer: Buffer.from(edited) },
    { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("not json at all") },
  ]);
  const rows = page.locator("table[data-reports] tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-checksum", "unchanged");
  await expect(rows.nth(0)).toHaveAttribute("data-consistent", "true");
  await expect(rows.nth(0)).toContainText("Ada Lovelace");
  await expect(rows.nth(0).locator("[data-score]")).toHaveText("1 / 4");
  await expect(rows.nth(0)).toContainText("Unchanged since export");
  await expect(rows.nth(1)).toHaveAttribute("data-checksum", "edited");
  await expect(rows.nth(1)).toContainText("Edited after export");
  // The edited score is not believed: the page shows its own, and says the file's does not follow.
  await expect(rows.nth(1).locator("[data-score]")).toHaveText("1 / 4");
  await expect(rows.nth(1).locator("[data-mismatch]")).toBeVisible();
  await expect(page.locator("[data-invalid]")).toContainText("notes.json: not a JSON file");
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

for (const [name, value] of [
  ["damaged JSON", "{not json"],
  ["a wrong shape", JSON.stringify({ version: 1, assignment: "vanishing-gradients", answers: "all right", tasks: [] })],
  ["an older version", JSON.stringify({ version: 0, answers: {} })],
  ["a huge value", JSON.stringify({ version: 1, student: "x".repeat(70_000) })],
  [
    "a prototype key",
    '{"version":1,"assignment":"vanishing-gradients","student":"","answers":{"__proto__":{"value":"0","at":""}},"tasks":{},"labs":{},"updatedAt":""}',
  ],
] as const) {
  test(`tampered progress (${name}) gives a fresh start and a notice, never an error`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.addInitScript(([key, v]) => localStorage.setItem(key, v), [STORAGE_KEY, value] as const);
    await openAssignment(page);
    await expect(page.locator("[data-notice]")).toContainText("starts fresh");
    await expect(page.locator("[data-question][data-answered=true]")).toHaveCount(0);
    await expect(page.locator('[data-report="answers"]')).toHaveText("0 of 4 answered, 0 right");
    // The assignment still works, and saving replaces the bad value.
    await answer(page, "smallest", 0);
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY))!).answers.smallest.value).toBe(
      "0",
    );
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
}

test("reset erases the answers on this device, keeping only their history and the reset", async ({ page }) => {
  await openAssignment(page);
  await answer(page, "smallest", 1);
  await page.getByRole("button", { name: "Reset my answers…" }).click();
  await page.getByRole("button", { name: "Yes, erase" }).click();
  await expect(page.locator('[data-question="smallest"]')).toHaveAttribute("data-answered", "false");
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY))!);
  expect(saved.answers).toEqual({});
  expect(saved.attempts.smallest).toHaveLength(1);
  expect(saved.resets).toHaveLength(1);
  await page.reload();
  await expect(page.locator('[data-question="smallest"]')).toHaveAttribute("data-answered", "false");
});

test("live tasks: a shock kills units, Leaky ReLU revives them at the same learning rate", async ({ page }) => {
  test.setTimeout(90_000);
  await openAssignment(page, "assignments/dying-relu/");
  const lab = page.locator('[data-lab="dying-relu"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]:has([data-lab="dying-relu"])')).toHaveCount(0, { timeout: 15_000 });
  // The assignment locks the shock size, the dataset and New seed (through the generic lock list).
  await expect(lab).toHaveAttribute("data-locked", "shock,data,seed");
  await expect(lab.getByRole("button", { name: "New seed" })).toBeDisabled();
  await expect(page.locator('[data-task="kill"]')).toHaveAttribute("data-done", "false");
  await lab.getByRole("button", { name: "Shock" }).click();
  await expect(page.locator('[data-task="kill"]')).toHaveAttribute("data-done", "true", { timeout: 15_000 });
  await lab.getByLabel(/^Activation/).selectOption("leaky-relu");
  await lab.getByRole("button", { name: "Train" }).click();
  await expect(page.locator('[data-task="revive"]')).toHaveAttribute("data-done", "true", { timeout: 60_000 });
  await lab.getByRole("button", { name: "Pause" }).click();
  // Both stay done after a reload (the lab itself starts over).
  await page.reload();
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true");
  await expect(page.locator('[data-task][data-done="true"]')).toHaveCount(2);
});

test("the link builder fixes a setting and locks a control, and the lab honours both", async ({ page }) => {
  await page.goto("teacher/link-builder/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await page.getByLabel("Lab", { exact: true }).selectOption("dying-relu");
  await page.getByLabel("Page to open").selectOption({ label: "The Dying ReLU lab on its own" });
  await page.getByLabel("Fix initial bias").check();
  await page.getByLabel(/^initial bias value/).fill("-9");
  await expect(page.getByRole("status").filter({ hasText: "outside -3…1" })).toBeVisible();
  await page.getByLabel("Lock learning rate").check();
  const link = await page.locator("[data-share-link]").inputValue();
  expect(link).toMatch(/\/dev\/labs\/dying-relu\/\?dr\.bias=-3&dr\.lock=lr$/);

  await page.goto(link);
  const lab = page.locator('[data-lab="dying-relu"]');
  await expect(page.locator('astro-island[ssr]:has([data-lab="dying-relu"])')).toHaveCount(0, { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-locked", "lr");
  await expect(lab.getByRole("slider", { name: /Learning rate/ })).toBeDisabled();
  await expect(lab.getByText("Locked by your teacher")).toBeVisible();
  await expect(lab.locator(".notices, [role=status]").filter({ hasText: /Unknown setting/ })).toHaveCount(0);
});

test("the answer key prints with the solutions; the worksheet prints without them", async ({ page }) => {
  await page.emulateMedia({ media: "print" });
  await page.goto(`${ASSIGNMENT}key/`);
  await expect(page.getByText("Answer: A: The first layer (next to the input)")).toBeVisible();
  await openAssignment(page);
  await expect(page.getByText("Backpropagation multiplies the error signal")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lock in my prediction" }).first()).toBeHidden();
});
