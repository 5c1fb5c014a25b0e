/** The lesson-6 figures: dead units with and without the switch to Leaky ReLU, and layer 2's largest z at the switch. */
import { describe, expect, it } from "vitest";
import { deadUnitsShock, negativeBiasLayer2, negativeBiasSwitch, shockTimeline, TIMELINE } from "./dying-relu.ts";

describe("dead-units-shock", () => {
  const { relu, leaky } = shockTimeline();

  it("has the shock leave [3, 5] and the switch [3, 1] at the same step, with layer 1 at 3 to the end under both", () => {
    const shocked = TIMELINE.open + 1;
    expect(relu.get(TIMELINE.open)).toEqual([0, 3]);
    expect(relu.get(shocked)).toEqual([3, 5]);
    expect(leaky.get(shocked)).toEqual([3, 1]);
    for (const rows of [relu, leaky]) for (const [s, v] of rows) if (s >= shocked) expect(v[0]).toBe(3);
    expect(deadUnitsShock.caption).toContain("layer 2 drops to 1 before any weight moves, and to 0 by step 112");
  });
});

describe("negative-bias-switch", () => {
  it("shows 14 of layer 2's units with z ≤ 0 everywhere under ReLU and 7 under Leaky ReLU, same weights", () => {
    const { relu, leaky } = negativeBiasSwitch();
    expect(relu.filter((z) => z <= 0)).toHaveLength(14);
    expect(leaky.filter((z) => z <= 0)).toHaveLength(7);
    // Every unit alive under ReLU stays alive: the switch only adds.
    relu.forEach((z, j) => {
      if (z > 0) expect(leaky[j]).toBeGreaterThan(0);
    });
    expect(negativeBiasLayer2.caption).toContain("7 of those units have a positive z again, leaving 7");
  });
});
