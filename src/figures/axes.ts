/** The frame every chart shares: legend and y label on top, a plot box, numeric axes with ticks and grid. */
import { formatDecade, formatNumber } from "../plots/format.ts";
import { linearDomain, linearScale, logDomain, logScale, logTicks, niceTicks } from "../plots/scales.ts";
import { drawLegend, type LegendEntry } from "./legend.ts";
import { el, join, text, type Svg } from "./svg.ts";
import { FONT_SIZE, LINE_HEIGHT, VIEW_WIDTH, textWidth } from "./style.ts";

/** The plot area in viewBox units: x from left to right, y from top (high values) to bottom. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A numeric axis ready to draw: its domain, the data → viewBox map, and the ticks with their labels. */
export interface NumericAxis {
  domain: [number, number];
  log: boolean;
  scale: (v: number) => number;
  ticks: number[];
  labels: string[];
}

/** An axis as a chart spec gives it: a label, optional fixed ends, optionally log₁₀. */
export interface AxisSpec {
  label?: string;
  min?: number;
  max?: number;
  log?: boolean;
}

/** The domain of an axis over `data`: the given ends when valid, else rounded out from the finite data (src/plots/scales). */
export function axisDomain(spec: AxisSpec, data: ArrayLike<number>[]): [number, number] {
  return (spec.log ? logDomain : linearDomain)(spec.min, spec.max, data);
}

/** About `count` ticks over the domain (round numbers; powers of ten on a log axis) with their labels. */
export function axisTicks(
  domain: [number, number],
  log: boolean,
  count: number,
): { ticks: number[]; labels: string[] } {
  const ticks = log ? logTicks(domain[0], domain[1], count) : niceTicks(domain[0], domain[1], count);
  return { ticks, labels: ticks.map((t) => (log ? formatDecade(t) : formatNumber(t))) };
}

/** A numeric axis mapping the domain onto [r0, r1] with about `count` ticks. */
export function numericAxis(
  domain: [number, number],
  log: boolean,
  r0: number,
  r1: number,
  count: number,
): NumericAxis {
  const scale = (log ? logScale : linearScale)(domain[0], domain[1], r0, r1);
  return { domain, log, scale, ...axisTicks(domain, log, count) };
}

/**
 * How many y ticks fit a plot `height` units tall with room between their labels. A log axis asks for
 * more: logTicks keeps every k-th decade, and more room lets k be smaller (every 3rd decade, not every 4th).
 */
export function yTickCount(height: number, log = false): number {
  return Math.max(2, Math.floor(height / (FONT_SIZE * (log ? 1.9 : 2.4))));
}

/** How many x ticks fit `width` units when each label is up to `labelWidth` wide. */
export function xTickCount(width: number, labelWidth: number): number {
  return Math.max(2, Math.min(10, Math.floor(width / (labelWidth + FONT_SIZE))));
}

/** What a frame needs to know: its height, legend, axis labels, and the y tick labels for a plot of a given height. */
export interface FrameSpec {
  height: number;
  legend: readonly LegendEntry[];
  xLabel?: string;
  yLabel?: string;
  yTickLabels: (plotHeight: number) => string[];
}

/** Room under the plot for x tick labels and the x axis label. */
const BOTTOM_TICKS = 8 + FONT_SIZE;
const BOTTOM_LABEL = 6 + FONT_SIZE;

/** Lays the frame out: the legend (full width) and the y label above the plot, the margins round it. */
export function layoutFrame(spec: FrameSpec): { box: Box; head: Svg } {
  const legend = drawLegend(spec.legend, 0, 0, VIEW_WIDTH);
  let top = legend.height;
  const head: Svg[] = [legend.svg];
  if (spec.yLabel) {
    head.push(el("text", { class: "fig-label", x: 0, y: top + FONT_SIZE }, text(spec.yLabel)));
    top += LINE_HEIGHT + 6;
  }
  // Room above the plot for half of the top tick label, which is centred on the top grid line.
  top += 10;
  const bottom = spec.height - BOTTOM_TICKS - (spec.xLabel ? BOTTOM_LABEL : 0) - 4;
  const widest = Math.max(0, ...spec.yTickLabels(bottom - top).map((s) => textWidth(s)));
  return { box: { left: Math.ceil(widest) + 10, top, right: VIEW_WIDTH - 12, bottom }, head: join(head) };
}

/** Horizontal grid lines at the y ticks with their labels left of the plot. */
export function drawYAxis(box: Box, axis: NumericAxis): Svg {
  return join(
    axis.ticks.flatMap((t, i) => {
      const y = axis.scale(t);
      return [
        el("line", { class: "fig-grid", x1: box.left, x2: box.right, y1: y, y2: y }),
        el(
          "text",
          { class: "fig-tick", x: box.left - 6, y: y + FONT_SIZE * 0.35, "text-anchor": "end" },
          text(axis.labels[i] ?? ""),
        ),
      ];
    }),
  );
}

/** Vertical grid lines at the x ticks, their labels under the plot, and the axis label under those. */
export function drawXAxis(box: Box, axis: NumericAxis, label: string | undefined, height: number): Svg {
  const parts = axis.ticks.flatMap((t, i) => {
    const x = axis.scale(t);
    return [
      el("line", { class: "fig-grid", x1: x, x2: x, y1: box.top, y2: box.bottom }),
      el(
        "text",
        { class: "fig-tick", x, y: box.bottom + BOTTOM_TICKS, "text-anchor": "middle" },
        text(axis.labels[i] ?? ""),
      ),
    ];
  });
  if (label) parts.push(xLabel(box, label, height));
  return join(parts);
}

/** The x axis label, centred under the plot. */
export function xLabel(box: Box, label: string, height: number): Svg {
  return el(
    "text",
    { class: "fig-label", x: (box.left + box.right) / 2, y: height - 6, "text-anchor": "middle" },
    text(label),
  );
}

/** Solid axis lines where the other axis's zero falls inside the plot, and the baseline. */
export function drawZeroLines(box: Box, x: NumericAxis | null, y: NumericAxis): Svg {
  const parts: Svg[] = [el("line", { class: "fig-axis", x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom })];
  if (!y.log && y.domain[0] < 0 && y.domain[1] > 0) {
    const y0 = y.scale(0);
    parts.push(el("line", { class: "fig-axis", x1: box.left, x2: box.right, y1: y0, y2: y0 }));
  }
  if (x && !x.log && x.domain[0] < 0 && x.domain[1] > 0) {
    const x0 = x.scale(0);
    parts.push(el("line", { class: "fig-axis", x1: x0, x2: x0, y1: box.top, y2: box.bottom }));
  }
  return join(parts);
}
