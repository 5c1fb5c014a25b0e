import { describe, expect, it } from "vitest";
import { buildFigure, FIGURES } from "./index.ts";
import { escapeXml, svgDocument } from "./svg.ts";

/** Throws unless every tag in the markup is closed in order (the markup is well-formed XML). */
function expectBalanced(markup: string): void {
  const open: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(open.pop()).toBe(name);
    else open.push(name as string);
  }
  expect(open).toEqual([]);
}

describe("every registered figure", () => {
  it("has at least one figure", () => {
    expect(FIGURES.size).toBeGreaterThan(0);
  });

  for (const [id, definition] of FIGURES) {
    describe(id, () => {
      const { chart } = buildFigure(id);
      const svg = svgDocument(chart, definition.alt);

      it("is registered under its own kebab-case id", () => {
        expect(definition.id).toBe(id);
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      });

      it("has a title, a caption and alt text", () => {
        expect(definition.title.trim()).not.toBe("");
        expect(definition.caption.trim().length).toBeGreaterThan(20);
        expect(definition.alt.trim().length).toBeGreaterThan(20);
        // Numbers in the words come from the core too: a failed computation would show here first.
        for (const words of [definition.title, definition.caption, definition.alt]) {
          expect(words).not.toMatch(/NaN|Infinity|not a number|undefined/);
        }
      });

      it("builds well-formed SVG named by its alt text, with no NaN or Infinity", () => {
        expect(svg).not.toMatch(/NaN|Infinity/);
        expect(svg).toContain(`aria-label="${escapeXml(definition.alt)}"`);
        expectBalanced(svg);
      });

      it("stays small: coordinates to 1 decimal, under 12 kB", () => {
        const coordinates = [...svg.matchAll(/ (?:d|x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"/g)].map((m) => m[1]);
        expect(coordinates.filter((c) => /\d\.\d\d/.test(c as string))).toEqual([]);
        expect(svg.length).toBeLessThan(12_000);
      });

      it("has a data table: a header per column, a cell per column in every row", () => {
        expect(chart.table.columns.length).toBeGreaterThanOrEqual(2);
        expect(chart.table.rows.length).toBeGreaterThan(0);
        for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
      });
    });
  }
});

describe("buildFigure", () => {
  it("names the known figures when asked for an unknown one", () => {
    expect(() => buildFigure("no-such-figure")).toThrow(/no such figure\. Known figures: .*sigmoid-and-slope/);
  });
});
