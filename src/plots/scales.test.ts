import { describe, expect, it } from "vitest";
import { formatDecade, formatNumber } from "./format.ts";
import {
  finiteExtent,
  linePath,
  linearDomain,
  linearScale,
  logDomain,
  logScale,
  logTicks,
  niceTicks,
} from "./scales.ts";

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

describe("logScale", () => {
  it("spaces decades evenly", () => {
    const s = logScale(1e-6, 1, 0, 600);
    expect(s(1e-6)).toBeCloseTo(0);
    expect(s(1e-3)).toBeCloseTo(300);
    expect(s(1)).toBeCloseTo(600);
  });

  it("cannot place zero, negatives or NaN, so a line through them breaks instead of printing NaN", () => {
    const s = logScale(1e-3, 1, 100, 0);
    expect(Number.isNaN(s(0))).toBe(true);
    expect(Number.isNaN(s(-1))).toBe(true);
    const d = linePath([0, 1, 2, 3], [0.1, 0, -2, 0.01], (v) => v, s);
    expect(d).toBe("M0,33.33M3,66.67");
  });
});

describe("logTicks", () => {
  it("puts a tick on every power of ten inside the domain", () => {
    expect(logTicks(1e-3, 1)).toEqual([1e-3, 1e-2, 1e-1, 1]);
    expect(logTicks(2e-3, 50)).toEqual([1e-2, 1e-1, 1, 10]);
  });

  it("thins a wide domain to every k-th decade, always keeping the top one", () => {
    const ticks = logTicks(1e-12, 1, 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.at(-1)).toBe(1);
    expect(ticks).toEqual([1e-12, 1e-9, 1e-6, 1e-3, 1]);
  });

  it("returns nothing for a domain a log axis cannot show", () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(-1, 1)).toEqual([]);
    expect(logTicks(1, Number.NaN)).toEqual([]);
  });
});

describe("domains", () => {
  it("finds the finite extent, ignoring NaN and Infinity (and non-positives when asked)", () => {
    expect(
      finiteExtent([
        [3, Number.NaN, -2],
        [Infinity, 7],
      ]),
    ).toEqual([-2, 7]);
    expect(finiteExtent([[0, -1, 0.5, 2]], true)).toEqual([0.5, 2]);
    expect(finiteExtent([[Number.NaN], []])).toBeNull();
  });

  it("keeps a valid linear domain and otherwise derives one from finite data", () => {
    expect(linearDomain(0, 1, [[50]])).toEqual([0, 1]);
    expect(linearDomain(Number.NaN, 1, [[0.13, 0.92, Number.NaN]])).toEqual([0, 1]);
    expect(linearDomain(undefined, undefined, [[2, 2]])).toEqual([1, 3]);
    expect(linearDomain(undefined, undefined, [[Number.NaN]])).toEqual([0, 1]);
  });

  it("rounds a log domain out to whole decades and falls back when nothing is positive", () => {
    expect(logDomain(undefined, undefined, [[3e-5, 0, -1, 0.2, Number.NaN]])).toEqual([1e-5, 1]);
    expect(logDomain(undefined, undefined, [[0.5, 0.5]])).toEqual([0.1, 1]);
    expect(logDomain(1e-8, 10, [[5]])).toEqual([1e-8, 10]);
    expect(logDomain(0, 10, [[0, -3]])).toEqual([1e-3, 1]);
    expect(logDomain(undefined, undefined, [[Number.MIN_VALUE]])[0]).toBeGreaterThan(0);
  });
});

describe("formatDecade", () => {
  it("writes powers of ten as 10 to a superscript power", () => {
    expect(formatDecade(1e-3)).toBe("10⁻³");
    expect(formatDecade(1e-12)).toBe("10⁻¹²");
    expect(formatDecade(1)).toBe("1");
    expect(formatDecade(10)).toBe("10");
    expect(formatDecade(1e5)).toBe("10⁵");
  });

  it("falls back to formatNumber for anything else", () => {
    expect(formatDecade(0.25)).toBe("0.25");
    expect(formatDecade(0)).toBe("0");
    expect(formatDecade(Number.NaN)).toBe("not a number");
  });
});
