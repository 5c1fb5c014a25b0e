/**
 * A chart's own drawing as a standalone SVG: a deep copy of its live <svg> with every style the page gives it
 * (colour tokens, fonts, dashes: the theme on screen) written onto each element, so the copy looks the same
 * with no stylesheet, in a file or on the export canvas. Browser only (it reads computed styles).
 */

/** The SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** Presentation properties copied from the computed style onto each element. */
const PAINT = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-opacity",
  "opacity",
] as const;
const TEXT = ["font-family", "font-size", "font-weight", "text-anchor"] as const;

/** A copy of `live` with computed styles inlined, classes and style attributes dropped, and a size in pixels. */
export function styledClone(live: SVGSVGElement): SVGSVGElement {
  const copy = live.cloneNode(true) as SVGSVGElement;
  inline(live, copy);
  const box = live.getBoundingClientRect();
  copy.setAttribute("width", String(round(box.width)));
  copy.setAttribute("height", String(round(box.height)));
  if (!copy.hasAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${round(box.width)} ${round(box.height)}`);
  copy.setAttribute("xmlns", SVG_NS);
  return copy;
}

/** Writes live's computed paint (and, on text, font) onto copy, element by element (the trees are the same shape). */
function inline(live: Element, copy: Element): void {
  const style = getComputedStyle(live);
  if (style.display === "none" || style.visibility === "hidden") {
    copy.remove();
    return;
  }
  for (const p of PAINT) set(copy, p, style.getPropertyValue(p));
  if (live.tagName === "text" || live.tagName === "svg") for (const p of TEXT) set(copy, p, style.getPropertyValue(p));
  copy.removeAttribute("class");
  copy.removeAttribute("style");
  // Hit areas and other transparent shapes draw nothing.
  if (copy.getAttribute("fill") === "rgba(0, 0, 0, 0)" && copy.getAttribute("stroke") === "none") {
    copy.remove();
    return;
  }
  const a = [...live.children];
  const b = [...copy.children];
  for (let i = 0; i < a.length; i++) if (b[i]) inline(a[i]!, b[i]!);
}

function set(el: Element, name: string, value: string): void {
  const v = value.trim();
  if (v === "" || v === "normal" || (name === "stroke-dasharray" && v === "none")) el.removeAttribute(name);
  else el.setAttribute(name, v);
}

/** A length rounded to 0.1 px (what a picture needs). */
export function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** An SVG element `tag` with attributes, in the SVG namespace. */
export function svgEl(tag: string, attributes: Record<string, string | number> = {}, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
