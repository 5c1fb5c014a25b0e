import { describe, expect, it } from "vitest";
import { formatPercent, multiclassSummary } from "./summary.ts";

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

describe("multiclassSummary", () => {
  it("says when the loss blew up without diverging, and what to do", () => {
    expect(multiclassSummary("step 40: loss 360", null, { from: 1.1, to: 360 })).toBe(
      "step 40: loss 360; unstable: loss rose from 1.1 to 360 — lower the learning rate",
    );
    expect(multiclassSummary("step 40: loss 0.2", null)).toBe("step 40: loss 0.2");
  });
});
