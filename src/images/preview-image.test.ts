import { fromHtml } from "hast-util-from-html";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sigmoid } from "../core/index.ts";
import { chartPoint, curvePath, PREVIEW_HEIGHT, PREVIEW_WIDTH, previewSvg } from "./preview-image.ts";
import { svgToPng } from "./rasterise.ts";

describe("the link preview image", () => {
  it("is one well-formed SVG of 1200 × 630 with no NaN, Infinity or outside reference", () => {
    const svg = previewSvg();
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"`)).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity|href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const root = fromHtml(svg, { fragment: true, space: "svg" });
    expect(root.children.filter((n) => n.type === "element")).toHaveLength(1);
  });

  it("draws the curves from the core: the sigmoid passes through (0, ½) and (2, σ(2))", () => {
    const path = curvePath("sigmoid");
    const points = [...path.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points).toHaveLength(161);
    for (const z of [0, 2]) {
      const at = chartPoint(z, sigmoid(z));
      const nearest = points.reduce((best, p) => (Math.abs(p[0]! - at.x) < Math.abs(best[0]! - at.x) ? p : best));
      expect(nearest[1]).toBeCloseTo(at.y, 0);
    }
  });

  it("rasterises without a network to a PNG of the size Open Graph asks for", async () => {
    const png = await svgToPng(previewSvg());
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", PREVIEW_WIDTH, PREVIEW_HEIGHT]);
    expect(png.length).toBeLessThan(200_000);
  });
});
