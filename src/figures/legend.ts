/** A legend drawn inside the figure, above the plot, so it scales and prints with it. */
import { el, join, text, type Svg } from "./svg.ts";
import { FONT_SIZE, LINE_HEIGHT, textWidth } from "./style.ts";

/** One legend entry: a short line (a series, a rule) or a small box (bars, a shaded band), drawn with `className`. */
export interface LegendEntry {
  label: string;
  swatch: "line" | "box";
  /** The classes of the mark it stands for, e.g. "fig-line c2" or "fig-band". */
  className: string;
  dash?: string;
}

const SWATCH = 26;
const SWATCH_GAP = 6;
const ENTRY_GAP = 18;

/** The legend laid out from (x, y) in rows no wider than `width`; height 0 when there are no entries. */
export function drawLegend(
  entries: readonly LegendEntry[],
  x: number,
  y: number,
  width: number,
): { svg: Svg; height: number } {
  const parts: Svg[] = [];
  let cx = x;
  let row = 0;
  for (const entry of entries) {
    const w = SWATCH + SWATCH_GAP + textWidth(entry.label);
    if (cx > x && cx + w > x + width) {
      cx = x;
      row += 1;
    }
    const mid = y + row * LINE_HEIGHT + LINE_HEIGHT / 2;
    parts.push(
      entry.swatch === "box"
        ? el("rect", { class: entry.className, x: cx + 4, y: mid - 6, width: SWATCH - 8, height: 12 })
        : el("line", {
            class: entry.className,
            x1: cx,
            x2: cx + SWATCH,
            y1: mid,
            y2: mid,
            "stroke-dasharray": entry.dash,
          }),
      el("text", { class: "fig-label", x: cx + SWATCH + SWATCH_GAP, y: mid + FONT_SIZE * 0.35 }, text(entry.label)),
    );
    cx += w + ENTRY_GAP;
  }
  return { svg: join(parts), height: entries.length === 0 ? 0 : (row + 1) * LINE_HEIGHT };
}
