import { describe, expect, it } from "vitest";
import { clampTo, isIntegerIn, isNumberIn, isOneOf, isPlainObject } from "./checks.ts";

describe("the checks every boundary shares", () => {
  it("a plain object is neither null nor an array", () => {
    expect([{}, { a: 1 }, Object.create(null)].every(isPlainObject)).toBe(true);
    expect([null, [], "{}", 1, undefined].some(isPlainObject)).toBe(false);
  });

  it("a number in a range is finite and a number, not a numeric string", () => {
    expect(isNumberIn(0.5, 0, 1)).toBe(true);
    expect(isNumberIn(1, 0, 1)).toBe(true);
    for (const bad of [Number.NaN, Infinity, -Infinity, "0.5", null, 1.01, -0.01])
      expect(isNumberIn(bad, 0, 1), String(bad)).toBe(false);
    expect(isNumberIn(Infinity)).toBe(false);
  });

  it("an integer in a range", () => {
    expect(isIntegerIn(3, 0, 3)).toBe(true);
    for (const bad of [3.5, 4, -1, "2", Number.NaN, Infinity]) expect(isIntegerIn(bad, 0, 3), String(bad)).toBe(false);
  });

  it("one of a list of words: only a listed string, never an inherited name", () => {
    const words = ["relu", "tanh"] as const;
    expect(isOneOf(words, "tanh")).toBe(true);
    for (const bad of ["RELU", "toString", "", 1, null, ["relu"]]) expect(isOneOf(words, bad), String(bad)).toBe(false);
  });

  it("clamps into a range; a value that is not a finite number gives the lower bound", () => {
    expect(clampTo(5, 0, 2)).toBe(2);
    expect(clampTo(-5, 0, 2)).toBe(0);
    expect(clampTo(1.5, 0, 2)).toBe(1.5);
    expect(clampTo(Number.NaN, 0, 2)).toBe(0);
    expect(clampTo(Infinity, 0, 2)).toBe(0);
  });
});
