/** A small heatmap: a grid of labelled cells coloured by value through viridis, with a colour key. */
import { viridis, rgbCss } from "../plots/colormap.ts";
import { formatNumber } from "../plots/format.ts";
import { labelStride } from "../plots/layout.ts";
import { finiteExtent } from "../plots/scales.ts";
import { el, join, text, type Svg } from "./svg.ts";
import { FONT_SIZE, LINE_HEIGHT, VIEW_WIDTH, textWidth } from "./style.ts";
import type { Chart, TableCell } from "./types.ts";

/** Everything a heatmap shows: values[r·columns.length + c] is the cell in row r, column c. */
export interface HeatmapSpec {
  rows: string[];
  columns: string[];
  values: ArrayLike<number>;
  /** What the rows, the columns and the colours stand for. */
  rowLabel: string;
  columnLabel: string;
  valueLabel: string;
  /** Colour scale ends (default: the finite data's extent). */
  min?: number;
  max?: number;
}

const KEY_STEPS = 10;

/**
 * Draws the heatmap. Viridis is the one colour scale outside the theme's tokens: it reads the same on a
 * light and a dark page and in greyscale print. A non-finite value is an empty, outlined cell.
 */
export function heatmap(spec: HeatmapSpec): Chart {
  const nr = spec.rows.length;
  const nc = spec.columns.length;
  if (spec.values.length !== nr * nc) {
    throw new Error(`heatmap: ${nr}×${nc} cells need ${nr * nc} values; got ${spec.values.length}.`);
  }
  const ext = finiteExtent([spec.values]) ?? [0, 1];
  const lo = Number.isFinite(spec.min) ? (spec.min as number) : ext[0];
  const hi = Number.isFinite(spec.max) && (spec.max as number) > lo ? (spec.max as number) : Math.max(ext[1], lo);
  const t = (v: number): number => (hi > lo ? (v - lo) / (hi - lo) : 0.5);

  const parts: Svg[] = [drawKey(spec.valueLabel, lo, hi)];
  const top = 2 * LINE_HEIGHT + 10;
  const left = Math.ceil(Math.max(0, ...spec.rows.map((r) => textWidth(r)))) + 10;
  const cell = Math.min(48, (VIEW_WIDTH - left - 4) / Math.max(1, nc));
  const gridBottom = top + cell * nr;
  const height = gridBottom + 8 + FONT_SIZE + 6 + LINE_HEIGHT;
  for (let r = 0; r < nr; r++) {
    parts.push(
      el(
        "text",
        { class: "fig-tick", x: left - 6, y: top + cell * (r + 0.5) + FONT_SIZE * 0.35, "text-anchor": "end" },
        text(spec.rows[r] as string),
      ),
    );
    for (let c = 0; c < nc; c++) {
      const v = spec.values[r * nc + c] as number;
      const at = { x: left + c * cell, y: top + r * cell, width: cell - 1, height: cell - 1 };
      parts.push(
        Number.isFinite(v)
          ? el("rect", { class: "fig-cell", ...at, fill: rgbCss(viridis(t(v))) })
          : el("rect", { class: "fig-cell fig-missing", ...at }),
      );
    }
  }
  const stride = labelStride(nc, cell * nc, Math.max(0, ...spec.columns.map((c) => textWidth(c))) + FONT_SIZE / 2);
  spec.columns.forEach((c, k) => {
    if (k % stride === 0) {
      parts.push(
        el(
          "text",
          { class: "fig-tick", x: left + cell * (k + 0.5), y: gridBottom + 8 + FONT_SIZE, "text-anchor": "middle" },
          text(c),
        ),
      );
    }
  });
  parts.push(
    el(
      "text",
      { class: "fig-label", x: left + (cell * nc) / 2, y: height - 6, "text-anchor": "middle" },
      text(spec.columnLabel),
    ),
    el("text", { class: "fig-label", x: 0, y: top - 8 }, text(spec.rowLabel)),
  );
  return {
    width: VIEW_WIDTH,
    height,
    body: join(parts),
    table: {
      columns: [spec.rowLabel, ...spec.columns],
      rows: spec.rows.map((r, i): TableCell[] => [
        r,
        ...Array.from({ length: nc }, (_, c) => spec.values[i * nc + c] as number),
      ]),
    },
  };
}

/** The colour key on the first line: "label: lo ▮▮▮▮ hi", KEY_STEPS swatches from low to high. */
function drawKey(label: string, lo: number, hi: number): Svg {
  const parts: Svg[] = [];
  const y = FONT_SIZE;
  const head = `${label}: ${formatNumber(lo)}`;
  parts.push(el("text", { class: "fig-label", x: 0, y }, text(head)));
  let x = textWidth(head) + 6;
  for (let k = 0; k < KEY_STEPS; k++) {
    parts.push(el("rect", { x, y: y - 11, width: 10, height: 12, fill: rgbCss(viridis(k / (KEY_STEPS - 1))) }));
    x += 10;
  }
  parts.push(el("text", { class: "fig-label", x: x + 6, y }, text(formatNumber(hi))));
  return join(parts);
}
