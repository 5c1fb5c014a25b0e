import { describe, expect, it } from "vitest";
import { offCount, unitState, unitTitle } from "./unit-grid.ts";

describe("dead or inactive units", () => {
  it("reads −1 as alive and a step number as the step since which z ≤ 0 everywhere", () => {
    expect(unitState(-1)).toBe("alive");
    expect(unitState(0)).toBe("dead");
    expect(unitState(120)).toBe("dead");
    expect(unitState(Number.NaN)).toBe("unknown");
  });

  it("calls the same unit inactive where the activation still has a slope there", () => {
    expect(unitState(120, "inactive")).toBe("inactive");
    expect(unitState(-1, "inactive")).toBe("alive");
  });

  it("titles each cell for its tooltip, counting units from 1", () => {
    expect(unitTitle(2, 120)).toBe("unit 3: dead since step 120");
    expect(unitTitle(2, 120, "inactive", "z ≤ 0 on every example")).toBe(
      "unit 3: inactive since step 120 (z ≤ 0 on every example)",
    );
    expect(unitTitle(0, -1)).toBe("unit 1: alive");
    expect(unitTitle(4, Number.NaN)).toBe("unit 5: no data");
  });

  it("counts the units with z ≤ 0 everywhere", () => {
    expect(offCount([-1, 0, 5, -1, Number.NaN, 300])).toBe(3);
    expect(offCount(new Float64Array(0))).toBe(0);
  });
});
