/**
 * The teacher's report viewer under hostile files (issue 18, items 1–5): each file is read on its own,
 * nothing a file says is trusted, and nothing in one file can stop the rest of a class being imported.
 * The crafted files are in tests/fixtures/hostile (README.md there says how each was made).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startInTheme, watchProblems } from "./helpers.ts";
import { WCAG_22_AA } from "./lab-helpers.ts";

const HOSTILE = "tests/fixtures/hostile";
const fixture = (name: string) => ({
  name,
  mimeType: "application/json",
  buffer: readFileSync(join(HOSTILE, name)),
});

async function openViewer(page: Page): Promise<void> {
  await page.goto("teacher/reports/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
}

const rows = (page: Page) => page.locator("table[data-reports] tbody tr");
const refused = (page: Page) => page.locator("[data-invalid] li");

test("a report nested 60,000 deep is one refused file; the rest of the class is imported", async ({ page }) => {
  const problems = watchProblems(page);
  await openViewer(page);
  await page
    .locator('input[type="file"]')
    .setInputFiles([
      fixture("genuine.json"),
      fixture("deep-unknown-field.json"),
      { ...fixture("genuine.json"), name: "another-student.json" },
    ]);
  await expect(rows(page)).toHaveCount(2);
  await expect(refused(page)).toHaveCount(1);
  await expect(refused(page)).toContainText("deep-unknown-field.json");
  await expect(refused(page)).toContainText(/nested too deep/);
  expect(problems.pageErrors).toEqual([]);
});

test("a report whose answers repeat an id is refused, and the viewer keeps working", async ({ page }) => {
  const problems = watchProblems(page);
  await openViewer(page);
  const input = page.locator('input[type="file"]');
  await input.setInputFiles([fixture("duplicate-ids.json")]);
  await expect(refused(page)).toContainText(/duplicate-ids\.json.*used twice/);
  await input.setInputFiles([fixture("genuine.json")]);
  await expect(rows(page)).toHaveCount(1);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test("forged reports show the viewer's own score, flagged in red; an unknown assignment is refused", async ({
  page,
}) => {
  await openViewer(page);
  await page
    .locator('input[type="file"]')
    .setInputFiles([
      fixture("genuine.json"),
      fixture("forged-all-right.json"),
      fixture("forged-999.json"),
      fixture("unknown-assignment.json"),
    ]);
  await expect(rows(page)).toHaveCount(3);
  // Nothing in the table says "Verified": a checksum is not a verification, and these files (format 2) carry no run.
  await expect(page.locator("table[data-reports]").getByText("Verified")).toHaveCount(0);
  await expect(page.locator('[data-replay="not-replayable"]').first()).toContainText("made before reports carried");
  const [genuine, allRight, score999] = [0, 1, 2].map((i) => rows(page).nth(i));
  await expect(genuine!).toContainText("1 / 4");
  await expect(genuine!).toContainText("Unchanged since export");
  await expect(genuine!.locator("[data-mismatch]")).toHaveCount(0);
  for (const forged of [allRight!, score999!]) {
    await expect(forged.locator("[data-score]")).toHaveText("1 / 4");
    const flag = forged.locator("[data-mismatch]");
    await expect(flag).toHaveText(/does not match its answers/i);
    // Red: the danger colour the site uses for errors.
    const danger = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = "var(--color-danger)";
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    expect(await flag.evaluate((el) => getComputedStyle(el).color)).toBe(danger);
  }
  await expect(allRight!.locator("[data-tasks]")).toHaveText("0 / 2");
  await expect(refused(page)).toContainText(/unknown-assignment\.json.*no-such-assignment/);
});

test("files chosen before the page's script has loaded are read when it loads", async ({ page }) => {
  // Hold every script until the files are chosen: a teacher on a slow school network picks files at once.
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js$/, async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto("teacher/reports/", { waitUntil: "domcontentloaded" });
  await page.locator('input[type="file"]').setInputFiles([fixture("genuine.json")]);
  release();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).nth(0)).toContainText("1 / 4");
});

test("a batch over the limit names the files that were not read", async ({ page }) => {
  await openViewer(page);
  await expect(page.getByText(/at most 200 files at once/)).toBeVisible();
  const genuine = fixture("genuine.json");
  const files = Array.from({ length: 201 }, (_, i) => ({
    ...genuine,
    name: `student-${String(i + 1).padStart(3, "0")}.json`,
  }));
  await page.locator('input[type="file"]').setInputFiles(files);
  // 200 files read, checked and graded: on a loaded machine this takes longer than the default 5 s.
  await expect(rows(page)).toHaveCount(200, { timeout: 20_000 });
  await expect(page.locator("[data-not-read]")).toContainText("student-201.json");
  await expect(page.locator("[data-not-read]")).not.toContainText("student-200.json");
});

test("a name with a right-to-left override is shown as typed, isolated, without the control character", async ({
  page,
}) => {
  await openViewer(page);
  await page.locator('input[type="file"]').setInputFiles([fixture("bidi-name.json")]);
  const name = rows(page).first().locator("th bdi");
  await expect(name).toHaveText("ecalevoL adA");
  expect(await name.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
});

for (const theme of ["light", "dark"] as const) {
  test(`a class with refused and flagged reports: axe finds no violation in the ${theme} theme`, async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startInTheme(page, theme);
    await openViewer(page);
    await page
      .locator('input[type="file"]')
      .setInputFiles(
        [
          "genuine.json",
          "forged-all-right.json",
          "bidi-name.json",
          "duplicate-ids.json",
          "unknown-assignment.json",
        ].map((name) => fixture(name)),
      );
    await expect(rows(page)).toHaveCount(3);
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });
}
