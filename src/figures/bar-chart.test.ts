import { describe, expect, it } from "vitest";
import { barChart } from "./bar-chart.ts";

const layers = ["layer 1", "layer 2", "layer 3"];

describe("barChart", () => {
  it("draws a bar per category and series, the second series outlined, with a legend", () => {
    const chart = barChart({
      categories: layers,
      series: [
        { label: "sigmoid", values: [1e-6, 1e-3, 0.1] },
        { label: "relu", values: [0.1, 0.2, 0.3] },
      ],
      x: { label: "layer" },
      y: { log: true },
    });
    expect(chart.body.match(/<rect class="fig-bar c1"/g)).toHaveLength(4); // 3 bars and the legend's swatch
    expect(chart.body.match(/<rect class="fig-bar c2 fig-bar-outline"/g)).toHaveLength(4);
    expect(chart.body).toContain(">sigmoid</text>");
    expect(chart.body).toContain('10<tspan dy="-6" font-size="13">−6</tspan>');
  });

  it("has a table with a row per category, the values drawn", () => {
    const { table } = barChart({
      categories: layers,
      series: [{ label: "‖∂L/∂W‖", values: [3, 2, 1] }],
      x: { label: "layer" },
      y: {},
    });
    expect(table).toEqual({
      columns: ["layer", "‖∂L/∂W‖"],
      rows: [
        ["layer 1", 3],
        ["layer 2", 2],
        ["layer 3", 1],
      ],
    });
  });

  it("stands a marker in for a bar it cannot draw, and never writes NaN or Infinity", () => {
    const chart = barChart({
      categories: ["a", "b", "c", "d"],
      series: [{ label: "s", values: [Number.NaN, 0, Infinity, 1e-3] }],
      x: { label: "x" },
      y: { log: true },
    });
    expect(chart.body).not.toMatch(/NaN|Infinity/);
    expect(chart.body.match(/<rect class="fig-bar/g)).toHaveLength(1);
    expect(chart.body).toContain(">—</text>");
    expect(chart.body).toContain(">0</text>");
  });

  it("grows bars from zero on a linear axis, downwards for negative values", () => {
    const chart = barChart({
      categories: ["a", "b"],
      series: [{ label: "s", values: [2, -1] }],
      x: { label: "x" },
      y: {},
    });
    const heights = [...chart.body.matchAll(/<rect class="fig-bar[^"]*"[^>]* y="([\d.]+)"[^>]* height="([\d.]+)"/g)];
    expect(heights).toHaveLength(2);
    const [up, down] = heights.map((m) => [Number(m[1]), Number(m[2])]);
    // The positive bar ends where the negative one starts: at the zero line.
    expect(up![0]! + up![1]!).toBeCloseTo(down![0]!, 0);
    expect(up![1]!).toBeCloseTo(2 * down![1]!, 0);
  });

  it("shows every k-th category name when all would collide", () => {
    const many = Array.from({ length: 40 }, (_, i) => `layer ${i + 1}`);
    const chart = barChart({
      categories: many,
      series: [{ label: "s", values: many.map(() => 1) }],
      x: { label: "x" },
      y: {},
    });
    expect(chart.body).toContain(">layer 1</text>");
    expect(chart.body).not.toContain(">layer 2</text>");
  });
});
