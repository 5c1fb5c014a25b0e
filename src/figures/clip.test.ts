import { describe, expect, it } from "vitest";
import { clippedLinePath, clipSegment } from "./clip.ts";
import { linearScale, logScale } from "../plots/scales.ts";

const box = { left: 0, top: 0, right: 100, bottom: 100 };
const id = (v: number): number => v;

/** A path from clippedLinePath with absolute coordinates throughout: "M0,0L10,10M…". */
function absolute(d: string): string {
  let out = "";
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([Ml])([^Ml]*)/g)) {
    const [a, b] = (args as string).match(/-?(?:\d+\.?\d*|\.\d+)/g)!.map(Number) as [number, number];
    [x, y] = cmd === "M" ? [a, b] : [Math.round((x + a) * 10) / 10, Math.round((y + b) * 10) / 10];
    out += `${cmd === "M" ? "M" : "L"}${x},${y}`;
  }
  return out;
}

/** The vertices of a path as [x, y] pairs. */
function vertices(d: string): number[][] {
  return [...absolute(d).matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe("clipSegment", () => {
  it("keeps a segment inside the box whole", () => {
    expect(clipSegment(10, 10, 90, 90, box)).toEqual([0, 1]);
  });

  it("cuts a segment where it leaves the box", () => {
    expect(clipSegment(50, 50, 150, 50, box)).toEqual([0, 0.5]);
    expect(clipSegment(-50, 50, 50, 50, box)).toEqual([0.5, 1]);
  });

  it("drops a segment entirely outside", () => {
    expect(clipSegment(-10, -10, -5, 200, box)).toBeNull();
  });
});

describe("clippedLinePath", () => {
  it("draws a polyline through finite points: a move, then relative steps, written short", () => {
    expect(clippedLinePath([0, 10, 20], [0, 10, 40], id, id, box)).toBe("M0,0l10,10l10,30");
    expect(clippedLinePath([10, 10.4, 10.1], [50, 49.6, 50.8], id, id, box)).toBe("M10,50l.4-.4l-.3,1.2");
  });

  it("steps between rounded points, so rounding errors do not add up", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i * 0.97);
    expect(vertices(clippedLinePath(xs, xs, id, id, box)).at(-1)).toEqual([96, 96]);
  });

  it("breaks the line at NaN and ±Infinity and never prints them", () => {
    const d = clippedLinePath([0, 1, 2, 3, 4, 5], [0, 1, Number.NaN, 3, Infinity, -Infinity], id, id, box);
    expect(absolute(d)).toBe("M0,0L1,1");
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(absolute(clippedLinePath([0, Number.NaN, 2, 3], [0, 1, 2, 3], id, id, box))).toBe("M2,2L3,3");
  });

  it("skips y ≤ 0 on a log axis, which the scale cannot place", () => {
    const sy = logScale(1e-3, 1, 100, 0);
    const d = clippedLinePath([0, 10, 20, 30, 40], [1, 0.1, 0, 0.01, 1e-3], id, sy, box);
    expect(absolute(d)).toBe("M0,0L10,33.3M30,66.7L40,100");
  });

  it("cuts lines at the plot's edges: every vertex lies inside the box", () => {
    const sy = linearScale(0, 1, 100, 0);
    const xs = [0, 25, 50, 75, 100];
    const d = clippedLinePath(xs, [0.5, 2, 0.5, -1, 0.5], id, sy, box);
    for (const [x, y] of vertices(d)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(100);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(100);
    }
    // It leaves through the top (y = 0) and comes back, then leaves through the bottom and comes back.
    expect(absolute(d)).toBe("M0,50L8.3,0M41.7,0L50,50L58.3,100M91.7,100L100,50");
  });

  it("rounds to 1 decimal and skips repeated vertices", () => {
    expect(clippedLinePath([0, 0.01, 0.02, 10], [0, 0, 0, 10], id, id, box)).toBe("M0,0l10,10");
  });
});
