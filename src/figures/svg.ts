/**
 * SVG markup built as strings, safe by construction: text and attribute values are escaped here and
 * nowhere else, numeric attributes are rounded to 1 decimal, and a non-finite number is refused.
 */
import { FONT_SIZE } from "./style.ts";

/** Markup that is already escaped. Only this module makes it, so a raw string cannot slip into a figure. */
export type Svg = string & { readonly __svg: unique symbol };

/** An attribute value: numbers are rounded to 1 decimal; undefined, null and false leave the attribute out. */
export type AttrValue = string | number | undefined | null | false;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes & < > " ' so any string is safe as SVG text or as a quoted attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";
const PLAIN = "0123456789−";
const SUPERSCRIPT_RUN = new RegExp(`^[${SUPERSCRIPTS}]+$`);
const SUPERSCRIPT_SPLIT = new RegExp(`([${SUPERSCRIPTS}]+)`);
/** A raised run's rise and size (units): bigger than Unicode's superscript glyphs, about 0.6 of the text. */
const SUP_RISE = 6;
const SUP_SIZE = 13;

/**
 * Text as markup (escaped). Runs of Unicode superscript digits (10⁻¹⁸, as src/plots/format.ts writes
 * them) become raised ordinary digits: legible at small sizes, where superscript glyphs are not.
 */
export function text(s: string): Svg {
  let out = "";
  let raised = false;
  for (const part of s.split(SUPERSCRIPT_SPLIT)) {
    if (part === "") continue;
    if (SUPERSCRIPT_RUN.test(part)) {
      const digits = [...part].map((c) => PLAIN[SUPERSCRIPTS.indexOf(c)]).join("");
      out += `<tspan dy="${-SUP_RISE}" font-size="${SUP_SIZE}">${escapeXml(digits)}</tspan>`;
      raised = true;
    } else {
      // dy is relative to the glyph before, so text after a raised run comes back down by the same amount.
      out += raised ? `<tspan dy="${SUP_RISE}">${escapeXml(part)}</tspan>` : escapeXml(part);
      raised = false;
    }
  }
  return out as Svg;
}

/** Markup pieces joined into one. */
export function join(parts: readonly Svg[]): Svg {
  return parts.join("") as Svg;
}

/**
 * v rounded to 1 decimal, without "-0": coordinates this short keep a figure small, and a tenth of a
 * viewBox unit is under a pixel at every width a figure is shown. Throws on NaN or ±Infinity: callers
 * skip non-finite data before it becomes a coordinate, so reaching here with one is a bug.
 */
export function round1(v: number): number {
  if (!Number.isFinite(v)) throw new Error(`A figure coordinate must be finite; got ${v}.`);
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

/** An element: <name a="…">children</name>, or self-closing without children. */
export function el(name: string, attrs: Record<string, AttrValue>, ...children: Svg[]): Svg {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    const v = typeof value === "number" ? String(round1(value)) : escapeXml(value);
    open += ` ${key}="${v}"`;
  }
  return (children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`) as Svg;
}

/** A chart's drawing: its viewBox size and the markup inside the <svg>. */
export interface Drawing {
  width: number;
  height: number;
  body: Svg;
}

/**
 * The whole <svg>: scales to its container through the viewBox (width and height are left to CSS), and
 * is one image to assistive technology, named by `label` (the figure's alt text).
 */
export function svgDocument(drawing: Drawing, label: string): Svg {
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${round1(drawing.width)} ${round1(drawing.height)}`,
      role: "img",
      "font-size": FONT_SIZE,
      "aria-label": label,
      class: "figure-svg",
    },
    drawing.body,
  );
}
