import { describe, expect, it } from "vitest";
import { grid, intervalsBelow, sample } from "./sample.ts";

describe("grid and sample", () => {
  it("lands on round values and includes both ends", () => {
    const xs = grid(-8, 8, 161);
    expect(xs[0]).toBe(-8);
    expect(xs[30]).toBe(-5);
    expect(xs[160]).toBe(8);
    expect(Array.from(sample((x) => 2 * x, [1, 2]))).toEqual([2, 4]);
  });
});

describe("intervalsBelow", () => {
  const bump = (x: number): number => Math.exp(-x * x);

  it("finds where |f| is below the threshold, edges refined to where f crosses it", () => {
    const out = intervalsBelow(bump, 0.5, -3, 3);
    const edge = Math.sqrt(Math.log(2));
    expect(out).toHaveLength(2);
    expect(out[0]!.from).toBe(-3);
    expect(out[0]!.to).toBeCloseTo(-edge, 7);
    expect(out[1]!.from).toBeCloseTo(edge, 7);
    expect(out[1]!.to).toBe(3);
  });

  it("finds nothing when f is never small, and everything when it always is", () => {
    expect(intervalsBelow(() => 1, 0.5, 0, 1)).toEqual([]);
    expect(intervalsBelow(() => 0, 0.5, 0, 1)).toEqual([{ from: 0, to: 1 }]);
  });
});
