import sharp from "sharp";
import { describe, expect, it } from "vitest";
import favicon from "../../public/favicon.svg?raw";
import { BRAND_BLUE } from "./brand.ts";
import { faviconDrawing, ICONS, iconSvg } from "./icons.ts";
import { svgToPng } from "./rasterise.ts";

/** The RGBA of one pixel of a PNG. */
async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 4;
  return [...data.subarray(i, i + 4)];
}

describe("the app icons", () => {
  it("are drawn from public/favicon.svg, whose square is the brand colour", () => {
    const { viewBox, inner } = faviconDrawing(favicon);
    expect(viewBox).toEqual([0, 0, 24, 24]);
    expect(inner).toContain(`fill="${BRAND_BLUE}"`);
  });

  it("rasterise to PNGs of their stated sizes", async () => {
    for (const icon of ICONS) {
      const meta = await sharp(await svgToPng(iconSvg(favicon, icon))).metadata();
      expect([icon.file, meta.format, meta.width, meta.height]).toEqual([icon.file, "png", icon.size, icon.size]);
    }
  });

  it("keep the favicon's rounded corners for 'any', and fill the whole square for 'maskable'", async () => {
    const any = await svgToPng(iconSvg(favicon, { file: "a.png", size: 192, purpose: "any" }));
    const maskable = await svgToPng(iconSvg(favicon, { file: "m.png", size: 192, purpose: "maskable" }));
    expect((await pixel(any, 0, 0))[3]).toBe(0);
    expect(await pixel(maskable, 0, 0)).toEqual([0x00, 0x72, 0xb2, 255]);
    // The white curve stays inside the safe zone: nothing white within 10 % of the maskable square's edge.
    const { data, info } = await sharp(maskable).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const edge = Math.round(info.width * 0.1);
    let whiteNearEdge = 0;
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < info.width; x++) {
        if (x >= edge && x < info.width - edge && y >= edge && y < info.height - edge) continue;
        const i = (y * info.width + x) * 4;
        if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) whiteNearEdge++;
      }
    expect(whiteNearEdge).toBe(0);
  });

  it("refuses a favicon without a usable viewBox, saying which file", () => {
    expect(() => faviconDrawing("<svg><rect/></svg>")).toThrow(/public\/favicon\.svg/);
    expect(() => faviconDrawing('<svg viewBox="0 0 0 24"></svg>')).toThrow(/viewBox/);
  });
});
