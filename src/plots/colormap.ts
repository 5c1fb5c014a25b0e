/** An sRGB colour, channels 0–255. */
export type Rgb = [number, number, number];

/** An sRGB colour with opacity: channels 0–255, alpha 0–1. */
export type Rgba = [number, number, number, number];

/**
 * Viridis (matplotlib) at ten even stops. Perceptually uniform, readable under the common colour-vision
 * deficiencies, and free of greys, so a neutral "no data" colour never looks like a value.
 */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 73, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

/** Viridis at t ∈ [0, 1], linear between stops; t is clamped, and non-finite t gives the t = 0 colour. */
export function viridis(t: number): Rgb {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const x = u * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i] as Rgb;
  const b = VIRIDIS[i + 1] as Rgb;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as Rgb;
}

/** A CSS linear-gradient (left = low, right = high) through `stops` samples of viridis, for a legend bar. */
export function viridisGradientCss(stops = 10): string {
  const n = Math.max(2, Math.floor(stops));
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`${rgbCss(viridis(i / (n - 1)))} ${Math.round((i / (n - 1)) * 100)}%`);
  return `linear-gradient(to right, ${parts.join(", ")})`;
}

/** A colour as CSS: rgb(r g b) or rgb(r g b / a). */
export function rgbCss(c: Rgb | Rgba): string {
  const [r, g, b] = c;
  return c.length === 4 && c[3] !== 1 ? `rgb(${r} ${g} ${b} / ${c[3]})` : `rgb(${r} ${g} ${b})`;
}

/**
 * Parses the colour forms a browser's canvas and computed styles produce: #rgb, #rgba, #rrggbb,
 * #rrggbbaa, rgb()/rgba() with commas or spaces and an optional alpha (number or %). Null otherwise.
 */
export function parseColor(css: string): Rgba | null {
  const s = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(s)?.[1];
  if (hex !== undefined) {
    if (![3, 4, 6, 8].includes(hex.length)) return null;
    const short = hex.length <= 4;
    const channel = (i: number): number =>
      short ? parseInt(hex[i]! + hex[i]!, 16) : parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    const hasAlpha = hex.length === 4 || hex.length === 8;
    return [channel(0), channel(1), channel(2), hasAlpha ? Math.round((channel(3) / 255) * 1000) / 1000 : 1];
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s)?.[1];
  if (fn === undefined) return null;
  const parts = fn.split(/[\s,/]+/).filter((p) => p !== "");
  if (parts.length < 3 || parts.length > 4) return null;
  const num = (p: string, full: number): number => (p.endsWith("%") ? (parseFloat(p) / 100) * full : parseFloat(p));
  const [r, g, b] = parts.slice(0, 3).map((p) => Math.round(Math.min(255, Math.max(0, num(p, 255)))));
  const a = parts[3] === undefined ? 1 : Math.min(1, Math.max(0, num(parts[3], 1)));
  const out: Rgba = [r!, g!, b!, a];
  return out.every(Number.isFinite) ? out : null;
}
