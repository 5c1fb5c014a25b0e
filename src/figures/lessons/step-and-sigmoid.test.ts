/** The lesson-2 figures show what the lesson says: σ′ ≤ 1/4, saturation past |z| ≈ 4.6, and a tail that is not 0. */
import { describe, expect, it } from "vitest";
import { SATURATION_THRESHOLD, sigmoidDerivative } from "../../core/index.ts";
import { bceLoss, sigmoidAndSlope, sigmoidSlopeTail } from "./step-and-sigmoid.ts";

const threshold = SATURATION_THRESHOLD;

describe("sigmoid-and-slope", () => {
  const chart = sigmoidAndSlope.build();

  it("tabulates σ′(0) = 1/4 as the largest slope", () => {
    const slopes = chart.table.rows.map((r) => r[2] as number);
    expect(chart.table.columns).toEqual(["z", "σ(z)", "σ′(z)"]);
    expect(Math.max(...slopes)).toBe(0.25);
    expect(chart.table.rows.find((r) => r[0] === 0)).toEqual([0, 0.5, 0.25]);
  });

  it("shades two bands, where σ′ crosses the saturation threshold at |z| ≈ 4.6", () => {
    // Three: the legend's swatch, then the two bands.
    expect(chart.body.match(/<rect class="fig-band"/g)).toHaveLength(3);
    expect(sigmoidAndSlope.caption).toContain("|z| > 4.6");
    expect(sigmoidDerivative(4.55)).toBeGreaterThan(threshold);
    expect(sigmoidDerivative(4.65)).toBeLessThan(threshold);
  });
});

describe("sigmoid-slope-tail", () => {
  const chart = sigmoidSlopeTail.build();

  it("reaches σ′(40) ≈ 4.25×10⁻¹⁸, not 0, and tabulates it beside exp(−40)", () => {
    const last = chart.table.rows.at(-1) as number[];
    expect(last[0]).toBe(40);
    expect(last[1]).toBeGreaterThan(0);
    expect(last[1]).toBeCloseTo(4.248e-18, 20);
    expect((last[1] as number) / Math.exp(-40)).toBeCloseTo(1, 12);
    expect(sigmoidSlopeTail.caption).toContain("4.25×10⁻¹⁸");
  });
});

describe("bce-loss", () => {
  const chart = bceLoss.build();

  it("draws −ln p and −ln(1 − p), and marks ln 2 at p = 0.5", () => {
    expect(chart.table.columns).toEqual([
      "predicted probability p of class 1",
      "class 1: −ln p",
      "class 0: −ln(1 − p)",
    ]);
    const rows = chart.table.rows as number[][];
    for (const [p, one, zero] of rows) {
      expect(one).toBeCloseTo(-Math.log(p!), 12);
      expect(zero).toBeCloseTo(-Math.log(1 - p!), 12);
    }
    expect(chart.body).toContain("ln 2 ≈ 0.693");
  });
});
