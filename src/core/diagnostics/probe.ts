/** Looking inside a trained network without training it: the decision-boundary grid and one path's chain-rule factors. */
import { DEFAULT_GRID_BOUNDS, type GridBounds } from "../data/grid.ts";
import { LIMITS } from "../limits.ts";
import type { Mlp, Workspace } from "../network/mlp.ts";
import { classScores } from "../network/predict.ts";

export { DEFAULT_GRID_BOUNDS, GRID_EXTENT, type GridBounds } from "../data/grid.ts";

const CHUNK = 256;
const probes = new WeakMap<Mlp, Workspace>();

/** A small workspace per network, made on first use and reused. */
function probeWorkspace(mlp: Mlp): Workspace {
  let ws = probes.get(mlp);
  if (!ws) {
    ws = mlp.workspace(CHUNK);
    probes.set(mlp, ws);
  }
  return ws;
}

/**
 * Class scores on a size×size grid of cell centres over `bounds`, into out (size·size·m, m = outputs):
 * out[((r·size + c)·m + j] is the score of class j (or of class 1 when m = 1) at
 * x = xMin + (c + ½)·(xMax − xMin)/size, y = yMax − (r + ½)·(yMax − yMin)/size (row 0 is the top).
 * Scores are in [0, 1] and never NaN (see classScores).
 */
export function decisionGrid(
  mlp: Mlp,
  size: number,
  out: Float64Array,
  bounds: GridBounds = DEFAULT_GRID_BOUNDS,
): void {
  const m = mlp.outputs;
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.maxGrid)
    throw new Error(`grid size must be an integer in [1, ${LIMITS.maxGrid}]; got ${size}.`);
  if (out.length < size * size * m)
    throw new Error(`grid buffer holds ${out.length} values; size ${size} with ${m} outputs needs ${size * size * m}.`);
  if (!(bounds.xMax > bounds.xMin && bounds.yMax > bounds.yMin))
    throw new Error(`grid bounds must have xMax > xMin and yMax > yMin; got ${JSON.stringify(bounds)}.`);
  const ws = probeWorkspace(mlp);
  const last = mlp.depth - 1;
  const dx = (bounds.xMax - bounds.xMin) / size;
  const dy = (bounds.yMax - bounds.yMin) / size;
  const total = size * size;
  for (let start = 0; start < total; start += CHUNK) {
    const n = Math.min(CHUNK, total - start);
    for (let i = 0; i < n; i++) {
      const cell = start + i;
      const r = Math.floor(cell / size);
      const c = cell - r * size;
      ws.x[2 * i] = bounds.xMin + (c + 0.5) * dx;
      ws.x[2 * i + 1] = bounds.yMax - (r + 0.5) * dy;
    }
    mlp.forward(ws, n);
    classScores(mlp.head, mlp.loss, ws.a[last]!, n, m, out, start * m);
  }
}

/**
 * The chain rule along one path for input (x0, x1): path[0] is an input index, path[l + 1] a unit of layer l.
 * factors[l] = f′(z_l[path[l+1]])·W_l[path[l], path[l+1]] (head′ for the last layer; p(1 − p) for softmax),
 * the local derivative ∂a_l[j_{l+1}]/∂a_{l−1}[j_l]. Optional fPrime/weights receive the two parts. Returns Π factors.
 */
export function pathProduct(
  mlp: Mlp,
  x0: number,
  x1: number,
  path: readonly number[],
  factors: Float64Array,
  fPrime?: Float64Array,
  weights?: Float64Array,
): number {
  const D = mlp.depth;
  if (path.length !== D + 1)
    throw new Error(`path must list ${D + 1} indices (an input, then one unit per layer); got ${path.length}.`);
  path.forEach((j, l) => {
    if (!Number.isInteger(j) || j < 0 || j >= mlp.sizes[l]!)
      throw new Error(`path[${l}] must be an integer in [0, ${mlp.sizes[l]! - 1}]; got ${j}.`);
  });
  if (factors.length < D) throw new Error(`factors must hold ${D} values; got ${factors.length}.`);
  const ws = probeWorkspace(mlp);
  ws.x[0] = x0;
  ws.x[1] = x1;
  mlp.forward(ws, 1);
  let product = 1;
  for (let l = 0; l < D; l++) {
    const from = path[l]!;
    const to = path[l + 1]!;
    const fp = ws.fp[l]![to]!;
    const w = mlp.W[l]![from * mlp.sizes[l + 1]! + to]!;
    factors[l] = fp * w;
    if (fPrime) fPrime[l] = fp;
    if (weights) weights[l] = w;
    product *= fp * w;
  }
  return product;
}
