/**
 * The app icons a browser installs the site with (web app manifest, Apple touch icon), drawn from
 * public/favicon.svg (its markup is passed in: pages import it with `?raw`): that drawing as it is (rounded corners, transparent around them), and a "maskable"
 * one on a full square of its colour with the drawing inside the safe zone, the central circle of 80 %
 * that every platform's mask keeps.
 */
import { BRAND_BLUE } from "./brand.ts";

/** One icon the build writes to <base>icons/. */
export interface IconSpec {
  file: string;
  size: number;
  /** "any": drawn as it is; "maskable": full-bleed, for platforms that cut their own shape. */
  purpose: "any" | "maskable";
}

/** Every icon, by file name: the manifest lists the first three; browsers on iOS ask for the touch icon. */
export const ICONS: readonly IconSpec[] = [
  { file: "icon-192.png", size: 192, purpose: "any" },
  { file: "icon-512.png", size: 512, purpose: "any" },
  { file: "maskable-512.png", size: 512, purpose: "maskable" },
  // iOS fills transparency with black: the touch icon is the full-bleed one.
  { file: "apple-touch-icon.png", size: 180, purpose: "maskable" },
];

/** The touch icon's file name (its <link rel="apple-touch-icon">). */
export const TOUCH_ICON = "apple-touch-icon.png";

/** How much of the maskable square the drawing fills: inside the safe zone's circle of diameter 0.8. */
const MASKABLE_SCALE = 0.8;

/** The favicon's viewBox and its drawing (everything inside <svg>). */
export function faviconDrawing(svg: string): { viewBox: [number, number, number, number]; inner: string } {
  const match = /^\s*<svg\b[^>]*\bviewBox="([^"]+)"[^>]*>([\s\S]*)<\/svg>\s*$/.exec(svg);
  const box = match?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!match || !box || box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2]! <= 0 || box[3]! <= 0) {
    throw new Error("public/favicon.svg: expected one <svg> with a viewBox of four numbers, to draw the icons from");
  }
  return { viewBox: box as [number, number, number, number], inner: match[2]! };
}

/** The SVG of one icon at its size, from the favicon's markup. */
export function iconSvg(favicon: string, icon: IconSpec): string {
  const { viewBox, inner } = faviconDrawing(favicon);
  const [x, y, w, h] = viewBox;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${icon.size}" height="${icon.size}" viewBox="${viewBox.join(" ")}">`;
  if (icon.purpose === "any") return `${open}${inner}</svg>`;
  // Scaled about the centre of the viewBox: the drawing's centre stays the square's centre.
  const shift = (start: number, size: number) => start * (1 - MASKABLE_SCALE) + ((1 - MASKABLE_SCALE) / 2) * size;
  return (
    `${open}<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${BRAND_BLUE}"/>` +
    `<g transform="translate(${shift(x, w)} ${shift(y, h)}) scale(${MASKABLE_SCALE})">${inner}</g></svg>`
  );
}
