/**
 * The decision boundary as a line: marching squares over the model's grid. A grid is gridSize × gridSize cells
 * (row 0 at the top), each holding the model's output at its centre (see boundary.ts). The boundary between two
 * classes is where a class's margin crosses 0 — binary: p − 0.5, k ≥ 3 classes: p_c − max_{j≠c} p_j — and each
 * square of four neighbouring centres that straddles it gives one segment, its ends placed by linear
 * interpolation along the square's edges, so the line follows the model's outputs smoothly instead of the cells.
 */

/** A segment in grid coordinates: (column, row) of cell centres, fractional (0.5 between two centres). */
export type Segment = [x0: number, y0: number, x1: number, y1: number];

/** The margin of class c at a cell: above 0 where c wins. NaN where any output is not finite. */
function margin(grid: ArrayLike<number>, cell: number, classes: number, c: number): number {
  if (classes <= 2) return (grid[cell] as number) - 0.5;
  let other = -Infinity;
  let own = Number.NaN;
  for (let j = 0; j < classes; j++) {
    const p = grid[cell * classes + j] as number;
    if (!Number.isFinite(p)) return Number.NaN;
    if (j === c) own = p;
    else if (p > other) other = p;
  }
  return own - other;
}

/**
 * The boundary segments of the grid: for two classes the p = 0.5 line; for three or more, the edge of every
 * class's region (each shared edge appears once per side, drawn twice in the same place). Squares with a
 * non-finite output are skipped. O(gridSize² · classes²).
 */
export function boundarySegments(grid: ArrayLike<number>, gridSize: number, classes: number): Segment[] {
  const n = Math.floor(gridSize);
  const perCell = classes <= 2 ? 1 : classes;
  if (n < 2 || grid.length < n * n * perCell) return [];
  const out: Segment[] = [];
  const fields = classes <= 2 ? [0] : Array.from({ length: classes }, (_, c) => c);
  for (const c of fields) {
    const f = (r: number, col: number) => margin(grid, r * n + col, classes, c);
    for (let r = 0; r + 1 < n; r++) {
      for (let col = 0; col + 1 < n; col++) {
        // Corners clockwise from the top left: a (r, col), b (r, col+1), c2 (r+1, col+1), d (r+1, col).
        const a = f(r, col);
        const b = f(r, col + 1);
        const c2 = f(r + 1, col + 1);
        const d = f(r + 1, col);
        if (![a, b, c2, d].every(Number.isFinite)) continue;
        const cuts: [number, number][] = [];
        const edge = (v0: number, v1: number, x0: number, y0: number, x1: number, y1: number) => {
          if (v0 > 0 === v1 > 0) return;
          const t = v0 / (v0 - v1);
          cuts.push([x0 + t * (x1 - x0), y0 + t * (y1 - y0)]);
        };
        edge(a, b, col, r, col + 1, r);
        edge(b, c2, col + 1, r, col + 1, r + 1);
        edge(c2, d, col + 1, r + 1, col, r + 1);
        edge(d, a, col, r + 1, col, r);
        // Two cuts: one segment. Four (a saddle): pair them by the square's mean, the usual disambiguation.
        if (cuts.length === 2) out.push([...cuts[0]!, ...cuts[1]!]);
        else if (cuts.length === 4) {
          const centre = (a + b + c2 + d) / 4 > 0 === a > 0;
          const [p0, p1, p2, p3] = cuts as [[number, number], [number, number], [number, number], [number, number]];
          if (centre) out.push([...p0, ...p1], [...p2, ...p3]);
          else out.push([...p0, ...p3], [...p1, ...p2]);
        }
      }
    }
  }
  return out;
}
