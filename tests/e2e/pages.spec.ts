import { expect, test } from "@playwright/test";
import { distinctPages, watchProblems, watchViolations } from "./helpers.ts";

const pages = distinctPages().filter((p) => p !== "404/");

test("the build has the home page, a lesson and the lab gallery", () => {
  expect(pages).toContain("");
  expect(pages).toContain("lessons/step-and-sigmoid/");
  expect(pages).toContain("dev/labs/activation-explorer/");
});

for (const path of pages) {
  test(`/${path} loads and hydrates with no console error, no failed request and 0 CSP violations`, async ({
    page,
  }) => {
    const problems = watchProblems(page);
    const violations = await watchViolations(page);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.mouse.wheel(0, 20_000); // scroll so every client:visible island hydrates
    await page.waitForLoadState("networkidle");
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    expect(await violations()).toEqual([]);
    await expect(page.locator("h1")).toHaveCount(1);
  });
}

for (const path of pages.filter((p) => p.startsWith("lessons/") || p.startsWith("reference/"))) {
  test(`/${path} has all its math typeset (no raw TeX left, no KaTeX error)`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator(".language-math, .math-inline, .math-display")).toHaveCount(0);
    await expect(page.locator(".katex-error")).toHaveCount(0);
  });
}

test("the lesson's math is rendered by KaTeX at build time, inline and display", async ({ page }) => {
  await page.goto("lessons/step-and-sigmoid/");
  expect(await page.locator(".katex").count()).toBeGreaterThan(10);
  expect(await page.locator(".katex-display").count()).toBeGreaterThan(3);
  await expect(page.locator(".katex-error")).toHaveCount(0);
  // No math library ships to the reader: the HTML arrives already typeset.
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => e.getAttribute("src") ?? ""));
  expect(scripts.filter((s) => /katex/i.test(s))).toEqual([]);
  // KaTeX's fonts come from this site, not a CDN.
  const fontFaces = await page.evaluate(() =>
    [...document.fonts].map((f) => f.family).filter((f) => f.startsWith("KaTeX")),
  );
  expect(fontFaces.length).toBeGreaterThan(0);
});

test("the home page maps the course: every lesson in order with its summary and labs", async ({ page }) => {
  await page.goto("");
  // each emphasised word keeps the space before it (a line break before <em> once swallowed it)
  await expect(page.locator(".lede")).toContainText("whether gradients vanish, whether units die, and which output");
  const cards = page.locator(".course-map li");
  await expect(cards.first()).toContainText("Should this neuron fire?");
  await expect(cards.nth(1)).toContainText("Step and sigmoid");
  await expect(cards.nth(1)).toContainText("Activation explorer");
  await cards.nth(1).locator("a").click();
  await expect(page).toHaveURL(/lessons\/step-and-sigmoid\/$/);
});
