import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import rehypeTableScroll, { PAGE_TABLE_CLASS, WIDE_TABLE_CLASS } from "./rehype-table-scroll.ts";
import { renderTex } from "./tex.ts";

function run(html: string): Root {
  const root = fromHtml(html, { fragment: true });
  rehypeTableScroll()(root);
  return root;
}

const TABLE =
  "<table><thead><tr><th>task</th><th>loss</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>";

describe("rehype-table-scroll", () => {
  it("puts a table in a focusable box that scrolls sideways, named after its header cells", () => {
    const [box] = run(TABLE).children as Element[];
    expect(box?.tagName).toBe("div");
    expect(box?.properties).toMatchObject({
      className: ["table-scroll", PAGE_TABLE_CLASS],
      role: "region",
      tabIndex: 0,
      ariaLabel: "Table: task, loss",
    });
    expect((box?.children[0] as Element).tagName).toBe("table");
  });

  it("finds tables inside other elements and MDX components, and boxes each once however often it runs", () => {
    const root = fromHtml(`<figure><div>${TABLE}</div></figure>${TABLE}`, { fragment: true });
    const jsx = { type: "mdxJsxFlowElement", name: "Figure", children: root.children } as unknown as ElementContent;
    const outer: Root = { type: "root", children: [jsx] };
    rehypeTableScroll()(outer);
    rehypeTableScroll()(outer);
    const boxes: Element[] = [];
    const collect = (node: { children?: unknown[] }): void =>
      node.children?.forEach((c) => {
        const el = c as Element;
        if (el.type === "element" && el.tagName === "div" && el.properties.role === "region") boxes.push(el);
        collect(el as { children?: unknown[] });
      });
    collect(outer);
    expect(boxes).toHaveLength(2);
  });

  it("names a header with math by what a screen reader reads (MathML), not the TeX source or KaTeX's visual copy", () => {
    const [box] = run(
      `<table><thead><tr><th>output</th><th>${renderTex(String.raw`\partial L/\partial z`, false)} per example</th></tr></thead></table>`,
    ).children as Element[];
    expect(box?.properties.ariaLabel).toBe("Table: output, ∂L/∂z per example");
  });

  it("marks a table of four or more columns with sentences in its cells as wide, and no other", () => {
    const row = (cells: string[], tag = "td") => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join("")}</tr>`;
    const table = (cols: number, text: string) =>
      `<table><thead>${row(
        Array.from({ length: cols }, (_, i) => `h${i}`),
        "th",
      )}</thead><tbody>${row(Array.from({ length: cols }, () => text))}</tbody></table>`;
    const sentence = "hidden layers of small or recurrent networks";
    const classes = (html: string) => (run(html).children[0] as Element).properties.className;
    expect(classes(table(5, sentence))).toContain(WIDE_TABLE_CLASS);
    expect(classes(table(3, sentence))).not.toContain(WIDE_TABLE_CLASS);
    expect(classes(table(5, "0.25"))).not.toContain(WIDE_TABLE_CLASS);
  });

  it("calls a table without a header row just a table", () => {
    const [box] = run("<table><tbody><tr><td>1</td></tr></tbody></table>").children as Element[];
    expect(box?.properties.ariaLabel).toBe("Table");
  });
});
