import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The tokens of a block of tokens.css (":root {" or ":root[data-theme=\"dark\"] {"), with var() references resolved. */
function tokens(block: string, base: Record<string, string> = {}): Record<string, string> {
  const css = readFileSync(new URL("../styles/tokens.css", import.meta.url), "utf8");
  const start = css.indexOf(block);
  const body = css.slice(start + block.length, css.indexOf("}", start));
  const out: Record<string, string> = { ...base };
  for (const m of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  const resolve = (v: string): string => v.replace(/var\((--[\w-]+)\)/g, (_, name: string) => resolve(out[name] ?? ""));
  for (const k of Object.keys(out)) out[k] = resolve(out[k]!);
  return out;
}

const hex = (v: string): [number, number, number] => {
  const m = /^#([0-9a-f]{6})$/i.exec(v);
  if (!m) throw new Error(`not a hex colour: ${v}`);
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrast = (a: [number, number, number], b: [number, number, number]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** A region's colour where the model is sure: the class colour at the theme's alpha over the lab's surface. */
function region(t: Record<string, string>, cls: number): [number, number, number] {
  const alpha = Number(t["--boundary-max-alpha"]);
  const c = hex(t[`--color-class-${cls}`]!);
  const s = hex(t["--color-surface"]!);
  return c.map((v, i) => Math.round(alpha * v + (1 - alpha) * s[i]!)) as [number, number, number];
}

const light = tokens(":root {");
const dark = tokens(':root[data-theme="dark"] {', light);

describe("data points against the decision regions", () => {
  it.each([
    ["light", light],
    ["dark", dark],
  ])("in the %s theme every point stands out from every region at 3:1, by its fill or its outline", (_name, t) => {
    for (const point of [0, 1])
      for (const under of [0, 1]) {
        const fill = contrast(hex(t[`--color-class-${point}`]!), region(t, under));
        const outline = contrast(hex(t["--color-point-outline"]!), region(t, under));
        expect(Math.max(fill, outline), `class ${point} on region ${under}`).toBeGreaterThanOrEqual(3);
      }
  });

  it("in the dark theme the light-blue class-0 point on its own region passes by its fill (it failed at the light theme's shading)", () => {
    expect(contrast(hex(dark["--color-class-0"]!), region(dark, 0))).toBeGreaterThanOrEqual(3);
    expect(
      contrast(hex(dark["--color-class-0"]!), region({ ...dark, "--boundary-max-alpha": "0.55" }, 0)),
    ).toBeLessThan(3);
  });
});
