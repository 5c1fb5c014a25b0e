import { describe, expect, it } from "vitest";
import { createRng } from "../core/index.ts";
import { pyFloat, pyFloats, pyInts, pyList, pyMatrix, pyString } from "./python-literal.ts";

/** Reads a Python float literal back as JavaScript reads it (both round correctly to the nearest double). */
const read = (literal: string) => Number(literal);

describe("Python literals", () => {
  it("writes every double so that it reads back as the same double, and always as a float", () => {
    const rng = createRng(7);
    const values = [0.1, 1 / 3, Math.PI, 1e-7, 2.5e21, 5e-324, Number.MAX_VALUE, 123456789, -0.5, 2 ** -50];
    for (let i = 0; i < 2000; i++) values.push((rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 40 - 20));
    for (const v of values) {
      const literal = pyFloat(v);
      expect(Object.is(read(literal), v), `${v} → ${literal}`).toBe(true);
      expect(literal).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
      expect(literal).toMatch(/[.e]/);
    }
  });

  it("keeps the sign of zero, writes whole numbers with .0, and refuses what is not finite", () => {
    expect([pyFloat(0), pyFloat(-0), pyFloat(3), pyFloat(-2), pyFloat(1e-7), pyFloat(1e21)]).toEqual([
      "0.0",
      "-0.0",
      "3.0",
      "-2.0",
      "1e-7",
      "1e+21",
    ]);
    for (const bad of [Number.NaN, Infinity, -Infinity]) expect(() => pyFloat(bad)).toThrow(/no Python float/);
  });

  it("breaks long lists into indented lines within the width, and closes them one level out", () => {
    const list = pyFloats(
      Array.from({ length: 40 }, (_, i) => i / 7),
      "    ",
      60,
    );
    const lines = list.split("\n");
    expect(lines[0]).toBe("[");
    expect(lines.at(-1)).toBe("]");
    for (const line of lines.slice(1, -1)) {
      expect(line.length).toBeLessThanOrEqual(60);
      expect(line).toMatch(/^ {4}\S.*,$/);
    }
    const items = lines
      .slice(1, -1)
      .join(" ")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    expect(items.map(read)).toEqual(Array.from({ length: 40 }, (_, i) => i / 7));
    expect(pyList([], "    ")).toBe("[]");
  });

  it("writes matrices as rows, integers as integers, and strings escaped", () => {
    expect(pyMatrix([1, 2, 3, 4.5], 2, "    ")).toBe("[\n    [1.0, 2.0], [3.0, 4.5],\n]");
    expect(pyInts([0, 2, 1], "    ")).toBe("[\n    0, 2, 1,\n]");
    expect(() => pyInts([0.5], "    ")).toThrow(/not an integer/);
    expect(pyString('a "b"\\\n')).toBe('"a \\"b\\"\\\\\\n"');
  });
});
