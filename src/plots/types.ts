/** One line on a plot: plain numbers and a colour token name, nothing about where they came from. */
export interface PlotSeries {
  label: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** A CSS colour, normally a data token such as "var(--color-data-1)". */
  color: string;
  dashed?: boolean;
}

/** A shaded x-interval, e.g. where an activation is saturated. */
export interface PlotBand {
  from: number;
  to: number;
}

/** A labelled vertical line at x: something that happened to the run there (e.g. "shock" at step 101). */
export interface PlotMark {
  x: number;
  label: string;
}

/** A closed numeric interval for an axis. */
export interface AxisSpec {
  min: number;
  max: number;
  label: string;
}

/** One entry of a plot legend: a label and how its mark is drawn, in a CSS colour (normally a token). */
export interface LegendItem {
  label: string;
  color: string;
  mark?: "line" | "dashed" | "box" | "hollow" | "dot" | "ring" | "cross";
}

/** Labelled 2-D points, one entry per point in each column: x, y and the class label (0, 1, …). */
export interface LabelledPoints {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  label: ArrayLike<number>;
}
