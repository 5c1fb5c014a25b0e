import { describe, expect, it } from "vitest";
import { formatNumber } from "./format.ts";
import { linePath, linearScale, niceTicks } from "./scales.ts";

describe("linearScale", () => {
  it("maps the domain ends onto the range ends", () => {
    const s = linearScale(-6, 6, 0, 600);
    expect(s(-6)).toBe(0);
    expect(s(0)).toBe(300);
    expect(s(6)).toBe(600);
  });

  it("maps a zero-width domain to the middle instead of dividing by zero", () => {
    expect(linearScale(1, 1, 0, 100)(1)).toBe(50);
  });
});

describe("linePath", () => {
  const id = (v: number) => v;

  it("draws a polyline through finite points", () => {
    expect(linePath([0, 1, 2], [0, 1, 4], id, id)).toBe("M0,0L1,1L2,4");
  });

  it("breaks the line at NaN and Infinity and never prints them", () => {
    const d = linePath([0, 1, 2, 3], [0, Number.NaN, Infinity, 3], id, id);
    expect(d).toBe("M0,0M3,3");
    expect(d).not.toMatch(/NaN|Infinity/);
  });
});

describe("niceTicks", () => {
  it("gives round steps covering the interval", () => {
    expect(niceTicks(-6, 6, 6)).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("returns nothing for an empty or non-finite interval", () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe("formatNumber", () => {
  it("keeps tiny derivatives visible instead of printing 0", () => {
    expect(formatNumber(4.248e-18)).toBe("4.25×10⁻¹⁸");
  });

  it("prints ordinary values briefly with a true minus sign", () => {
    expect(formatNumber(-0.25)).toBe("−0.25");
    expect(formatNumber(0.5)).toBe("0.5");
  });

  it("names non-finite values in words", () => {
    expect(formatNumber(Number.NaN)).toBe("not a number");
    expect(formatNumber(-Infinity)).toBe("−∞");
  });
});
