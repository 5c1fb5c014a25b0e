/** The shapes a figure is made of: a chart (drawing + data table) and a figure definition. */
import type { Drawing } from "./svg.ts";

/** A cell of a data table: a number (formatted when shown) or text. */
export type TableCell = string | number;

/** The numbers behind a figure, shown in a table under it. The first column heads each row. */
export interface FigureTable {
  columns: string[];
  rows: TableCell[][];
}

/** What a chart primitive returns: its drawing, and the data it drew as a table. */
export interface Chart extends Drawing {
  table: FigureTable;
}

/**
 * A figure a lesson shows with <ComputedFigure id="…" />. build() runs at build time (in Node) and
 * computes everything it draws from the core, so the figure stays true when the code changes.
 */
export interface FigureDefinition {
  /** Kebab-case, unique: what the lesson writes. */
  id: string;
  /** A short name: the data table's caption. */
  title: string;
  /** What to notice, in a sentence or two. */
  caption: string;
  /** What the picture shows, for a reader who cannot see it: the shapes, the axes, the values that matter. */
  alt: string;
  build(): Chart;
}
