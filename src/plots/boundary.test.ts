import { describe, expect, it } from "vitest";
import type { Rgb } from "./colormap.ts";
import {
  BOUNDARY_MAX_ALPHA,
  boundaryColor,
  cellCenters,
  classColor,
  classToken,
  paintBoundary,
  predictAt,
} from "./boundary.ts";

const BLUE: Rgb = [0, 114, 178];
const ORANGE: Rgb = [230, 159, 0];
const GREEN: Rgb = [0, 158, 115];

describe("boundaryColor, two classes", () => {
  it("colours a confident cell with its class at full strength", () => {
    expect(boundaryColor([1], 0, 2, [BLUE, ORANGE])).toEqual([...ORANGE, BOUNDARY_MAX_ALPHA]);
    expect(boundaryColor([0], 0, 2, [BLUE, ORANGE])).toEqual([...BLUE, BOUNDARY_MAX_ALPHA]);
  });

  it("fades to transparent on the boundary p = 0.5, symmetrically", () => {
    expect(boundaryColor([0.5], 0, 2, [BLUE, ORANGE])[3]).toBe(0);
    expect(boundaryColor([0.75], 0, 2, [BLUE, ORANGE])[3]).toBeCloseTo(BOUNDARY_MAX_ALPHA / 2, 3);
    expect(boundaryColor([0.25], 0, 2, [BLUE, ORANGE])[3]).toBeCloseTo(BOUNDARY_MAX_ALPHA / 2, 3);
  });

  it("leaves a cell without data transparent instead of painting NaN", () => {
    expect(boundaryColor([Number.NaN], 0, 2, [BLUE, ORANGE])[3]).toBe(0);
  });
});

describe("boundaryColor, three or more classes", () => {
  const palette = [BLUE, ORANGE, GREEN];

  it("paints the argmax class, opaque in proportion to confidence above chance", () => {
    const grid = [0.1, 0.1, 0.8, 1 / 3, 1 / 3, 1 / 3];
    const c = boundaryColor(grid, 0, 3, palette);
    expect(c.slice(0, 3)).toEqual(GREEN);
    expect(c[3]).toBeCloseTo(BOUNDARY_MAX_ALPHA * ((0.8 - 1 / 3) / (2 / 3)), 3);
    expect(boundaryColor(grid, 1, 3, palette)[3]).toBe(0);
  });

  it("gives up on a cell with any non-finite probability", () => {
    expect(boundaryColor([0.2, Number.NaN, 0.8], 0, 3, palette)[3]).toBe(0);
  });
});

describe("paintBoundary", () => {
  it("writes RGBA bytes, row 0 first, and leaves missing cells transparent", () => {
    const out = new Uint8ClampedArray(4 * 4);
    paintBoundary([1, 0, 0.5], 2, 2, [BLUE, ORANGE], out);
    expect([...out.slice(0, 4)]).toEqual([...ORANGE, Math.round(BOUNDARY_MAX_ALPHA * 255)]);
    expect([...out.slice(4, 8)]).toEqual([...BLUE, Math.round(BOUNDARY_MAX_ALPHA * 255)]);
    expect(out[11]).toBe(0);
    expect(out[15]).toBe(0);
  });
});

describe("cellCenters and predictAt", () => {
  it("puts row 0 at the top: the first cell is top-left, the last bottom-right", () => {
    const { xs, ys } = cellCenters(4, [-1, 1], [-2, 2]);
    expect([xs[0], ys[0]]).toEqual([-0.75, 1.5]);
    expect([xs[15], ys[15]]).toEqual([0.75, -1.5]);
  });

  it("reads back the cell under a point", () => {
    // 2 × 2, row 0 = top: top-left 0.9, top-right 0.1, bottom-left 0.2, bottom-right 0.6.
    const grid = [0.9, 0.1, 0.2, 0.6];
    expect(predictAt(grid, 2, 2, [0, 1], [0, 1], 0.2, 0.8)).toEqual({ label: 1, p: 0.9 });
    expect(predictAt(grid, 2, 2, [0, 1], [0, 1], 0.9, 0.9)?.label).toBe(0);
    expect(predictAt(grid, 2, 2, [0, 1], [0, 1], 1, 0)).toEqual({ label: 1, p: 0.6 });
    expect(predictAt(grid, 2, 2, [0, 1], [0, 1], 2, 0)).toBeNull();
    expect(predictAt([0.1, 0.7, 0.2], 1, 3, [0, 1], [0, 1], 0.5, 0.5)).toEqual({ label: 1, p: 0.7 });
  });
});

describe("classColor", () => {
  it("uses the class tokens for two classes and the data tokens for more", () => {
    expect(classColor(1, 2)).toBe("var(--color-class-1)");
    expect(classColor(2, 3)).toBe("var(--color-data-3)");
    expect(classColor(5, 6)).toBe("var(--color-data-1)");
    expect(classToken(0, 2)).toBe("--color-class-0");
  });
});
