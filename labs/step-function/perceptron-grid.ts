/**
 * Drawing the perceptron on the main thread: the worker reports only its weights, so its decision
 * regions are computed here from w and b, on the same grid of cell centres the core uses for the
 * network (row 0 = top), and its boundary is the line w₁x + w₂y + b = 0.
 */
import { DEFAULT_GRID_BOUNDS, type GridBounds } from "../../src/core/index.ts";

/**
 * ŷ = H(w₁x + w₂y + b) with H(0) = 0 at the centre of each of size² cells over `bounds`, into out (size²):
 * out[r·size + c] at x = xMin + (c + ½)·(xMax − xMin)/size, y = yMax − (r + ½)·(yMax − yMin)/size.
 * Non-finite weights give 0.5 everywhere (undecided), never NaN. Returns out.
 */
export function perceptronGrid(
  w: readonly [number, number],
  b: number,
  size: number,
  bounds: GridBounds = DEFAULT_GRID_BOUNDS,
  out: Float64Array = new Float64Array(size * size),
): Float64Array {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer; got ${size}.`);
  if (out.length < size * size)
    throw new RangeError(`out holds ${out.length} values; size ${size} needs ${size * size}.`);
  const finite = Number.isFinite(w[0]) && Number.isFinite(w[1]) && Number.isFinite(b);
  const dx = (bounds.xMax - bounds.xMin) / size;
  const dy = (bounds.yMax - bounds.yMin) / size;
  for (let r = 0; r < size; r++) {
    const y = bounds.yMax - (r + 0.5) * dy;
    for (let c = 0; c < size; c++) {
      const x = bounds.xMin + (c + 0.5) * dx;
      out[r * size + c] = finite ? (w[0] * x + w[1] * y + b > 0 ? 1 : 0) : 0.5;
    }
  }
  return out;
}

/** Share of points (x: n×2 row-major) that H(w·x + b) puts in their labelled class. 0 for no points. */
export function ruleAccuracy(
  w: readonly [number, number],
  b: number,
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  const n = labels.length;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const yHat = w[0] * (x[2 * i] as number) + w[1] * (x[2 * i + 1] as number) + b > 0 ? 1 : 0;
    if (yHat === labels[i]) right++;
  }
  return n > 0 ? right / n : 0;
}
