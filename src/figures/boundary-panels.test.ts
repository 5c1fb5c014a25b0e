import { describe, expect, it } from "vitest";
import { boundaryPanels } from "./boundary-panels.ts";

/** A 4 × 4 grid, P(class 1) = 1 in the right half, and two points: one of each class. */
const panel = {
  title: "half",
  grid: Float64Array.from({ length: 16 }, (_, i) => (i % 4 >= 2 ? 0.9 : 0.1)),
  size: 4,
  x: Float64Array.of(-0.5, 0, 0.5, 0),
  labels: Int32Array.of(0, 1),
};

describe("boundaryPanels", () => {
  const chart = boundaryPanels({
    panels: [panel, { ...panel, title: "again" }],
    extent: 1,
    classNames: ["zero", "one"],
    colors: [1, 5],
    table: { columns: ["panel", "accuracy"], rows: [["half", 1]] },
  });

  it("shades each class's cells as one path of row runs: one run per row and class for a half-plane", () => {
    const regions = [...chart.body.matchAll(/<path class="fig-bar (c\d)" fill-opacity="0.3" d="([^"]*)"/g)];
    expect(regions.map((m) => m[1])).toEqual(["c1", "c5", "c1", "c5"]);
    for (const m of regions) expect(m[2]!.match(/M/g)).toHaveLength(4);
  });

  it("draws class 0 as squares and class 1 as diamonds, at their places in the square", () => {
    const points = [...chart.body.matchAll(/<path class="fig-point (c\d)" d="([^"]*)"/g)];
    expect(points).toHaveLength(4);
    expect(points[0]![2]).toMatch(/^M[\d.]+ [\d.]+h5.2v5.2h-5.2z$/);
    expect(points[1]![2]).toMatch(/^M[\d.]+ [\d.]+l/);
  });

  it("titles each panel and passes the table through", () => {
    expect(chart.body).toContain(">half</text>");
    expect(chart.body).toContain(">again</text>");
    expect(chart.table.rows).toEqual([["half", 1]]);
  });
});
