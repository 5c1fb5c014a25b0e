import { describe, expect, it } from "vitest";
import { lineChart, type LineChartSpec } from "./line-chart.ts";

/** The vertices of every path in the markup. */
function pathVertices(svg: string): number {
  return [...svg.matchAll(/ d="([^"]*)"/g)].reduce((n, m) => n + ((m[1] as string).match(/[MLl]/g)?.length ?? 0), 0);
}

const xs = [-2, -1, 0, 1, 2];
const spec: LineChartSpec = {
  x: { label: "z" },
  y: { min: 0, max: 5 },
  series: [
    { label: "square", xs, ys: xs.map((x) => x * x) },
    { label: "abs", xs, ys: xs.map(Math.abs) },
  ],
  tableRows: 3,
};

describe("lineChart", () => {
  it("draws each series and names it in the legend with its dash", () => {
    const chart = lineChart(spec);
    expect(chart.body.match(/<path class="fig-line c\d"/g)).toHaveLength(2);
    expect(chart.body).toContain(">square</text>");
    expect(chart.body).toMatch(/<line class="fig-line c2"[^>]*stroke-dasharray="8 4"/);
  });

  it("has a table of points it drew: a row per x, a column per series", () => {
    const { table } = lineChart(spec);
    expect(table.columns).toEqual(["z", "square", "abs"]);
    expect(table.rows).toEqual([
      [-2, 4, 2],
      [0, 0, 0],
      [2, 4, 2],
    ]);
  });

  it("lists points series by series when the series do not share their xs", () => {
    const { table } = lineChart({
      ...spec,
      series: [spec.series[0]!, { label: "other", xs: [0, 1], ys: [3, 4] }],
    });
    expect(table.columns).toEqual(["series", "z", "y"]);
    expect(table.rows.at(-1)).toEqual(["other", 1, 4]);
  });

  it("skips non-finite points: the drawing never holds NaN or Infinity", () => {
    const ys = [1, Number.NaN, 2, Infinity, -Infinity, 3, 4];
    const chart = lineChart({ x: { label: "x" }, y: {}, series: [{ label: "s", xs: [0, 1, 2, 3, 4, 5, 6], ys }] });
    expect(chart.body).not.toMatch(/NaN|Infinity/);
    // 1 and 2 are cut off from their neighbours; 3 and 4 make the one segment drawn.
    expect(pathVertices(chart.body)).toBe(2);
  });

  it("skips y ≤ 0 on a log axis and labels powers of ten", () => {
    const chart = lineChart({
      x: { label: "x" },
      y: { log: true },
      series: [{ label: "s", xs: [0, 1, 2, 3], ys: [1, 1e-3, 0, 1e-6] }],
    });
    expect(chart.body).not.toMatch(/NaN|Infinity/);
    expect(pathVertices(chart.body)).toBe(2);
    expect(chart.body).toContain('10<tspan dy="-6" font-size="13">−6</tspan>');
  });

  it("shades bands inside the x domain only, and names them in the legend", () => {
    const chart = lineChart({
      ...spec,
      bands: [
        { from: -10, to: -1 },
        { from: 5, to: 9 },
      ],
      bandLabel: "flat",
    });
    expect(chart.body.match(/<rect class="fig-band"/g)).toHaveLength(2);
    expect(chart.body).toContain(">flat</text>");
  });

  it("labels marks, rules and points, and leaves out those outside the plot", () => {
    const chart = lineChart({
      ...spec,
      marks: [
        { x: 0, label: "here" },
        { x: 99, label: "gone" },
      ],
      rules: [{ y: 1, label: "one" }],
      points: [
        { x: 0, y: 0, label: "min" },
        { x: 0, y: 99, label: "off" },
      ],
    });
    for (const shown of ["here", "one", "min"]) expect(chart.body).toContain(`>${shown}</text>`);
    for (const hidden of ["gone", "off"]) expect(chart.body).not.toContain(hidden);
  });

  it("escapes labels", () => {
    const chart = lineChart({ ...spec, series: [{ label: "<b>&", xs, ys: xs }] });
    expect(chart.body).toContain(">&lt;b&gt;&amp;</text>");
    expect(chart.body).not.toContain("<b>");
  });
});
