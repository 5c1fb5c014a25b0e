/** Annotations on a plot: labelled vertical marks, horizontal rules and points, each skipped when outside the box. */
import type { Box } from "./axes.ts";
import { el, join, text, type Svg } from "./svg.ts";
import { FONT_SIZE, colorClass, type DataColor } from "./style.ts";

/** Where a point's label sits relative to the point. */
export type LabelPlace = "left" | "right" | "above-left" | "above-right" | "below-left" | "below-right";

/** A labelled point, e.g. a maximum. */
export interface PointMark {
  x: number;
  y: number;
  label: string;
  color?: DataColor;
  /** Where the label goes (default: right of the point in the plot's left half, left of it in the right half). */
  place?: LabelPlace;
}

const inside = (v: number, lo: number, hi: number): boolean => Number.isFinite(v) && v >= lo && v <= hi;

/** A dotted horizontal line across the plot, labelled at its right end (above it, or below near the top). */
export function drawRule(box: Box, y: number, label: string): Svg {
  if (!inside(y, box.top, box.bottom)) return "" as Svg;
  const below = y - box.top < FONT_SIZE + 4;
  return join([
    el("line", { class: "fig-rule", x1: box.left, x2: box.right, y1: y, y2: y }),
    el(
      "text",
      { class: "fig-label fig-halo", x: box.right - 4, y: below ? y + FONT_SIZE + 2 : y - 5, "text-anchor": "end" },
      text(label),
    ),
  ]);
}

/** A dashed vertical line at x, labelled at the top, towards the middle of the plot; labels alternate rows. */
export function drawMark(box: Box, x: number, label: string, i: number): Svg {
  if (!inside(x, box.left, box.right)) return "" as Svg;
  const right = x > (box.left + box.right) / 2;
  return join([
    el("line", { class: "fig-mark", x1: x, x2: x, y1: box.top, y2: box.bottom }),
    el(
      "text",
      {
        class: "fig-label fig-halo",
        x: x + (right ? -4 : 4),
        y: box.top + FONT_SIZE + (i % 2) * (FONT_SIZE + 4),
        "text-anchor": right ? "end" : "start",
      },
      text(label),
    ),
  ]);
}

/** A dot at (x, y) with its label beside it, above or below it. */
export function drawPoint(box: Box, x: number, y: number, p: PointMark): Svg {
  if (!inside(x, box.left, box.right) || !inside(y, box.top, box.bottom)) return "" as Svg;
  const place = p.place ?? (x > (box.left + box.right) / 2 ? "left" : "right");
  const left = place.endsWith("left");
  const beside = place === "left" || place === "right";
  const dy = beside ? FONT_SIZE * 0.35 : place.startsWith("above") ? -10 : FONT_SIZE + 6;
  return join([
    el("circle", { class: `fig-point ${colorClass(0, p.color)}`, cx: x, cy: y, r: 4.5 }),
    el(
      "text",
      {
        class: "fig-label fig-halo",
        x: x + (beside ? 9 : 2) * (left ? -1 : 1),
        y: y + dy,
        "text-anchor": left ? "end" : "start",
      },
      text(p.label),
    ),
  ]);
}
