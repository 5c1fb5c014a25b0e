/** The lesson-4 figures show what the lesson says: tanh = 2σ(2x) − 1, tails 4e^(−2x) and e^(−x), one path against all. */
import { describe, expect, it } from "vitest";
import { SATURATION_THRESHOLD, sigmoid, sigmoidDerivative, tanhDerivative } from "../../core/index.ts";
import { onePathAllPaths, pathsAtInit, SLOPES_CROSS, tanhAndSigmoid, tanhSigmoidTails } from "./tanh.ts";

describe("tanh-and-sigmoid", () => {
  const chart = tanhAndSigmoid.build();

  it("tabulates σ(x), σ(2x) and tanh(x), and tanh is 2σ(2x) − 1 at every row", () => {
    expect(chart.table.columns).toEqual(["x", "σ(x)", "σ(2x)", "tanh(x) = 2σ(2x) − 1"]);
    for (const [x, s, s2, t] of chart.table.rows as number[][]) {
      expect(s).toBe(sigmoid(x!));
      expect(s2).toBe(sigmoid(2 * x!));
      expect(Math.abs(t! - (2 * s2! - 1))).toBeLessThan(4e-16);
    }
    expect(chart.table.rows.find((r) => r[0] === 0)).toEqual([0, 0.5, 0.5, 0]);
  });
});

describe("tanh-sigmoid-tails", () => {
  const chart = tanhSigmoidTails.build();

  it("marks the crossing at 1.66 and names the saturation edges 2.99 and 4.58 in its caption", () => {
    expect(SLOPES_CROSS).toBeCloseTo(1.66, 2);
    expect(tanhSigmoidTails.caption).toContain("x ≈ 1.66 on");
    expect(tanhSigmoidTails.caption).toContain(`threshold ${SATURATION_THRESHOLD} at x ≈ 2.99, σ′ only at x ≈ 4.58`);
  });

  it("draws tanh′ on 4e^(−2x) and σ′ on e^(−x) in the tails", () => {
    for (const [x, dt, ds, four, one] of chart.table.rows as number[][]) {
      expect(dt).toBe(tanhDerivative(x!));
      expect(ds).toBe(sigmoidDerivative(x!));
      if (x! >= 5) {
        expect(dt! / four!).toBeCloseTo(1, 3);
        expect(ds! / one!).toBeCloseTo(1, 1);
      }
    }
  });
});

describe("one-path-all-paths", () => {
  const { factors, onePath, allPaths, width } = pathsAtInit();

  it("starts with one path only next to the output, and 16^(k − 1) paths k layers back", () => {
    expect(factors).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(width).toBe(16);
    expect(onePath.at(-1)).toBe(allPaths.at(-1));
    expect(onePathAllPaths.caption).toContain("1.1×10¹² from the input");
  });

  it("shows one path shrinking to about 10⁻¹¹ and the sum over all paths staying between 0.005 and 0.5", () => {
    for (let k = 1; k < onePath.length; k++) expect(onePath[k - 1]!).toBeLessThan(onePath[k]!);
    expect(onePath[0]).toBeGreaterThan(1e-12);
    expect(onePath[0]).toBeLessThan(1e-10);
    for (const v of allPaths) {
      expect(v).toBeGreaterThan(0.005);
      expect(v).toBeLessThan(0.5);
    }
  });
});
