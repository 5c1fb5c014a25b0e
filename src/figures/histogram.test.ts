import { describe, expect, it } from "vitest";
import { histogramChart } from "./histogram.ts";

describe("histogramChart", () => {
  it("draws a bar per non-empty bin and lists every bin in the table", () => {
    const chart = histogramChart({ lo: -1, hi: 1, counts: [0, 3, 5, 2], x: { label: "a" } });
    expect(chart.body.match(/<rect class="fig-bar fig-hist c1"/g)).toHaveLength(3);
    expect(chart.table).toEqual({
      columns: ["a from", "to", "count"],
      rows: [
        [-1, -0.5, 0],
        [-0.5, 0, 3],
        [0, 0.5, 5],
        [0.5, 1, 2],
      ],
    });
  });

  it("skips non-finite counts and never writes NaN or Infinity", () => {
    const chart = histogramChart({ lo: 0, hi: 1, counts: [1, Number.NaN, Infinity, 2], x: { label: "a" } });
    expect(chart.body).not.toMatch(/NaN|Infinity/);
    expect(chart.body.match(/<rect class="fig-bar/g)).toHaveLength(2);
  });

  it("refuses a range without width", () => {
    expect(() => histogramChart({ lo: 1, hi: 1, counts: [1], x: { label: "a" } })).toThrow(/lo < hi/);
  });
});
