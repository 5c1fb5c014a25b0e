/**
 * The reader's numbers for the softmax formula at one training point. The worker sends no per-point
 * probabilities for the multiclass model, so they are read from the decision-boundary grid (the model's
 * exact softmax output at the centre of the grid cell that contains the point; with a 64×64 grid over
 * [−1.25, 1.25]² that centre is at most 0.028 away from the point).
 */
import { predictAt } from "../../src/plots/boundary.ts";

/** The model's class probabilities at the grid cell containing (x, y), and where that cell's centre is. */
export interface CellProbabilities {
  p: number[];
  cx: number;
  cy: number;
}

/**
 * Probabilities p_j (j < classes) at the cell containing (x, y) of a size×size×classes grid over
 * xRange × yRange (row 0 = top). Null outside the grid or when the grid is too short.
 */
export function probabilitiesAt(
  grid: ArrayLike<number>,
  size: number,
  classes: number,
  xRange: [number, number],
  yRange: [number, number],
  x: number,
  y: number,
): CellProbabilities | null {
  if (!(size >= 1) || grid.length < size * size * classes || !predictAt(grid, size, classes, xRange, yRange, x, y))
    return null;
  const dx = (xRange[1] - xRange[0]) / size;
  const dy = (yRange[1] - yRange[0]) / size;
  const col = Math.min(size - 1, Math.floor((x - xRange[0]) / dx));
  const row = Math.min(size - 1, Math.floor((yRange[1] - y) / dy));
  const cell = row * size + col;
  const p = Array.from({ length: classes }, (_, j) => grid[cell * classes + j] as number);
  return { p, cx: xRange[0] + (col + 0.5) * dx, cy: yRange[1] - (row + 0.5) * dy };
}

/** One row of the softmax table: logit z_j, e^{z_j} and p_j = e^{z_j} / Σ_k e^{z_k}. */
export interface SoftmaxRow {
  j: number;
  z: number;
  ez: number;
  p: number;
}

/** The softmax formula filled in with a point's numbers, and its cross-entropy for the target class. */
export interface SoftmaxTable {
  rows: SoftmaxRow[];
  /** Σ_k e^{z_k}. */
  sum: number;
  /** −ln p_target. */
  crossEntropy: number;
}

/** ln p for p ≥ 0, floored at ln(smallest double) so a probability that underflowed to 0 stays finite. */
const safeLog = (p: number): number => Math.log(Math.max(p, Number.MIN_VALUE));

/**
 * Logits that reproduce probabilities p: z_j = ln p_j − max_k ln p_k. Softmax is shift-invariant
 * (adding c to every z_j multiplies numerator and denominator by e^c), so these are the network's logits up
 * to one constant, shifted so the largest is 0 and every e^{z_j} ≤ 1. Then Σ e^{z_k} = 1/p_max and the
 * formula gives back p_j. crossEntropy = −ln p_target = ln Σ e^{z_k} − z_target (the per-point term of
 * nn.CrossEntropyLoss), written without dividing, and with ln Σ = log1p(Σ − 1), so a p_target near 1 keeps its digits.
 */
export function softmaxTable(p: readonly number[], targetClass: number): SoftmaxTable {
  const logs = p.map(safeLog);
  const max = Math.max(...logs);
  const zs = logs.map((l) => l - max);
  const ezs = zs.map(Math.exp);
  const top = zs.indexOf(0);
  // Σ = 1 + (the other terms): ln Σ via log1p keeps its digits when the other terms are tiny.
  const rest = ezs.reduce((s, v, j) => (j === top ? s : s + v), 0);
  const sum = 1 + rest;
  const rows = zs.map((z, j) => ({ j, z, ez: ezs[j]!, p: ezs[j]! / sum }));
  const t = rows[targetClass];
  return { rows, sum, crossEntropy: t ? Math.log1p(rest) - t.z : Number.NaN };
}
