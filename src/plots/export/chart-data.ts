/**
 * What a chart hands its Export menu: its kind and the numbers it draws, as its props hold them (the menu reads
 * them only when used). chartTable turns them into the CSV's columns and rows: every point the chart has (not
 * the few dozen its on-screen table shows), numbers as they are.
 */
import { predictAt } from "../boundary.ts";
import type { OffWord } from "../unit-grid.ts";
import type { LabelledPoints, PlotSeries } from "../types.ts";
import type { CsvCell } from "./csv.ts";

/** A chart's data, by kind. Every kind has the chart's title (its accessible name, and the file's name). */
export type ChartData =
  | { kind: "line"; title: string; series: PlotSeries[]; xLabel: string; yLabel: string }
  | {
      kind: "bars";
      title: string;
      labels: string[];
      values: ArrayLike<number>;
      overlay: ArrayLike<number> | null;
      valueLabel: string;
      overlayLabel: string;
    }
  | {
      kind: "units";
      title: string;
      /** Each layer's units: the step since which each is off (−1: alive) and its state as the grid draws it. */
      layers: { label: string; states: ArrayLike<number>; kinds: string[] }[];
      off: OffWord;
    }
  | {
      kind: "boundary";
      title: string;
      grid: ArrayLike<number>;
      gridSize: number;
      classes: number;
      xRange: [number, number];
      yRange: [number, number];
      points: LabelledPoints;
      testPoints: LabelledPoints | null;
      names: string[];
    }
  | {
      kind: "heatmap";
      title: string;
      rows: string[];
      columns: number;
      values: ArrayLike<number>;
      steps: ArrayLike<number>;
      xLabel: string;
      log: boolean;
      /** The colour scale's ends, as the chart draws them. */
      domain: [number, number];
    }
  | { kind: "probabilities"; title: string; labels: string[]; probabilities: ArrayLike<number>; target: number | null }
  | { kind: "table"; title: string; columns: string[]; rows: (string | number)[][] };

/** A table: column names and rows of cells. */
export interface Table {
  columns: string[];
  rows: CsvCell[][];
}

/** The chart's data as a table, for CSV. */
export function chartTable(d: ChartData): Table {
  switch (d.kind) {
    case "line":
      return {
        columns: ["series", d.xLabel, d.yLabel],
        rows: d.series.flatMap((s) => {
          const n = Math.min(s.xs.length, s.ys.length);
          return Array.from({ length: n }, (_, i) => [s.label, s.xs[i] as number, s.ys[i] as number]);
        }),
      };
    case "bars":
      return {
        columns: d.overlay ? ["layer", d.valueLabel, d.overlayLabel] : ["layer", d.valueLabel],
        rows: d.labels.map((l, i) => [l, at(d.values, i), ...(d.overlay ? [at(d.overlay, i)] : [])]),
      };
    case "units":
      return {
        columns: ["layer", "unit", "state", `${d.off} since step`],
        rows: d.layers.flatMap((l) =>
          l.kinds.map((state, i) => [
            l.label,
            i + 1,
            state === "unknown" ? null : state,
            state === d.off ? (l.states[i] as number) : null,
          ]),
        ),
      };
    case "boundary": {
      const rows: CsvCell[][] = [];
      for (const [set, p] of [
        ["train", d.points],
        ["test", d.testPoints],
      ] as const) {
        const n = p ? Math.min(p.x.length, p.y.length, p.label.length) : 0;
        for (let i = 0; i < n; i++) {
          const [x, y, c] = [p!.x[i] as number, p!.y[i] as number, p!.label[i] as number];
          const guess = predictAt(d.grid, d.gridSize, d.classes, d.xRange, d.yRange, x, y);
          rows.push([set, x, y, d.names[c] ?? String(c), guess ? d.names[guess.label]! : null, guess?.p ?? null]);
        }
      }
      return { columns: ["set", "x", "y", "class", "model's class", "its probability"], rows };
    }
    case "heatmap":
      return {
        columns: [d.xLabel, ...d.rows],
        rows: Array.from({ length: Math.max(0, Math.floor(d.columns)) }, (_, j) => [
          j < d.steps.length ? (d.steps[j] as number) : j,
          ...d.rows.map((_, r) => at(d.values, r * d.columns + j)),
        ]),
      };
    case "probabilities":
      return {
        columns: ["class", "probability", "target"],
        rows: d.labels.map((l, i) => [l, at(d.probabilities, i), i === d.target ? "yes" : "no"]),
      };
    case "table":
      return { columns: d.columns, rows: d.rows.map((r) => r.map((v) => (v === "—" ? null : v))) };
  }
}

/** a[i], or NaN past its end (an empty cell). */
function at(a: ArrayLike<number>, i: number): number {
  return i < a.length ? (a[i] as number) : Number.NaN;
}
