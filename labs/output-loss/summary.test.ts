import { describe, expect, it } from "vitest";
import { formatPercent } from "./summary.ts";

describe("formatPercent", () => {
  it("shows a real fall with two significant digits", () => {
    expect(formatPercent(0.052)).toBe("5.2 %");
    expect(formatPercent(0.25)).toBe("25 %");
  });

  it("reads rounding noise below 0.01 % as ≈ 0 %, of either sign", () => {
    expect(formatPercent(5.6e-9)).toBe("≈ 0 %");
    expect(formatPercent(-8.5e-7)).toBe("≈ 0 %");
    expect(formatPercent(0)).toBe("≈ 0 %");
    expect(formatPercent(0.0001)).not.toBe("≈ 0 %");
  });

  it("shows a dash without a number", () => {
    expect(formatPercent(Number.NaN)).toBe("—");
  });
});
