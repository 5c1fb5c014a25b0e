import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import type { VFile } from "vfile";
import { renderTex } from "./tex.ts";

/**
 * Rehype plugin: renders remark-math's `math-inline` / `math-display` nodes with KaTeX at build time.
 * Unlike rehype-katex, which logs a TeX error and prints red text, this one throws: a broken formula
 * fails the build with the file, the line and the TeX, instead of shipping to readers.
 */
export default function rehypeKatexStrict() {
  return (tree: Root, file: VFile) => {
    visit(tree as Parent, file);
  };
}

/** Any node with children: elements, and MDX's JSX elements (math inside <Aside>, <Exercise> …). */
type Parent = { children: RootContent[] };

function visit(parent: Parent, file: VFile): void {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i];
    if (!child) continue;
    if (child.type !== "element") {
      // MDX components (mdxJsxFlowElement / mdxJsxTextElement) hold Markdown children too.
      if ("children" in child && Array.isArray(child.children)) visit(child as unknown as Parent, file);
      continue;
    }
    // remark-math emits display math as <pre><code class="math-display">: replace the whole <pre>.
    const inner = child.tagName === "pre" ? child.children.find(isElement) : undefined;
    const node = inner && classList(inner).includes("math-display") ? inner : child;
    const classes = classList(node);
    const display = classes.includes("math-display");
    if (!display && !classes.includes("math-inline")) {
      visit(child as unknown as Parent, file);
      continue;
    }
    const tex = toText(node, { whitespace: "pre" });
    let html: string;
    try {
      html = renderTex(tex, display);
    } catch (error) {
      const line = node.position?.start.line;
      const where = `${file.path ?? "a lesson"}${line ? `:${line}` : ""}`;
      throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
    }
    const rendered = fromHtml(html, { fragment: true }).children as ElementContent[];
    parent.children.splice(i, 1, ...(rendered as RootContent[]));
    i += rendered.length - 1;
  }
}

function isElement(node: ElementContent): node is Element {
  return node.type === "element";
}

function classList(node: Element): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : [];
}
