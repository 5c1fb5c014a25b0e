/** Sizes and series styles every figure shares, in viewBox units (the CSS in figure.css gives them colour). */

/** Width of every figure's viewBox; CSS shows it between 328 px (a 360 px phone's column) and FIGURE_MAX_PX. */
export const VIEW_WIDTH = 440;

/** Text size: 15 units are 11.2 px at 328 px wide, the narrowest a figure is shown. */
export const FONT_SIZE = 15;

/** One line of text: legend rows, the axis labels. */
export const LINE_HEIGHT = 20;

/**
 * Average advance of a character as a share of the font size. Generous for a sans-serif (digits are
 * about 0.55), so a label measured with it fits where it is placed.
 */
const CHAR_WIDTH = 0.6;

/** The width a label takes at `size`, estimated: figures are drawn in Node, where no font can be measured. */
export function textWidth(s: string, size = FONT_SIZE): number {
  return [...s].length * CHAR_WIDTH * size;
}

/** A series colour: the n-th data token, --color-data-n, applied through the class cn. */
export type DataColor = 1 | 2 | 3 | 4 | 5;

/** Dash patterns in turn, so series differ without colour (colour-blind readers, black-and-white print). */
export const DASHES: readonly string[] = ["", "8 4", "2 4", "12 4 2 4", "5 2"];

/** The class that gives a mark the colour `color` (default: by position i, 1 to 5 in turn). */
export function colorClass(i: number, color?: DataColor): string {
  return `c${color ?? (i % 5) + 1}`;
}

/** The dash pattern of series i (dash: an index into DASHES, default i), or undefined for a solid line. */
export function dashArray(i: number, dash?: number): string | undefined {
  return DASHES[(dash ?? i) % DASHES.length] || undefined;
}
