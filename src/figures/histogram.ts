/** A histogram: counts in equal bins on [lo, hi] (as the core's histogram() makes them), bars touching. */
import { barDomain } from "../plots/bars.ts";
import {
  axisTicks,
  drawXAxis,
  drawYAxis,
  drawZeroLines,
  layoutFrame,
  numericAxis,
  xTickCount,
  yTickCount,
} from "./axes.ts";
import { el, join, type Svg } from "./svg.ts";
import { VIEW_WIDTH, colorClass, textWidth, type DataColor } from "./style.ts";
import type { Chart, TableCell } from "./types.ts";

/** Everything a histogram shows: bin k covers [lo + k·w, lo + (k+1)·w) with w = (hi − lo)/counts.length. */
export interface HistogramSpec {
  lo: number;
  hi: number;
  counts: ArrayLike<number>;
  x: { label: string };
  y?: { label?: string };
  color?: DataColor;
  /** viewBox height (default 260). */
  height?: number;
}

/** Draws the histogram; its table has a row per bin: from, to, count. Non-finite counts get no bar. */
export function histogramChart(spec: HistogramSpec): Chart {
  const height = spec.height ?? 260;
  const n = spec.counts.length;
  if (!(spec.hi > spec.lo) || !Number.isFinite(spec.lo) || !Number.isFinite(spec.hi)) {
    throw new Error(`histogram needs finite lo < hi; got [${spec.lo}, ${spec.hi}].`);
  }
  const yDomain = barDomain([spec.counts], false);
  const xDomain: [number, number] = [spec.lo, spec.hi];
  const { box, head } = layoutFrame({
    height,
    legend: [],
    xLabel: spec.x.label,
    yLabel: spec.y?.label,
    yTickLabels: (h) => axisTicks(yDomain, false, yTickCount(h)).labels,
  });
  const y = numericAxis(yDomain, false, box.bottom, box.top, yTickCount(box.bottom - box.top));
  const xLabelWidth = Math.max(...axisTicks(xDomain, false, 10).labels.map((s) => textWidth(s)));
  const x = numericAxis(xDomain, false, box.left, box.right, xTickCount(box.right - box.left, xLabelWidth));
  const w = (spec.hi - spec.lo) / Math.max(1, n);
  const parts: Svg[] = [head, drawYAxis(box, y), drawXAxis(box, x, spec.x.label, height)];
  const rows: TableCell[][] = [];
  for (let k = 0; k < n; k++) {
    const from = spec.lo + k * w;
    const to = spec.lo + (k + 1) * w;
    const count = spec.counts[k] as number;
    rows.push([from, to, count]);
    const top = Math.max(box.top, y.scale(count));
    if (!Number.isFinite(count) || count <= 0) continue;
    parts.push(
      el("rect", {
        class: `fig-bar fig-hist ${colorClass(0, spec.color)}`,
        x: x.scale(from),
        y: top,
        width: x.scale(to) - x.scale(from),
        height: box.bottom - top,
      }),
    );
  }
  parts.push(drawZeroLines(box, null, y));
  return {
    width: VIEW_WIDTH,
    height,
    body: join(parts),
    table: { columns: [`${spec.x.label} from`, "to", spec.y?.label ?? "count"], rows },
  };
}
