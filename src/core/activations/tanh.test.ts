import { describe, expect, it } from "vitest";
import { tanh } from "./tanh.ts";

describe("tanh", () => {
  it("gives Node 22's Math.tanh bits where Chromium 150's Math.tanh gives others (the labs then train alike in both)", () => {
    // Inputs on which the two engines' Math.tanh differ by one ulp; the values are Node 22's, and fdlibm's.
    const cases: [number, number][] = [
      [0.09381484985351562, 0.09354058678666728],
      [-1.5723285675048828, -0.9173953621854719],
      [0.13212203979492188, 0.13135858577679163],
      [-0.22986449301242828, -0.2258997642449972],
      [-0.5133938789367676, -0.4725853238614713],
      [0.4661130905151367, 0.4350534220480912],
    ];
    for (const [x, y] of cases) expect(tanh(x)).toBe(y);
  });

  it("is exact on both sides of each branch: tiny, below 1, from 1 to 22, beyond", () => {
    expect(tanh(1e-9)).toBe(1e-9);
    expect(tanh(1)).toBe(0.7615941559557649);
    expect(tanh(2.5)).toBe(0.9866142981514303);
    expect(tanh(21.9)).toBe(1);
    expect(tanh(1000)).toBe(1);
  });

  it("rounds to 1 from x ≈ 19.06 on, as the tanh lesson says, and not before", () => {
    expect(tanh(19.06)).toBeLessThan(1);
    expect(tanh(19.0615)).toBeLessThan(1);
    expect(tanh(19.0616)).toBe(1);
  });

  it("is odd, keeps −0, and passes NaN and the infinities' limits", () => {
    for (const x of [1e-12, 0.3, 0.9999, 1, 3.7, 19, 25]) expect(tanh(-x)).toBe(-tanh(x));
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(tanh(NaN)).toBeNaN();
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
  });

  it("agrees with the definition (e^x − e^(−x))/(e^x + e^(−x)) to a few ulp where that formula is accurate (|x| ≥ 0.5)", () => {
    for (let x = 0.5; x <= 8; x += 0.0137) {
      const ref = (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
      expect(Math.abs(tanh(x) - ref)).toBeLessThanOrEqual(4 * Number.EPSILON * ref);
      expect(tanh(-x)).toBe(-tanh(x));
    }
  });
});
