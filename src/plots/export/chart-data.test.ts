import { describe, expect, it } from "vitest";
import { chartTable } from "./chart-data.ts";
import { toCsv } from "./csv.ts";

describe("chartTable (what a chart's CSV holds)", () => {
  it("line: every point of every series, not the few the on-screen table shows", () => {
    const xs = Array.from({ length: 500 }, (_, i) => i);
    const t = chartTable({
      kind: "line",
      title: "Loss",
      xLabel: "step",
      yLabel: "loss",
      series: [
        { label: "train", xs, ys: xs.map((x) => 1 / (x + 1)), color: "" },
        { label: "test", xs: [0, 1], ys: [0.5, Number.NaN], color: "" },
      ],
    });
    expect(t.columns).toEqual(["series", "step", "loss"]);
    expect(t.rows).toHaveLength(502);
    expect(t.rows[3]).toEqual(["train", 3, 0.25]);
    expect(toCsv(t.columns, t.rows).endsWith("test,1,\r\n")).toBe(true);
  });

  it("bars: one row per layer, with the pinned run's column when there is one", () => {
    const t = chartTable({
      kind: "bars",
      title: "g",
      labels: ["L1", "L2", "out"],
      values: new Float64Array([1e-12, 0, 3]),
      overlay: [2, 2],
      valueLabel: "now",
      overlayLabel: "pinned",
    });
    expect(t).toEqual({
      columns: ["layer", "now", "pinned"],
      rows: [
        ["L1", 1e-12, 2],
        ["L2", 0, 2],
        ["out", 3, Number.NaN],
      ],
    });
  });

  it("units: a row per unit with its state and the step it went off", () => {
    const t = chartTable({
      kind: "units",
      title: "u",
      off: "dead",
      layers: [{ label: "L1", states: [-1, 12], kinds: ["alive", "dead"] }],
    });
    expect(t.rows).toEqual([
      ["L1", 1, "alive", null],
      ["L1", 2, "dead", 12],
    ]);
  });

  it("boundary: each point with its set, class name and the model's answer read from the grid", () => {
    // A 2 × 2 grid over [−1, 1]², one output (binary): p = 0.9 everywhere (class 1).
    const t = chartTable({
      kind: "boundary",
      title: "b",
      grid: [0.9, 0.9, 0.9, 0.9],
      gridSize: 2,
      classes: 2,
      xRange: [-1, 1],
      yRange: [-1, 1],
      points: { x: [0.5], y: [-0.5], label: [0] },
      testPoints: { x: [0], y: [0], label: [1] },
      names: ["left", "right"],
    });
    expect(t.columns).toEqual(["set", "x", "y", "class", "model's class", "its probability"]);
    expect(t.rows.map((r) => r.slice(0, 5))).toEqual([
      ["train", 0.5, -0.5, "left", "right"],
      ["test", 0, 0, "right", "right"],
    ]);
  });

  it("heatmap: one row per step, one column per row of the map; a table: its cells, '—' as empty", () => {
    const h = chartTable({
      kind: "heatmap",
      title: "h",
      rows: ["L1", "L2"],
      columns: 2,
      values: [1, 2, 3, 4],
      steps: [10, 20],
      xLabel: "step",
      log: true,
      domain: [1, 4],
    });
    expect(h).toEqual({
      columns: ["step", "L1", "L2"],
      rows: [
        [10, 1, 3],
        [20, 2, 4],
      ],
    });
    expect(chartTable({ kind: "table", title: "t", columns: ["a", "b"], rows: [["x", "—"]] }).rows).toEqual([
      ["x", null],
    ]);
  });
});
