/**
 * The class gradebook on the teacher's report page: a class of report files (chosen, or dropped onto the page)
 * as one table with a column per question and task headed by its text, downloaded as CSV and read back, kept
 * in this browser across a reload until cleared, with duplicates flagged.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { canonicalJson, sha256Hex } from "../../src/classroom/checksum.ts";
import { watchProblems } from "./helpers.ts";
import { trainUntil } from "./lab-helpers.ts";

const GENUINE = JSON.parse(readFileSync("tests/fixtures/hostile/genuine.json", "utf8"));

/** The genuine report as another student's file, resealed (a name is all that differs). */
async function reportOf(student: string, name: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const { checksum: _old, ...body } = { ...GENUINE, student };
  const text = JSON.stringify({ ...body, checksum: `sha256-${await sha256Hex(canonicalJson(body))}` });
  return { name, mimeType: "application/json", buffer: Buffer.from(text) };
}

const rows = (page: Page) => page.locator("table[data-reports] tbody tr");

async function openGradebook(page: Page): Promise<void> {
  await page.goto("teacher/reports/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
}

/** Minimal CSV reading (quoted cells with doubled quotes, CRLF rows), enough to read the export back. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      out.at(-1)!.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      out.at(-1)!.push(cell);
      cell = "";
      out.push([]);
      i++;
    } else {
      cell += c;
    }
  }
  if (out.at(-1)!.length === 0) out.pop();
  return out;
}

test("a class of three: one table headed by the questions' text, a CSV that reads back, kept until cleared", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await openGradebook(page);
  await page
    .locator('input[type="file"]')
    .setInputFiles([
      await reportOf("Ada Lovelace", "ada.json"),
      await reportOf("Grace Hopper", "grace.json"),
      await reportOf('=HYPERLINK("http://x","y")', "mallory.json"),
    ]);
  await expect(rows(page)).toHaveCount(3);
  const head = page.locator("table[data-reports] thead");
  await expect(head).toContainText("Which weight layer has the smallest gradient?");
  await expect(head).toContainText("Bring the first layer's gradient within 10× of the last layer's.");
  await expect(head.locator('[data-column="smallest"]')).not.toHaveText(/^smallest$/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-csv]").click()]);
  expect(download.suggestedFilename()).toMatch(/^gradebook-vanishing-gradients-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const table = parseCsv(bytes.subarray(3).toString("utf8"));
  expect(table).toHaveLength(4);
  const [header, ada, , mallory] = table as [string[], string[], string[], string[]];
  expect(header.slice(0, 4)).toEqual(["Assignment", "Version", "Student", "Predictions right"]);
  const col = (name: string) => header.indexOf(name);
  expect(ada[col("Student")]).toBe("Ada Lovelace");
  expect(ada[col("Predictions right")]).toBe("1");
  expect(ada[col("Made (ISO)")]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(mallory[col("Student")]).toBe(`'=HYPERLINK("http://x","y")`);
  expect(header.some((h) => h.includes("Which weight layer has the smallest gradient?"))).toBe(true);

  // Kept across a reload, until cleared.
  await page.reload();
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole("status").first()).toContainText("3 reports kept from before");
  await page.getByRole("button", { name: "Clear the table" }).click();
  await expect(rows(page)).toHaveCount(0);
  await page.reload();
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await expect(rows(page)).toHaveCount(0);
  expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
});

test("files dropped onto the page are read; the same file and the same student twice are flagged", async ({ page }) => {
  const problems = watchProblems(page);
  await openGradebook(page);
  const files = [
    await reportOf("Ada Lovelace", "ada.json"),
    await reportOf("Ada Lovelace", "ada (1).json"),
    await reportOf("ada  lovelace", "ada-again.json"),
  ].map((f) => ({ name: f.name, text: f.buffer.toString("utf8") }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "application/json" }));
    return dt;
  }, files);
  await page.dispatchEvent("[data-drop]", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("[data-drop]", "drop", { dataTransfer: transfer });
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(0)).toContainText("The same file twice (also ada (1).json)");
  await expect(rows(page).nth(0)).toContainText("The same student twice (also ada-again.json)");
  await expect(rows(page).nth(2)).toHaveAttribute("data-flagged", "true");
  await expect(page.getByRole("status").first()).toContainText("3 reports need a look.");
  // Only the rows that need a look, and a name filter.
  await page.getByLabel("Find a student").fill("grace");
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel("Find a student").fill("ADA");
  await expect(rows(page)).toHaveCount(3);
  expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
});

test("a genuine report is verified by replay; a tampered one (loss edited, checksum recomputed) does not replay", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await page.goto("assignments/dying-relu/");
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  const lab = page.locator('[data-lab="dying-relu"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  await page.getByLabel("Your name (it goes into the report)").fill("Ada Lovelace");
  await trainUntil(lab, 150);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  const genuine = JSON.parse(await readFile((await download.path())!, "utf8"));
  const { checksum: _old, ...body } = { ...genuine, student: "Mallory" };
  body.labs = { ...body.labs, "dying-relu": { ...body.labs["dying-relu"], trainLoss: 0.01 } };
  const forged = { ...body, checksum: `sha256-${await sha256Hex(canonicalJson(body))}` };
  const file = (name: string, json: unknown) => ({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(json)),
  });

  await openGradebook(page);
  await page.locator('input[type="file"]').setInputFiles([file("ada.json", genuine), file("mallory.json", forged)]);
  await expect(rows(page)).toHaveCount(2);
  const [ada, mallory] = [rows(page).nth(0), rows(page).nth(1)];
  await expect(ada.locator('[data-replay="verified"]')).toHaveText("Verified by replay", { timeout: 30_000 });
  await expect(mallory).toHaveAttribute("data-checksum", "unchanged");
  await expect(mallory.locator('[data-replay="differs"]')).toHaveText(
    /^Does not replay \(loss: claimed 0\.01, replay gives 0\.\d+\)$/,
    { timeout: 30_000 },
  );
  await expect(mallory).toHaveAttribute("data-flagged", "true");
  await expect(page.locator("[data-replay-status]")).toHaveText("Replayed the runs of 2 reports.");
  expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
});
