import { describe, expect, it } from "vitest";
import { heatmap } from "./heatmap.ts";

const spec = {
  rows: ["lr 0.1", "lr 1"],
  columns: ["D 2", "D 4", "D 8"],
  values: [0.1, 0.2, 0.3, 0.4, Number.NaN, 0.6],
  rowLabel: "learning rate",
  columnLabel: "depth",
  valueLabel: "dead share",
};

describe("heatmap", () => {
  it("colours each finite cell by viridis and leaves a non-finite one empty", () => {
    const chart = heatmap(spec);
    expect(chart.body).not.toMatch(/NaN|Infinity/);
    expect(chart.body.match(/<rect class="fig-cell" [^>]*fill="rgb/g)).toHaveLength(5);
    expect(chart.body.match(/class="fig-cell fig-missing"/g)).toHaveLength(1);
    // The lowest value gets viridis' first colour, the highest its last.
    expect(chart.body).toContain('fill="rgb(68 1 84)"');
    expect(chart.body).toContain('fill="rgb(253 231 37)"');
  });

  it("has a table with a row per row and a column per column", () => {
    expect(heatmap(spec).table).toEqual({
      columns: ["learning rate", "D 2", "D 4", "D 8"],
      rows: [
        ["lr 0.1", 0.1, 0.2, 0.3],
        ["lr 1", 0.4, Number.NaN, 0.6],
      ],
    });
  });

  it("refuses values that do not fill the grid", () => {
    expect(() => heatmap({ ...spec, values: [1, 2] })).toThrow(/need 6 values/);
  });
});
