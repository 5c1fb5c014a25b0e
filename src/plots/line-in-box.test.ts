import { describe, expect, it } from "vitest";
import { lineInBox } from "./line-in-box.ts";

describe("lineInBox", () => {
  it("clips w·x + b = 0 to the box: a diagonal, a vertical line, a line that misses", () => {
    expect(lineInBox({ w: [1, -1], b: 0 }, [-1, 1], [-1, 1])).toEqual([
      [-1, -1],
      [1, 1],
    ]);
    expect(lineInBox({ w: [2, 0], b: -1 }, [-1, 1], [-1, 1])).toEqual([
      [0.5, -1],
      [0.5, 1],
    ]);
    expect(lineInBox({ w: [0, 1], b: 5 }, [-1, 1], [-1, 1])).toBeNull();
    expect(lineInBox({ w: [0, 0], b: 1 }, [-1, 1], [-1, 1])).toBeNull();
  });
});
