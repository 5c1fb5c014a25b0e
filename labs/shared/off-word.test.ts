import { describe, expect, it } from "vitest";
import { offWord } from "./off-word.ts";

describe("offWord", () => {
  it("calls a unit with z ≤ 0 everywhere dead only where the slope there is 0", () => {
    expect(offWord("relu")).toBe("dead");
    expect(offWord("step")).toBe("dead");
    for (const a of ["leaky-relu", "sigmoid", "tanh", "identity", "elu", "gelu", "silu"])
      expect(offWord(a)).toBe("inactive");
  });
});
