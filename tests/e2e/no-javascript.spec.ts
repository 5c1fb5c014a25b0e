/**
 * Readers without JavaScript (and print previews, and the first paint) see each lab's build-time snapshot:
 * its step, its numbers, and every chart — the canvas charts through their server-rendered SVG stand-ins. And
 * the course itself teaches without scripts: every figure its source embeds and every formula it writes is on
 * the page, drawn and typeset at build time.
 */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../labs/catalog.ts";
import { coursePages, figureIds, mathCount } from "./course-source.ts";

test.use({ javaScriptEnabled: false });

for (const id of LAB_IDS.filter((lab) => lab !== "activation-explorer")) {
  test(`${id}: without JavaScript the build-time snapshot shows, with every chart drawn`, async ({ page }) => {
    await page.goto(`dev/labs/${id}/`);
    const lab = page.locator(`[data-lab="${id}"]`);
    await expect(lab).toHaveCount(1);
    expect(Number(await lab.getAttribute("data-step"))).toBeGreaterThan(0);
    expect(Number.isFinite(Number(await lab.getAttribute("data-loss")))).toBe(true);

    // No canvas is left empty: each canvas chart is replaced by its SVG until the lab hydrates.
    await expect(lab.locator("canvas")).toHaveCount(0);
    for (const chart of await lab.locator(".boundary, .heatmap").all()) {
      if (!(await chart.isVisible())) continue;
      const painted = chart.locator("svg path[d]");
      expect(await painted.count(), "a chart's stand-in has painted regions").toBeGreaterThan(0);
      expect((await painted.first().getAttribute("d"))?.length).toBeGreaterThan(0);
    }
    await expect(lab).not.toContainText(/NaN|Infinity/);
  });
}

for (const { path, source } of coursePages()) {
  test(`/${path}: without JavaScript every figure and every formula of its source is on the page`, async ({ page }) => {
    await page.goto(path);

    // Every computed figure the source embeds, in order: an image with its alt text, its caption and its data.
    const ids = figureIds(source);
    if (/^lessons\/(?!cheat-sheet)/.test(path)) expect(ids.length, "figures in the lesson").toBeGreaterThanOrEqual(2);
    const figures = page.locator("figure[data-figure]");
    expect(await figures.evaluateAll((els) => els.map((e) => e.getAttribute("data-figure")))).toEqual(ids);
    for (const figure of await figures.all()) {
      const image = figure.getByRole("img");
      await expect(image).toBeVisible();
      expect((await image.getAttribute("aria-label"))?.length ?? 0, "alt text").toBeGreaterThan(20);
      await expect(figure.locator("figcaption")).not.toBeEmpty();
      // …and its data behind a disclosure: a table with a row per point or bar.
      const data = figure.locator("details.figure-data table");
      await expect(data).toHaveCount(1);
      expect(await data.locator("tbody tr").count(), "rows of the figure's data").toBeGreaterThan(1);
    }

    // Every formula, typeset: as many as the source writes (the labs' own formulas aside), each drawn with
    // KaTeX's fonts, and no TeX left unrendered in the text. Exercise solutions are folded: unfold them first.
    await page.locator("details").evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const shown = await page.locator(".katex").evaluateAll((els) =>
      els
        .filter((e) => !e.closest("[data-lab]") && !e.parentElement?.closest(".katex"))
        .map((e) => {
          const html = e.querySelector(".katex-html");
          const box = html?.getBoundingClientRect();
          return {
            drawn: !!box && box.width > 0 && box.height > 0,
            font: getComputedStyle(e).fontFamily,
            mathml: !!e.querySelector(".katex-mathml math"),
          };
        }),
    );
    expect(shown.length, "formulas on the page").toBe(mathCount(source));
    for (const [i, f] of shown.entries()) {
      expect(f.drawn, `formula ${i + 1} is drawn`).toBe(true);
      expect(f.font, `formula ${i + 1} in KaTeX's font`).toContain("KaTeX_Main");
      expect(f.mathml, `formula ${i + 1} has MathML for screen readers`).toBe(true);
    }
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\$\$|\\(frac|mathrm|sigma|partial|operatorname)\b/);
  });
}
