/**
 * The link preview (Open Graph and Twitter card image): the site's name and what it teaches beside a chart
 * of four activation functions, computed from the core like every figure of the course, as an SVG of
 * PREVIEW_WIDTH × PREVIEW_HEIGHT that rasterise.ts turns into a PNG at build time.
 */
import { getActivation, type ActivationName } from "../core/index.ts";
import { escapeXml } from "../figures/svg.ts";
import { grid, sample } from "../figures/sample.ts";
import { IMAGE_FONTS, PAGE_DARK, SITE_NAME } from "./brand.ts";

/** The size link previews are shown at (1.91 : 1, the size Open Graph and Twitter cards ask for). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** What the image shows, in words (og:image:alt, twitter:image:alt). */
export const PREVIEW_ALT =
  "Activation Labs: the sigmoid, tanh, ReLU and Leaky ReLU (α = 0.1) drawn as curves over z from −4 to 4, beside the course's title.";

/** The curves drawn: the dark theme's data colours (tokens.css), and a dash each so they differ without colour. */
const CURVES: { name: ActivationName; label: string; color: string; dash: string; width: number; alpha?: number }[] = [
  { name: "sigmoid", label: "sigmoid", color: "#56b4e9", dash: "", width: 6 },
  { name: "tanh", label: "tanh", color: "#e69f00", dash: "14 8", width: 6 },
  // ReLU is drawn wide and Leaky ReLU thin on top of it: for z > 0 they are the same line, and both show.
  { name: "relu", label: "ReLU", color: "#2fc59b", dash: "", width: 10 },
  { name: "leaky-relu", label: "Leaky ReLU", color: "#e29ac4", dash: "2 9", width: 5, alpha: 0.1 },
];

/** The chart's box in the image, and the ranges of z and f(z) it shows. */
const BOX = { left: 720, top: 72, width: 408, height: 360 };
const Z = { min: -4, max: 4 };
const F = { min: -1.5, max: 3 };

const px = (z: number) => BOX.left + ((z - Z.min) / (Z.max - Z.min)) * BOX.width;
const py = (f: number) => BOX.top + ((F.max - f) / (F.max - F.min)) * BOX.height;
const round = (v: number) => Math.round(v * 10) / 10;

/** One curve as an SVG path over the chart's z range (clipped to the box by the caller). */
export function curvePath(name: ActivationName, alpha?: number): string {
  const zs = grid(Z.min, Z.max, 161);
  const fs = sample((z) => getActivation(name, alpha).f(z), zs);
  return Array.from(zs, (z, i) => `${i === 0 ? "M" : "L"}${round(px(z))} ${round(py(fs[i]!))}`).join(" ");
}

/** Where a point (z, f) of the chart lands in the image, for tests. */
export function chartPoint(z: number, f: number): { x: number; y: number } {
  return { x: px(z), y: py(f) };
}

function text(x: number, y: number, size: number, fill: string, content: string, weight = 400): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`;
}

/** The preview image as SVG markup. */
export function previewSvg(): string {
  const gridLines = [
    ...[-4, -2, 2, 4].map((z) => `<line x1="${px(z)}" x2="${px(z)}" y1="${BOX.top}" y2="${BOX.top + BOX.height}"/>`),
    ...[-1, 1, 2, 3].map((f) => `<line x1="${BOX.left}" x2="${BOX.left + BOX.width}" y1="${py(f)}" y2="${py(f)}"/>`),
  ].join("");
  const axes =
    `<line x1="${px(0)}" x2="${px(0)}" y1="${BOX.top}" y2="${BOX.top + BOX.height}"/>` +
    `<line x1="${BOX.left}" x2="${BOX.left + BOX.width}" y1="${py(0)}" y2="${py(0)}"/>`;
  const dash = (c: (typeof CURVES)[number]) => (c.dash ? ` stroke-dasharray="${c.dash}"` : "");
  const curves = CURVES.map(
    (c) => `<path d="${curvePath(c.name, c.alpha)}" stroke="${c.color}" stroke-width="${c.width}"${dash(c)}/>`,
  ).join("");
  const legend = CURVES.map((c, i) => {
    const x = BOX.left + (i % 2) * 200;
    const y = BOX.top + BOX.height + 56 + Math.floor(i / 2) * 44;
    return (
      `<line x1="${x}" x2="${x + 44}" y1="${y - 8}" y2="${y - 8}" stroke="${c.color}" stroke-width="6" stroke-linecap="round"${dash(c)}/>` +
      text(x + 58, y, 24, "#eceef2", c.label)
    );
  }).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}" font-family="${IMAGE_FONTS}">`,
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="${PAGE_DARK}"/>`,
    `<rect x="0" y="0" width="16" height="${PREVIEW_HEIGHT}" fill="#0072b2"/>`,
    // The site's mark (public/favicon.svg's curve) before its name.
    `<g transform="translate(72 78) scale(2.6)"><rect width="24" height="24" rx="5" fill="#0072b2"/><path d="M3 18 C8 18 9 6 12 6 S16 18 21 18" fill="none" stroke="#fff" stroke-width="2.4"/></g>`,
    text(150, 126, 40, "#eceef2", SITE_NAME, 700),
    text(72, 244, 60, "#ffffff", "Why does a", 700),
    text(72, 316, 60, "#ffffff", "neuron fire?", 700),
    text(72, 394, 26, "#aab2bf", "Sigmoid, tanh, ReLU and friends:"),
    text(72, 432, 26, "#aab2bf", "vanishing gradients, dying units,"),
    text(72, 470, 26, "#aab2bf", "the right output layer and loss."),
    text(72, 552, 24, "#8ec5ff", "Every lab trains a real network"),
    text(72, 586, 24, "#8ec5ff", "in your browser."),
    `<rect x="${BOX.left}" y="${BOX.top}" width="${BOX.width}" height="${BOX.height}" fill="#16191e" stroke="#3b414b"/>`,
    `<clipPath id="plot"><rect x="${BOX.left}" y="${BOX.top}" width="${BOX.width}" height="${BOX.height}"/></clipPath>`,
    `<g stroke="#2b3038" stroke-width="1">${gridLines}</g>`,
    `<g stroke="#8b93a1" stroke-width="2">${axes}</g>`,
    `<g clip-path="url(#plot)" fill="none" stroke-linecap="round" stroke-linejoin="round">${curves}</g>`,
    text(BOX.left + BOX.width - 24, py(0) + 30, 22, "#aab2bf", "z"),
    legend,
    "</svg>",
  ].join("");
}
