import { describe, expect, it } from "vitest";
import { parseColor, rgbCss, viridis, viridisGradientCss } from "./colormap.ts";

/** Relative luminance (WCAG) of an sRGB colour: what "gets lighter" means for a sequential map. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

describe("viridis", () => {
  it("matches matplotlib's viridis at the ends and in the middle", () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    const mid = viridis(0.5);
    expect(Math.abs(mid[0] - 33)).toBeLessThanOrEqual(4);
    expect(Math.abs(mid[1] - 145)).toBeLessThanOrEqual(4);
    expect(Math.abs(mid[2] - 140)).toBeLessThanOrEqual(4);
  });

  it("gets steadily lighter, so a larger value always reads as brighter in either theme", () => {
    let last = -1;
    for (let i = 0; i <= 100; i++) {
      const l = luminance(viridis(i / 100));
      expect(l).toBeGreaterThan(last);
      last = l;
    }
  });

  it("clamps out-of-range t and treats non-finite t as the low end", () => {
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
  });

  it("writes a legend gradient from low (left) to high (right)", () => {
    const css = viridisGradientCss(3);
    expect(css).toBe("linear-gradient(to right, rgb(68 1 84) 0%, rgb(35 144 140) 50%, rgb(253 231 37) 100%)");
  });
});

describe("parseColor", () => {
  it("reads the hex forms", () => {
    expect(parseColor("#0072b2")).toEqual([0, 114, 178, 1]);
    expect(parseColor("#FFF")).toEqual([255, 255, 255, 1]);
    expect(parseColor("#00000080")).toEqual([0, 0, 0, 0.502]);
  });

  it("reads rgb() and rgba() with commas, spaces and a slash alpha", () => {
    expect(parseColor("rgba(230, 159, 0, 0.18)")).toEqual([230, 159, 0, 0.18]);
    expect(parseColor("rgb(230 159 0 / 0.18)")).toEqual([230, 159, 0, 0.18]);
    expect(parseColor("rgb(230 159 0 / 50%)")).toEqual([230, 159, 0, 0.5]);
    expect(parseColor(" rgb(1, 2, 3) ")).toEqual([1, 2, 3, 1]);
  });

  it("returns null for anything else instead of guessing", () => {
    expect(parseColor("")).toBeNull();
    expect(parseColor("var(--color-data-1)")).toBeNull();
    expect(parseColor("#12345")).toBeNull();
    expect(parseColor("rgb(nope)")).toBeNull();
  });

  it("round-trips through rgbCss", () => {
    expect(rgbCss([1, 2, 3, 1])).toBe("rgb(1 2 3)");
    expect(rgbCss([1, 2, 3, 0.5])).toBe("rgb(1 2 3 / 0.5)");
  });
});
