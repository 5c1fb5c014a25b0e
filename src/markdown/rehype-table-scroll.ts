import type { Element, ElementContent, Root, RootContent } from "hast";

/**
 * Rehype plugin: puts every Markdown table in a box that scrolls sideways (`.table-scroll` in
 * src/styles/global.css, whose edge shadows show there is more that way), so a table wider than a phone
 * scrolls inside the text column instead of widening the page or looking cut off. The box is focusable and
 * named after the table's header cells, so a keyboard can scroll it and a screen reader can say what it holds.
 */
export default function rehypeTableScroll() {
  return (tree: Root) => {
    wrapTables(tree as Parent);
  };
}

/** Any node with children: elements, and MDX's JSX elements (a table inside <Figure>). */
type Parent = { children: RootContent[] };

/** The class every wrapped table's box has (with `table-scroll`): its edge covers are the page's colour. */
export const PAGE_TABLE_CLASS = "page-table";

/** The class of a box whose table has sentences in its cells: it keeps a readable width and scrolls on a phone. */
export const WIDE_TABLE_CLASS = "wide";

/** A table is wide when it has this many columns and a cell this long (characters): squeezed, it is a column of words. */
const WIDE_COLUMNS = 4;
const WIDE_CELL_CHARS = 40;

function wrapTables(parent: Parent): void {
  parent.children.forEach((child, i) => {
    if (!("children" in child) || !Array.isArray(child.children)) return;
    if (child.type === "element" && child.tagName === "table") {
      parent.children[i] = scrollBox(child);
      return;
    }
    // A table already in a box (a lesson that wrapped its own) keeps that one box.
    if (child.type === "element" && String(child.properties.className ?? "").includes("table-scroll")) return;
    wrapTables(child as unknown as Parent);
  });
}

function scrollBox(table: Element): Element {
  const headers = headerCells(table).map(readableText).filter(Boolean);
  const wide =
    headerCells(table).length >= WIDE_COLUMNS && cells(table).some((c) => readableText(c).length >= WIDE_CELL_CHARS);
  return {
    type: "element",
    tagName: "div",
    properties: {
      className: ["table-scroll", PAGE_TABLE_CLASS, ...(wide ? [WIDE_TABLE_CLASS] : [])],
      role: "region",
      tabIndex: 0,
      ariaLabel: headers.length > 0 ? `Table: ${headers.join(", ")}` : "Table",
    },
    children: [table],
  };
}

/** The cells of the table's first row in <thead>. */
function headerCells(table: Element): Element[] {
  const head = table.children.find((c): c is Element => c.type === "element" && c.tagName === "thead");
  const row = head?.children.find((c): c is Element => c.type === "element" && c.tagName === "tr");
  return row?.children.filter((c): c is Element => c.type === "element") ?? [];
}

/** Every cell of the table, header and body. */
function cells(node: Element): Element[] {
  return node.children.flatMap((c) => {
    if (c.type !== "element") return [];
    return c.tagName === "td" || c.tagName === "th" ? [c] : cells(c);
  });
}

/**
 * A cell's text as a screen reader hears it: KaTeX's MathML without its TeX annotation, and nothing hidden
 * from assistive technology (KaTeX's visual copy of the same formula).
 */
export function readableText(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  const hidden = String(node.properties.ariaHidden) === "true";
  if (hidden || node.tagName === "annotation") return "";
  return node.children.map(readableText).join("").replace(/\s+/g, " ").trim();
}
