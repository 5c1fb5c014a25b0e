import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { distinctPages, startInTheme, watchProblems, watchViolations } from "./helpers.ts";
import { WCAG_22_AA } from "./lab-helpers.ts";

const pages = distinctPages();

test("the build has the home page, a lesson and the lab gallery", () => {
  expect(pages).toContain("");
  expect(pages).toContain("lessons/step-and-sigmoid/");
  expect(pages).toContain("dev/labs/activation-explorer/");
});

/** Whether a page's math is checked: the pages that typeset TeX. */
const hasMath = (path: string) => path.startsWith("lessons/") || path.startsWith("reference/");
/** Whether axe checks a page: the lab gallery (dev/) is for developers; its labs are checked where readers meet them. */
const forReaders = (path: string) => !path.startsWith("dev/");
// What a theme changes is colour: the dark pass checks the rules that read colours. The markup, names, roles and order
// are the same in both themes, so the light pass checks them once (colour contrast is 70% of axe's time).
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** Axe's findings on the page, one line per rule: every WCAG 2.2 AA rule, or only `rules`. */
async function axeFindings(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const results = await (rules ? axe.withRules(rules) : axe.withTags(WCAG_22_AA)).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Turns the open page dark as its reader would: the site's toggle, or (embed pages, which follow their host) the system scheme. */
async function turnDark(page: Page): Promise<void> {
  const toggle = page.locator("[data-theme-toggle]").first();
  if ((await toggle.count()) > 0 && (await toggle.isVisible())) await toggle.click();
  else await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
}

// One load per page for everything a page owes every reader: it loads and hydrates cleanly, its math is typeset, and
// axe finds nothing in the light theme (with the computed figures' tables open) nor in colour once it turns dark.
for (const path of pages) {
  const checks = [
    "loads and hydrates with no console error, no failed request and 0 CSP violations",
    ...(hasMath(path) ? ["has all its math typeset"] : []),
    ...(forReaders(path) ? ["axe finds no WCAG 2.2 AA violation in the light theme nor a colour one in the dark"] : []),
  ];
  test(`/${path} ${checks.join("; ")}`, async ({ page }) => {
    const problems = watchProblems(page);
    const violations = await watchViolations(page);
    await startInTheme(page, "light");
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.mouse.wheel(0, 20_000); // scroll so every client:visible island hydrates
    await page.waitForLoadState("networkidle");
    await expect(page.locator("h1")).toHaveCount(1);
    if (hasMath(path)) {
      await expect(page.locator(".language-math, .math-inline, .math-display")).toHaveCount(0);
      await expect(page.locator(".katex-error")).toHaveCount(0);
    }
    if (forReaders(path)) {
      await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
      for (const summary of await page.locator("figure[data-figure] > details > summary").all()) await summary.click();
      expect(await axeFindings(page), "light theme").toEqual([]);
      await turnDark(page);
      expect(await axeFindings(page, COLOUR_RULES), "dark theme").toEqual([]);
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
    expect(await violations()).toEqual([]);
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
