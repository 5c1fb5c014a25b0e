/** A line chart: several series, shaded x-bands, vertical marks, horizontal rules, labelled points; y linear or log₁₀. */
import { spreadIndices } from "../plots/layout.ts";
import {
  axisDomain,
  drawXAxis,
  drawYAxis,
  drawZeroLines,
  layoutFrame,
  numericAxis,
  xTickCount,
  yTickCount,
  axisTicks,
  type AxisSpec,
} from "./axes.ts";
import { drawMark, drawPoint, drawRule, type PointMark } from "./annotations.ts";
import { clippedLinePath } from "./clip.ts";
import type { LegendEntry } from "./legend.ts";
import { el, join, type Svg } from "./svg.ts";
import { VIEW_WIDTH, colorClass, dashArray, textWidth, type DataColor } from "./style.ts";
import type { Chart, FigureTable, TableCell } from "./types.ts";

/** One line: points (xs[i], ys[i]); non-finite points break it. */
export interface LineSeries {
  label: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  color?: DataColor;
  /** An index into DASHES (default: the series' position), so lines differ without colour. */
  dash?: number;
}

/** Everything a line chart shows. The x axis is linear; the y axis linear or log₁₀ (y ≤ 0 is not drawn there). */
export interface LineChartSpec {
  x: AxisSpec & { label: string; log?: false };
  y: AxisSpec;
  series: LineSeries[];
  /** Shaded x-intervals, e.g. where an activation is saturated; bandLabel names them in the legend. */
  bands?: { from: number; to: number }[];
  bandLabel?: string;
  /** Labelled vertical lines at x. */
  marks?: { x: number; label: string }[];
  /** Labelled horizontal lines at y, e.g. a threshold. */
  rules?: { y: number; label: string }[];
  points?: PointMark[];
  /** viewBox height (default 300). */
  height?: number;
  /** Rows of the data table per series (default 17), spread evenly over the points. */
  tableRows?: number;
}

/** Draws the chart described by spec; its table holds a spread of the very points drawn. */
export function lineChart(spec: LineChartSpec): Chart {
  const height = spec.height ?? 300;
  const yLog = spec.y.log === true;
  const xDomain = axisDomain(
    spec.x,
    spec.series.map((s) => s.xs),
  );
  const yDomain = axisDomain(
    spec.y,
    spec.series.map((s) => s.ys),
  );
  const { box, head } = layoutFrame({
    height,
    legend: legendEntries(spec),
    xLabel: spec.x.label,
    yLabel: spec.y.label,
    yTickLabels: (h) => axisTicks(yDomain, yLog, yTickCount(h, yLog)).labels,
  });
  const y = numericAxis(yDomain, yLog, box.bottom, box.top, yTickCount(box.bottom - box.top, yLog));
  const xLabelWidth = Math.max(...axisTicks(xDomain, false, 10).labels.map((s) => textWidth(s)));
  const x = numericAxis(xDomain, false, box.left, box.right, xTickCount(box.right - box.left, xLabelWidth));

  const parts: Svg[] = [head];
  for (const band of spec.bands ?? []) {
    const from = x.scale(Math.max(band.from, xDomain[0]));
    const to = x.scale(Math.min(band.to, xDomain[1]));
    if (Number.isFinite(from) && Number.isFinite(to) && to > from) {
      parts.push(
        el("rect", { class: "fig-band", x: from, y: box.top, width: to - from, height: box.bottom - box.top }),
      );
    }
  }
  parts.push(drawYAxis(box, y), drawXAxis(box, x, spec.x.label, height), drawZeroLines(box, x, y));
  for (const rule of spec.rules ?? []) parts.push(drawRule(box, y.scale(rule.y), rule.label));
  (spec.marks ?? []).forEach((mark, i) => parts.push(drawMark(box, x.scale(mark.x), mark.label, i)));
  spec.series.forEach((s, i) => {
    const d = clippedLinePath(s.xs, s.ys, x.scale, y.scale, box);
    if (d)
      parts.push(
        el("path", { class: `fig-line ${colorClass(i, s.color)}`, d, "stroke-dasharray": dashArray(i, s.dash) }),
      );
  });
  for (const p of spec.points ?? []) parts.push(drawPoint(box, x.scale(p.x), y.scale(p.y), p));
  return { width: VIEW_WIDTH, height, body: join(parts), table: lineTable(spec) };
}

function legendEntries(spec: LineChartSpec): LegendEntry[] {
  const entries: LegendEntry[] = spec.series.map((s, i) => ({
    label: s.label,
    swatch: "line",
    className: `fig-line ${colorClass(i, s.color)}`,
    dash: dashArray(i, s.dash),
  }));
  if (spec.bandLabel && (spec.bands ?? []).length > 0) {
    entries.push({ label: spec.bandLabel, swatch: "box", className: "fig-band" });
  }
  return entries;
}

/** True when every series has the same x values, so one table row can hold them all. */
function sharedXs(series: LineSeries[]): boolean {
  const first = series[0];
  if (!first) return false;
  return series.every(
    (s) =>
      s.xs.length === first.xs.length &&
      s.ys.length === first.xs.length &&
      Array.from(s.xs).every((v, i) => v === first.xs[i]),
  );
}

/**
 * The table: one row per x with a column per series when the series share their xs, else one row per
 * point, series by series. Rows are points of the data drawn (tableRows of them, evenly spread), unrounded.
 */
export function lineTable(spec: LineChartSpec): FigureTable {
  const count = spec.tableRows ?? 17;
  const yName = spec.y.label ?? "y";
  if (sharedXs(spec.series)) {
    const xs = (spec.series[0] as LineSeries).xs;
    return {
      columns: [spec.x.label, ...spec.series.map((s) => s.label)],
      rows: spreadIndices(xs.length, count).map((i): TableCell[] => [
        xs[i] as number,
        ...spec.series.map((s) => s.ys[i] as number),
      ]),
    };
  }
  return {
    columns: ["series", spec.x.label, yName],
    rows: spec.series.flatMap((s) =>
      spreadIndices(Math.min(s.xs.length, s.ys.length), count).map((i): TableCell[] => [
        s.label,
        s.xs[i] as number,
        s.ys[i] as number,
      ]),
    ),
  };
}

export type { LabelPlace, PointMark } from "./annotations.ts";
