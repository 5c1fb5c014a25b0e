import { describe, expect, it } from "vitest";
import { RedrawRotation } from "./redraw.ts";

describe("RedrawRotation", () => {
  it("redraws everything when asked, then one due group per frame, most overdue first", () => {
    const r = new RedrawRotation(3, 100);
    expect(r.pick(0, true)).toEqual([0, 1, 2]);
    expect(r.pick(16, false)).toEqual([]); // nothing due yet
    expect(r.pick(100, false)).toEqual([0]);
    expect(r.pick(116, false)).toEqual([1]);
    expect(r.pick(132, false)).toEqual([2]);
    expect(r.pick(148, false)).toEqual([]);
    expect(r.pick(200, false)).toEqual([0]);
  });

  it("draws every group on the first frames of a run, one per frame", () => {
    const r = new RedrawRotation(2, 100);
    expect(r.pick(5, false)).toEqual([0]);
    expect(r.pick(21, false)).toEqual([1]);
  });
});
