/**
 * Coarse SVG stand-ins for the canvas charts, drawn in the server-rendered HTML so that readers without
 * JavaScript, print previews and the first paint see the chart's picture rather than an empty frame.
 * Cells are sampled onto a grid of at most `maxCells` a side and merged into horizontal runs of one
 * colour, which keeps the markup a few kilobytes.
 */
import { boundaryClass } from "./boundary.ts";
import type { Rgb } from "./colormap.ts";
import { viridis } from "./colormap.ts";
import { colorPosition } from "./heatmap.ts";

/** One horizontal run of equal cells on a coarse grid: row, first column, length, and what fills it. */
export interface Run<Fill> {
  row: number;
  col: number;
  length: number;
  fill: Fill;
}

/** A coarse picture: `columns` × `rows` cells and the runs that are not empty. */
export interface CoarseGrid<Fill> {
  columns: number;
  rows: number;
  runs: Run<Fill>[];
}

/** Opacity levels a fallback region can take: 0.1 steps keep runs long without visible banding. */
const ALPHA_STEP = 0.1;

/** Merges each row's cells into runs of equal fills (null = nothing drawn). `fillAt(r, c)` is called once per cell. */
function runsOf<Fill>(
  rows: number,
  columns: number,
  fillAt: (r: number, c: number) => Fill | null,
  same: (a: Fill, b: Fill) => boolean,
): Run<Fill>[] {
  const runs: Run<Fill>[] = [];
  for (let r = 0; r < rows; r++) {
    let open: Run<Fill> | null = null;
    for (let c = 0; c < columns; c++) {
      const fill = fillAt(r, c);
      if (fill !== null && open && same(open.fill, fill)) {
        open.length++;
        continue;
      }
      open = fill === null ? null : { row: r, col: c, length: 1, fill };
      if (open) runs.push(open);
    }
  }
  return runs;
}

/** The source index that coarse cell i of n samples from a line of `size` cells: the centre of its span. */
const sampleAt = (i: number, n: number, size: number): number => Math.min(size - 1, Math.floor(((i + 0.5) * size) / n));

/**
 * Decision regions on a coarse grid: gridSize × gridSize cells (row 0 = top, see boundary.ts) sampled onto
 * m × m with m = min(gridSize, maxCells); each run is filled with its likelier class and an opacity
 * rounded to 0.1 (boundaryClass's confidence). Cells without a finite probability are left empty.
 */
export function boundaryRuns(
  grid: ArrayLike<number>,
  gridSize: number,
  classes: number,
  maxCells = 24,
): CoarseGrid<{ label: number; alpha: number }> {
  const n = Math.max(0, Math.floor(gridSize));
  const perCell = classes <= 2 ? 1 : classes;
  const m = Math.min(n, Math.max(1, Math.floor(maxCells)));
  if (n === 0 || grid.length < n * n * perCell) return { columns: m, rows: m, runs: [] };
  const runs = runsOf(
    m,
    m,
    (r, c) => {
      const cell = boundaryClass(grid, sampleAt(r, m, n) * n + sampleAt(c, m, n), classes);
      if (!cell) return null;
      const alpha = Math.round(cell.alpha / ALPHA_STEP) * ALPHA_STEP;
      return alpha > 0 ? { label: cell.label, alpha: Number(alpha.toFixed(1)) } : null;
    },
    (a, b) => a.label === b.label && a.alpha === b.alpha,
  );
  return { columns: m, rows: m, runs };
}

/**
 * A rows × columns heatmap (row-major values, see heatmap.ts) on at most `maxColumns` columns: each run is
 * filled with viridis at the sampled value's position in `domain`, or null where the value is missing.
 */
export function heatmapRuns(
  values: ArrayLike<number>,
  rows: number,
  columns: number,
  domain: [number, number],
  log: boolean,
  maxColumns = 60,
): CoarseGrid<Rgb | null> {
  const cols = Math.max(0, Math.floor(columns));
  const m = Math.min(cols, Math.max(1, Math.floor(maxColumns)));
  const runs = runsOf<Rgb | null>(
    rows,
    m,
    (r, c) => {
      const i = r * cols + sampleAt(c, m, cols);
      const t = colorPosition(i < values.length ? (values[i] as number) : Number.NaN, domain[0], domain[1], log);
      return Number.isNaN(t) ? null : viridis(t);
    },
    (a, b) => a !== null && b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
  );
  return { columns: m, rows, runs };
}

/** One SVG path per distinct fill: the union of that fill's runs in grid units (x = column, y = row). */
export function runPaths<Fill>(grid: CoarseGrid<Fill>, key: (fill: Fill) => string): { fill: Fill; d: string }[] {
  const paths = new Map<string, { fill: Fill; d: string }>();
  for (const run of grid.runs) {
    const k = key(run.fill);
    const path = paths.get(k) ?? { fill: run.fill, d: "" };
    // One path per fill, so abutting runs are painted once and anti-aliasing leaves no seams between rows.
    path.d += `M${run.col} ${run.row}h${run.length}v1h-${run.length}z`;
    paths.set(k, path);
  }
  return [...paths.values()];
}

/**
 * Points grouped by class for the fallback, in drawing coordinates rounded to whole pixels (a stand-in
 * needs no more): `toX`/`toY` map data to pixels; points with a non-finite position are skipped; a label
 * outside 0…classes−1 is drawn as class 0, like the canvas does.
 */
export function pointsByClass(
  points: { x: ArrayLike<number>; y: ArrayLike<number>; label: ArrayLike<number> } | null,
  classes: number,
  toX: (x: number) => number,
  toY: (y: number) => number,
): { label: number; at: [number, number][] }[] {
  if (!points) return [];
  const groups = new Map<number, [number, number][]>();
  const n = Math.min(points.x.length, points.y.length, points.label.length);
  for (let i = 0; i < n; i++) {
    const [x, y, c] = [toX(points.x[i] as number), toY(points.y[i] as number), points.label[i] as number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const label = Number.isInteger(c) && c >= 0 ? c % Math.max(1, classes) : 0;
    groups.set(label, [...(groups.get(label) ?? []), [Math.round(x), Math.round(y)]]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([label, at]) => ({ label, at }));
}
