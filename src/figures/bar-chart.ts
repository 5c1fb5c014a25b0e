/** A grouped bar chart: one group per category (e.g. per layer), one bar per series; y linear or log₁₀. */
import { barDomain, barMarker } from "../plots/bars.ts";
import { labelStride } from "../plots/layout.ts";
import {
  axisTicks,
  drawYAxis,
  drawZeroLines,
  layoutFrame,
  numericAxis,
  xLabel,
  yTickCount,
  type AxisSpec,
  type Box,
} from "./axes.ts";
import type { LegendEntry } from "./legend.ts";
import { el, join, text, type Svg } from "./svg.ts";
import { FONT_SIZE, VIEW_WIDTH, colorClass, textWidth, type DataColor } from "./style.ts";
import type { Chart, TableCell } from "./types.ts";

/** One series: a value per category. */
export interface BarSeries {
  label: string;
  values: ArrayLike<number>;
  color?: DataColor;
}

/** Everything a bar chart shows. On a log axis a value ≤ 0 has no bar; a marker ("0", "—", "<10⁻³⁰") stands in. */
export interface BarChartSpec {
  categories: string[];
  series: BarSeries[];
  x: { label: string };
  y: AxisSpec;
  /** viewBox height (default 300). */
  height?: number;
}

/** Share of a category's width its bars take; the rest separates the groups. */
const GROUP_FILL = 0.8;

/** The classes of series i's bars: solid, then outlined and tinted, in turn, so neighbours differ without colour. */
function barClass(i: number, color?: DataColor): string {
  return `fig-bar ${colorClass(i, color)}${i % 2 === 1 ? " fig-bar-outline" : ""}`;
}

/** Draws the chart; its table has a row per category and a column per series, the values drawn. */
export function barChart(spec: BarChartSpec): Chart {
  const height = spec.height ?? 300;
  const log = spec.y.log === true;
  const domain = barDomain(
    spec.series.map((s) => s.values),
    log,
    spec.y.min,
    spec.y.max,
  );
  const legend: LegendEntry[] = spec.series.map((s, i) => ({
    label: s.label,
    swatch: "box",
    className: barClass(i, s.color),
  }));
  const { box, head } = layoutFrame({
    height,
    legend: spec.series.length > 1 ? legend : [],
    xLabel: spec.x.label,
    yLabel: spec.y.label,
    yTickLabels: (h) => axisTicks(domain, log, yTickCount(h, log)).labels,
  });
  const y = numericAxis(domain, log, box.bottom, box.top, yTickCount(box.bottom - box.top, log));
  const parts: Svg[] = [head, drawYAxis(box, y)];
  const n = spec.categories.length;
  const band = (box.right - box.left) / Math.max(1, n);
  const barWidth = (band * GROUP_FILL) / Math.max(1, spec.series.length);
  // The bars grow from 0 on a linear axis and from the bottom on a log one.
  const base = log ? box.bottom : Math.min(box.bottom, Math.max(box.top, y.scale(0)));
  spec.series.forEach((s, i) => {
    for (let c = 0; c < n; c++) {
      const v = s.values[c] as number;
      const x = box.left + band * c + (band * (1 - GROUP_FILL)) / 2 + barWidth * i;
      parts.push(drawBar(box, x, barWidth, base, y.scale(v), barMarker(v, log, domain[0]), barClass(i, s.color)));
    }
  });
  parts.push(
    drawZeroLines(box, null, y),
    drawCategories(box, spec.categories, band),
    xLabel(box, spec.x.label, height),
  );
  return {
    width: VIEW_WIDTH,
    height,
    body: join(parts),
    table: {
      columns: [spec.x.label, ...spec.series.map((s) => s.label)],
      rows: spec.categories.map((c, k): TableCell[] => [c, ...spec.series.map((s) => s.values[k] as number)]),
    },
  };
}

/** One bar from base to top (clipped to the plot), or its marker text when it cannot be drawn. */
function drawBar(box: Box, x: number, w: number, base: number, top: number, marker: string | null, cls: string): Svg {
  if (marker !== null || !Number.isFinite(top)) {
    return el("text", { class: "fig-tick", x: x + w / 2, y: base - 4, "text-anchor": "middle" }, text(marker ?? "—"));
  }
  const t = Math.min(box.bottom, Math.max(box.top, top));
  const y0 = Math.min(t, base);
  return el("rect", { class: cls, x: x + 1, y: y0, width: Math.max(0, w - 2), height: Math.abs(base - t) });
}

/** Category names under their groups, every k-th when they would collide. */
function drawCategories(box: Box, categories: string[], band: number): Svg {
  const widest = Math.max(0, ...categories.map((c) => textWidth(c)));
  const stride = labelStride(categories.length, box.right - box.left, widest + FONT_SIZE / 2);
  return join(
    categories.flatMap((c, k) =>
      k % stride === 0
        ? [
            el(
              "text",
              {
                class: "fig-tick",
                x: box.left + band * (k + 0.5),
                y: box.bottom + 8 + FONT_SIZE,
                "text-anchor": "middle",
              },
              text(c),
            ),
          ]
        : [],
    ),
  );
}
