/**
 * Decision regions of binary classifiers side by side: each panel shades where the model says class 1
 * (P ≥ ½) and where it says class 0, over the square the core's predictGrid covers, with some of the training
 * points on top (class 0 as squares, class 1 as diamonds, so the classes differ without colour). Regions are
 * merged into one path per class of horizontal runs, which keeps a panel to a kilobyte or two.
 */
import { drawLegend } from "./legend.ts";
import { el, join, round1, text, type Svg } from "./svg.ts";
import { LINE_HEIGHT, VIEW_WIDTH, colorClass, type DataColor } from "./style.ts";
import type { Chart, FigureTable } from "./types.ts";

/** One classifier: its P(class 1) on a size × size grid (row 0 = top, as predictGrid writes it) and its points. */
export interface BoundaryPanel {
  title: string;
  grid: ArrayLike<number>;
  size: number;
  /** Points as x₀, x₁ pairs (n × 2, row-major) with their class, 0 or 1. */
  x: ArrayLike<number>;
  labels: ArrayLike<number>;
}

/** Everything the figure shows. */
export interface BoundaryPanelsSpec {
  panels: BoundaryPanel[];
  /** The grid and the points span [−extent, extent]² (the core's GRID_EXTENT). */
  extent: number;
  /** Names of class 0 and class 1 in the legend. */
  classNames: [string, string];
  /** Colours of class 0 and class 1 (data tokens). */
  colors: [DataColor, DataColor];
  table: FigureTable;
}

const GAP = 20;
/** Opacity of a region's shade: light enough for the points on top to read. */
const SHADE = 0.3;
/** Half the side of a point's square (a diamond's half-diagonal is a little more, for the same area). */
const MARK = 2.6;

/** Draws the panels in a row under a legend and their titles; the table is the caller's (the numbers behind them). */
export function boundaryPanels(spec: BoundaryPanelsSpec): Chart {
  const n = spec.panels.length;
  const side = (VIEW_WIDTH - GAP * (n - 1)) / n;
  const legend = drawLegend(
    spec.classNames.map((label, k) => ({
      label,
      swatch: "box",
      className: `fig-point ${colorClass(0, spec.colors[k])}`,
    })),
    0,
    0,
    VIEW_WIDTH,
  );
  const top = legend.height + LINE_HEIGHT + 6;
  const parts: Svg[] = [legend.svg];
  spec.panels.forEach((panel, i) => {
    const left = i * (side + GAP);
    parts.push(
      el("text", { class: "fig-label", x: left, y: top - 8 }, text(panel.title)),
      drawPanel(panel, left, top, side, spec),
    );
  });
  return { width: VIEW_WIDTH, height: top + side + 2, body: join(parts), table: spec.table };
}

/** One panel: two shaded paths (regions), two point paths, and a frame. */
function drawPanel(panel: BoundaryPanel, left: number, top: number, side: number, spec: BoundaryPanelsSpec): Svg {
  const cell = side / panel.size;
  const regions = ["", ""];
  for (let r = 0; r < panel.size; r++) {
    let c = 0;
    while (c < panel.size) {
      const label = classAt(panel, r, c);
      let end = c + 1;
      while (end < panel.size && classAt(panel, r, end) === label) end++;
      if (label !== null) {
        regions[label] +=
          `M${round1(left + c * cell)} ${round1(top + r * cell)}` +
          `h${round1((end - c) * cell)}v${round1(cell)}h${round1(-(end - c) * cell)}z`;
      }
      c = end;
    }
  }
  const points = ["", ""];
  const scale = (v: number): number => ((v + spec.extent) / (2 * spec.extent)) * side;
  for (let i = 0; i < panel.labels.length; i++) {
    const k = panel.labels[i] === 1 ? 1 : 0;
    const px = round1(left + scale(panel.x[2 * i] as number));
    const py = round1(top + side - scale(panel.x[2 * i + 1] as number));
    const d = MARK * 1.3;
    points[k] +=
      k === 0
        ? `M${round1(px - MARK)} ${round1(py - MARK)}h${2 * MARK}v${2 * MARK}h${-2 * MARK}z`
        : `M${px} ${round1(py - d)}l${round1(d)} ${round1(d)} ${round1(-d)} ${round1(d)} ${round1(-d)} ${round1(-d)}z`;
  }
  return join([
    ...regions.flatMap((d, k) =>
      d ? [el("path", { class: `fig-bar ${colorClass(0, spec.colors[k])}`, "fill-opacity": SHADE, d })] : [],
    ),
    ...points.flatMap((d, k) => (d ? [el("path", { class: `fig-point ${colorClass(0, spec.colors[k])}`, d })] : [])),
    el("rect", { class: "fig-axis", fill: "none", x: left, y: top, width: side, height: side }),
  ]);
}

/** The class the panel's model gives cell (r, c): 1 where P(class 1) ≥ ½, 0 below, null where it is not a number. */
function classAt(panel: BoundaryPanel, r: number, c: number): 0 | 1 | null {
  const p = panel.grid[r * panel.size + c] as number;
  return Number.isFinite(p) ? (p >= 0.5 ? 1 : 0) : null;
}
