import { describe, expect, it } from "vitest";
import { redrawTicks, SLOW_EVERY } from "./redraw-ticks.ts";

/** For each snapshot after the first, which heavy charts redraw (their tick changed). */
function redraws(running: boolean, snapshots: number) {
  const out: { heatmap: boolean; boundary: boolean }[] = [];
  for (let v = 1; v <= snapshots; v++) {
    const before = redrawTicks(v - 1, running);
    const after = redrawTicks(v, running);
    out.push({ heatmap: after.heatmap !== before.heatmap, boundary: after.boundary !== before.boundary });
  }
  return out;
}

describe("the vanishing-gradients lab's heavy charts", () => {
  it("while training, redraw in turns: each every SLOW_EVERY-th snapshot, never both on one", () => {
    const r = redraws(true, 10 * SLOW_EVERY);
    expect(r.filter((x) => x.heatmap && x.boundary)).toEqual([]);
    expect(r.filter((x) => x.heatmap)).toHaveLength(10);
    expect(r.filter((x) => x.boundary)).toHaveLength(10);
  });

  it("while paused, both follow every snapshot (a single step shows at once)", () => {
    expect(redraws(false, 5).every((x) => x.heatmap && x.boundary)).toBe(true);
  });
});
