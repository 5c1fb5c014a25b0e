import { describe, expect, it } from "vitest";
import { binaryStart } from "./binary-start.ts";
import { SCHEMA } from "./settings.ts";

describe("binaryStart: what the intro says about the start", () => {
  it("b = −10: σ ≈ 4.5×10⁻⁵, class 0 with near certainty (wrong for class 1)", () => {
    expect(binaryStart(-10)).toEqual({ sigmoid: "4.5×10⁻⁵", sure: 0 });
  });

  it("b = 20: σ ≈ 1 − 2.1×10⁻⁹, not a bare 1; class 1 with near certainty (wrong for class 0)", () => {
    expect(binaryStart(20)).toEqual({ sigmoid: "1 − 2.1×10⁻⁹", sure: 1 });
  });

  it("near certainty where σ is saturated (the course's σ′ < 0.01, |z| > 4.6), on either side; not closer to 0", () => {
    expect(binaryStart(4.7)).toEqual({ sigmoid: "1 − 0.009", sure: 1 });
    expect(binaryStart(-5)).toEqual({ sigmoid: "0.0067", sure: 0 });
    expect(binaryStart(4.5)).toEqual({ sigmoid: "0.99", sure: null });
    expect(binaryStart(-4.5)).toEqual({ sigmoid: "0.011", sure: null });
    expect(binaryStart(-2)).toEqual({ sigmoid: "0.12", sure: null });
    expect(binaryStart(0)).toEqual({ sigmoid: "0.5", sure: null });
  });

  it("the slider's ends, −40 and 40, read as numbers (no 0 or 1 that hides the gap)", () => {
    expect(binaryStart(SCHEMA.bias.min).sigmoid).toBe("4.2×10⁻¹⁸");
    expect(binaryStart(SCHEMA.bias.max).sigmoid).toBe("1 − 4.2×10⁻¹⁸");
  });

  it("in float32, where σ(b) rounds to exactly 1 (b ≳ 16.64), the intro says so; below that, and in float64, it does not", () => {
    expect(binaryStart(20, "float32").sigmoid).toBe("1 − 2.1×10⁻⁹, exactly 1 in float32");
    expect(binaryStart(20, "float64").sigmoid).toBe("1 − 2.1×10⁻⁹");
    expect(binaryStart(15, "float32").sigmoid).toBe("1 − 3.1×10⁻⁷");
    expect(binaryStart(-40, "float32").sigmoid).toBe("4.2×10⁻¹⁸");
  });
});
