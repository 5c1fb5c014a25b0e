import type { Element, Root } from "hast";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import rehypeKatexStrict from "./rehype-katex-strict.ts";
import { renderTex } from "./tex.ts";

/** A hast tree as remark-math + remark-rehype emit it: inline math in a <code>, display math in <pre><code>. */
function tree(inline: string, display: string): Root {
  const code = (className: string, value: string): Element => ({
    type: "element",
    tagName: "code",
    properties: { className: ["language-math", className] },
    children: [{ type: "text", value }],
  });
  return {
    type: "root",
    children: [
      { type: "element", tagName: "p", properties: {}, children: [code("math-inline", inline)] },
      { type: "element", tagName: "pre", properties: {}, children: [code("math-display", display)] },
    ],
  };
}

function run(root: Root): Root {
  rehypeKatexStrict()(root, new VFile({ path: "content/lessons/99-test/index.mdx" }));
  return root;
}

describe("rehype-katex-strict", () => {
  it("replaces inline math and the whole <pre> of display math with KaTeX HTML", () => {
    const root = run(tree(String.raw`\sigma(z)`, String.raw`\frac{1}{1+e^{-z}}`));
    const [p, display] = root.children as Element[];
    expect((p?.children[0] as Element).properties.className).toContain("katex");
    expect(display?.tagName).toBe("span");
    expect(display?.properties.className).toContain("katex-display");
  });

  it("fails the build on a TeX error, naming the file and the formula", () => {
    expect(() => run(tree(String.raw`\frac{1}{`, "x"))).toThrow(
      /99-test\/index\.mdx.*KaTeX could not render "\\\\frac\{1\}\{"/s,
    );
    expect(() => run(tree("x", String.raw`\notacommand`))).toThrow(/notacommand/);
  });
});

describe("renderTex", () => {
  it("does not trust \\href: no javascript: link can come out of a formula", () => {
    let html = "";
    try {
      html = renderTex(String.raw`\href{javascript:alert(1)}{x}`);
    } catch {
      html = "";
    }
    expect(html).not.toMatch(/href="javascript:/i);
  });
});

describe("math inside MDX components", () => {
  it("is rendered too (an <Aside> holding $…$)", () => {
    const root = tree("x", "y");
    const jsx = {
      type: "mdxJsxFlowElement",
      name: "Aside",
      attributes: [],
      children: root.children,
    } as unknown as Root["children"][number];
    const wrapped: Root = { type: "root", children: [jsx] };
    run(wrapped);
    const inner = (wrapped.children[0] as unknown as { children: Element[] }).children;
    expect((inner[0]?.children[0] as Element).properties.className).toContain("katex");
    expect(inner[1]?.properties.className).toContain("katex-display");
  });
});
