import { describe, expect, it } from "vitest";
import { deadCount, unitState, unitTitle } from "./unit-grid.ts";

describe("dead units", () => {
  it("reads −1 as alive and a step number as the step the unit died", () => {
    expect(unitState(-1)).toBe("alive");
    expect(unitState(0)).toBe("dead");
    expect(unitState(120)).toBe("dead");
    expect(unitState(Number.NaN)).toBe("unknown");
  });

  it("titles each cell for its tooltip, counting units from 1", () => {
    expect(unitTitle(2, 120)).toBe("unit 3: dead since step 120");
    expect(unitTitle(0, -1)).toBe("unit 1: alive");
    expect(unitTitle(4, Number.NaN)).toBe("unit 5: no data");
  });

  it("counts the dead", () => {
    expect(deadCount([-1, 0, 5, -1, Number.NaN, 300])).toBe(3);
    expect(deadCount(new Float64Array(0))).toBe(0);
  });
});
