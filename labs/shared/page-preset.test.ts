import { describe, expect, it } from "vitest";
import { readPagePreset } from "./page-preset.ts";

describe("a page's preset from data-lab-preset", () => {
  it("is a copy of a JSON object's plain values", () => {
    expect(readPagePreset('{"act":"relu","lr":0.5,"show":true}')).toEqual({ act: "relu", lr: 0.5, show: true });
  });

  it("drops what no schema reads and keys that could reach a prototype", () => {
    const read = readPagePreset('{"a":{"b":1},"c":[1],"d":null,"__proto__":{"x":1},"lr":1}');
    expect(read).toEqual({ lr: 1 });
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
  });

  it("is nothing when missing, not JSON, not an object or too long", () => {
    for (const bad of [null, "", "{", "[1]", "3", '"x"', `{"a":"${"x".repeat(5000)}"}`])
      expect(readPagePreset(bad)).toBeUndefined();
  });
});
