/**
 * Colours for a decision-boundary map. The grid is gridSize × gridSize cells, row-major, row 0 at the TOP
 * (highest y), column 0 at the left (lowest x); cell (r, c) covers an equal rectangle of the plotted ranges
 * and holds the model's output at its centre (see cellCenters). Binary: one P(class 1) per cell. Three or
 * more classes: `classes` probabilities per cell, class fastest.
 */
import type { Rgb, Rgba } from "./colormap.ts";

/** Opacity of a fully confident cell; lower keeps the points on top readable. */
export const BOUNDARY_MAX_ALPHA = 0.55;

/** The colour token of class i: --color-class-0/1 for two classes, --color-data-1 … 5 (cycling) for three or more. */
export function classToken(i: number, classes: number): string {
  return classes <= 2 ? `--color-class-${i === 1 ? 1 : 0}` : `--color-data-${(i % 5) + 1}`;
}

/** The CSS colour of class i, e.g. "var(--color-class-1)"; see classToken. */
export function classColor(i: number, classes: number): string {
  return `var(${classToken(i, classes)})`;
}

/**
 * What grid cell `cell` shows: its likelier class and an opacity. Binary (classes ≤ 2): p = grid[cell] =
 * P(class 1), label = p ≥ 0.5, alpha = MAX·|2p − 1|, so the boundary p = 0.5 is clear. k ≥ 3: the argmax of
 * grid[cell·k … cell·k + k − 1], alpha = MAX·(p_max − 1/k)/(1 − 1/k). Null if any probability is not finite.
 */
export function boundaryClass(
  grid: ArrayLike<number>,
  cell: number,
  classes: number,
  maxAlpha = BOUNDARY_MAX_ALPHA,
): { label: number; alpha: number } | null {
  const shade = (label: number, confidence: number) => ({
    label,
    alpha: Math.round(maxAlpha * Math.min(1, Math.max(0, confidence)) * 1000) / 1000,
  });
  if (classes <= 2) {
    const p = grid[cell] as number;
    if (!Number.isFinite(p)) return null;
    return shade(p >= 0.5 ? 1 : 0, Math.abs(2 * p - 1));
  }
  let best = 0;
  let pMax = -Infinity;
  for (let k = 0; k < classes; k++) {
    const p = grid[cell * classes + k] as number;
    if (!Number.isFinite(p)) return null;
    if (p > pMax) [best, pMax] = [k, p];
  }
  return shade(best, (pMax - 1 / classes) / (1 - 1 / classes));
}

/** The colour of grid cell `cell`: its class's palette colour with boundaryClass's alpha; transparent without data. */
export function boundaryColor(
  grid: ArrayLike<number>,
  cell: number,
  classes: number,
  palette: readonly Rgb[],
  maxAlpha = BOUNDARY_MAX_ALPHA,
): Rgba {
  const shown = boundaryClass(grid, cell, classes, maxAlpha);
  if (!shown) return [0, 0, 0, 0];
  const c = palette[shown.label % palette.length] ?? [128, 128, 128];
  return [c[0], c[1], c[2], shown.alpha];
}

/**
 * Writes gridSize² RGBA pixels (alpha 0–255, row 0 = top) into `out`, which holds 4·gridSize² bytes; a fully
 * confident cell gets `maxAlpha` (the theme's --boundary-max-alpha).
 */
export function paintBoundary(
  grid: ArrayLike<number>,
  gridSize: number,
  classes: number,
  palette: readonly Rgb[],
  out: Uint8ClampedArray,
  maxAlpha = BOUNDARY_MAX_ALPHA,
): void {
  const n = gridSize * gridSize;
  if (out.length !== 4 * n) throw new RangeError(`out has ${out.length} bytes, need 4·${gridSize}²`);
  const perCell = classes <= 2 ? 1 : classes;
  for (let i = 0; i < n; i++) {
    const c = (i + 1) * perCell <= grid.length ? boundaryColor(grid, i, classes, palette, maxAlpha) : [0, 0, 0, 0];
    out.set([c[0], c[1], c[2], Math.round(c[3] * 255)], 4 * i);
  }
}

/** The centres of the gridSize² cells in grid order (row 0 = top): where a lab evaluates its model. */
export function cellCenters(
  gridSize: number,
  xRange: [number, number],
  yRange: [number, number],
): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(gridSize * gridSize);
  const ys = new Float64Array(gridSize * gridSize);
  const dx = (xRange[1] - xRange[0]) / gridSize;
  const dy = (yRange[1] - yRange[0]) / gridSize;
  for (let r = 0; r < gridSize; r++) {
    for (let c = 0; c < gridSize; c++) {
      xs[r * gridSize + c] = xRange[0] + (c + 0.5) * dx;
      ys[r * gridSize + c] = yRange[1] - (r + 0.5) * dy;
    }
  }
  return { xs, ys };
}

/** The grid's answer at (x, y) from the cell containing it: the likeliest class and its probability; null outside or without data. */
export function predictAt(
  grid: ArrayLike<number>,
  gridSize: number,
  classes: number,
  xRange: [number, number],
  yRange: [number, number],
  x: number,
  y: number,
): { label: number; p: number } | null {
  const c = Math.floor(((x - xRange[0]) / (xRange[1] - xRange[0])) * gridSize);
  const r = Math.floor(((yRange[1] - y) / (yRange[1] - yRange[0])) * gridSize);
  // The top and right edges belong to the last cell.
  const col = c === gridSize && x === xRange[1] ? c - 1 : c;
  const row = r === gridSize && y === yRange[0] ? r - 1 : r;
  if (!(col >= 0 && col < gridSize && row >= 0 && row < gridSize)) return null;
  const cell = row * gridSize + col;
  if (classes <= 2) {
    const p = grid[cell] as number;
    if (!Number.isFinite(p)) return null;
    return p >= 0.5 ? { label: 1, p } : { label: 0, p: 1 - p };
  }
  let best = { label: 0, p: -Infinity };
  for (let k = 0; k < classes; k++) {
    const p = grid[cell * classes + k] as number;
    if (!Number.isFinite(p)) return null;
    if (p > best.p) best = { label: k, p };
  }
  return best;
}
