/**
 * Computed figures (src/figures) as readers meet them: without JavaScript, on a phone and in print (axe checks
 * them, tables open, in the light and the dark theme in the page sweep, pages.spec.ts). Each figure on a page is
 * checked against its definition in the registry.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { FIGURES } from "../../src/figures/index.ts";
import { builtPages, startInTheme } from "./helpers.ts";

const LESSON_2 = "lessons/step-and-sigmoid/";
const lessons = builtPages().filter((p) => p.startsWith("lessons/"));
/** The lessons that have computed figures (the cheat sheet has none). */
const illustrated = lessons.filter((p) =>
  /<figure[^>]* data-figure=/.test(readFileSync(join(process.env.ASTRO_OUT_DIR || "dist", p, "index.html"), "utf8")),
);

/** The figures on the page, each with its definition. */
async function figuresOn(page: Page): Promise<{ figure: Locator; id: string }[]> {
  const figures = await page.locator("figure[data-figure]").all();
  return Promise.all(figures.map(async (figure) => ({ figure, id: (await figure.getAttribute("data-figure")) ?? "" })));
}

/** A figure teaches on its own: an image named by its alt text, its caption, and its numbers in a closed disclosure. */
async function expectFigureComplete(figure: Locator, id: string): Promise<void> {
  const definition = FIGURES.get(id);
  expect(definition, `figure "${id}" is registered`).toBeDefined();
  if (!definition) return;
  const chart = definition.build();
  const image = figure.getByRole("img");
  await expect(image).toBeVisible();
  expect(definition.alt.trim(), "alt text").not.toBe("");
  await expect(image).toHaveAccessibleName(definition.alt);
  await expect(figure.locator("figcaption")).toHaveText(definition.caption);
  expect(await figure.locator("svg").textContent()).not.toMatch(/NaN|Infinity/);

  const details = figure.locator("details");
  await expect(details).not.toHaveAttribute("open");
  await details.locator("summary").click();
  const table = details.getByRole("table", { name: definition.title });
  await expect(table).toBeVisible();
  await expect(table.locator("thead th[scope=col]")).toHaveText(chart.table.columns);
  await expect(table.locator("tbody tr")).toHaveCount(chart.table.rows.length);
  await expect(table.locator("tbody th[scope=row]")).toHaveCount(chart.table.rows.length);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("lesson 2 shows its two figures, complete, beside rendered math", async ({ page }) => {
    await page.goto(LESSON_2);
    const found = await figuresOn(page);
    expect(found.map((f) => f.id)).toEqual(expect.arrayContaining(["sigmoid-and-slope", "sigmoid-slope-tail"]));
    for (const { figure, id } of found) await expectFigureComplete(figure, id);
    await expect(page.locator(".katex").first()).toBeVisible();
    expect(await page.locator(".katex-mathml math").count()).toBeGreaterThan(0);
  });

  for (const path of lessons) {
    test(`/${path}: every figure is complete, and its ids are unique on the page`, async ({ page }) => {
      await page.goto(path);
      const ids = await page.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
      for (const { figure, id } of await figuresOn(page)) {
        await expectFigureComplete(figure, id);
        const own = await figure.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
        for (const mine of [await figure.getAttribute("id"), ...own]) {
          expect(
            ids.filter((other) => other === mine),
            `id "${mine}"`,
          ).toHaveLength(1);
        }
      }
    });
  }
});

// Axe checks the figures with their tables open in the page sweep (pages.spec.ts), in both themes.
for (const path of illustrated) {
  test(`/${path}: on a 360 px phone the figures fit the column and their text is at least 11 px`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(path);
    for (const { figure } of await figuresOn(page)) {
      const { width, smallest } = await figure.locator("svg").evaluate((svg: SVGSVGElement) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        // Whole labels, not the raised exponents inside them (10⁻¹⁸), which are smaller by design.
        const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return { width: svg.getBoundingClientRect().width, smallest: Math.min(...sizes) };
      });
      expect(width).toBeLessThanOrEqual(360 - 16);
      expect(smallest).toBeGreaterThanOrEqual(11);
    }
    await context.close();
  });
}

test("in print, even from the dark theme, figures are dark on white, kept whole, without their tables", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startInTheme(page, "dark");
  await page.goto(LESSON_2);
  await page.emulateMedia({ media: "print" });
  const figure = page.locator("figure[data-figure='sigmoid-and-slope']");
  await expect(figure.locator("svg")).toBeVisible();
  await expect(figure.locator("figcaption")).toBeVisible();
  await expect(figure.locator("details")).toBeHidden();
  const look = await figure.evaluate((f) => ({
    breakInside: getComputedStyle(f).breakInside,
    label: getComputedStyle(f.querySelector(".fig-label")!).fill,
    firstSeries: getComputedStyle(f.querySelector("path.fig-line.c1")!).stroke,
  }));
  // Black text, and the light theme's first data colour (Okabe–Ito blue), not the dark theme's sky blue.
  expect(look).toEqual({ breakInside: "avoid", label: "rgb(0, 0, 0)", firstSeries: "rgb(0, 114, 178)" });
  await context.close();
});
