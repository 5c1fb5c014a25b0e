/**
 * What the labs measure on a trainer beyond its diagnostics: the loss and gradient of any batch, the output
 * gradient split by the chain rule, the decision grid and the chain-rule product along a path.
 */
import { encodeTargets } from "../data/datasets.ts";
import type { FloatArray } from "../kernels/float-array.ts";
import type { Workspace } from "../network/mlp.ts";
import type { Trainer } from "../training/trainer.ts";
import { decisionGrid, pathProduct as mlpPathProduct, type GridBounds } from "./probe.ts";

const scratch = new WeakMap<Trainer, Workspace>();

/** A cached workspace of at least n rows for one-off passes (not used by step()). */
function scratchWorkspace(trainer: Trainer, n: number): Workspace {
  let ws = scratch.get(trainer);
  if (!ws || ws.capacity < n) {
    ws = trainer.mlp.workspace(n);
    scratch.set(trainer, ws);
  }
  return ws;
}

/**
 * The loss and every parameter gradient for a batch at the current weights. x: n×2 inputs, labels: n class
 * indices (encoded for the head like training targets). If gradOut is given it receives ∂L/∂θ in the layout
 * of readParameters. Does not step, and does not touch the trainer's diagnostics.
 */
export function lossAndGradient(trainer: Trainer, x: Float64Array, labels: Int32Array, gradOut?: Float64Array): number {
  const n = labels.length;
  if (x.length !== 2 * n) throw new Error(`x must be n×2 = ${2 * n} values for ${n} labels; got ${x.length}.`);
  const mlp = trainer.mlp;
  if (gradOut && gradOut.length !== mlp.grads.length)
    throw new Error(`gradOut must have ${mlp.grads.length} entries; got ${gradOut.length}.`);
  const k = trainer.dataset.classes;
  for (let i = 0; i < n; i++)
    if (!(labels[i]! >= 0 && labels[i]! < k))
      throw new Error(`labels[${i}] must be a class in [0, ${k - 1}]; got ${labels[i]}.`);
  const ws = scratchWorkspace(trainer, n);
  ws.x.set(x);
  encodeTargets(labels, n, mlp.outputs, trainer.config.head === "tanh" ? -1 : 0, ws.y);
  const loss = mlp.lossAndGradient(ws, n);
  if (gradOut) gradOut.set(mlp.grads);
  return loss;
}

/**
 * The output-layer gradient over the training set, split by the chain rule: dLda = ∂L/∂a, dadz = head′(z),
 * dLdz = δ = ∂L/∂z (fused for sigmoid+BCE and softmax+CE in float64; in float32 as PyTorch chains them, see
 * output-gradient32.ts). Each buffer: nTrain × outputs, row-major, in the trainer's precision's values.
 * For elementwise heads dLdz = dLda·dadz up to clamping; for softmax the Jacobian is not diagonal.
 */
export function outputGradientParts(
  trainer: Trainer,
  dLda: Float64Array,
  dadz: Float64Array,
  dLdz: Float64Array,
): void {
  const mlp = trainer.mlp;
  const { n, x, labels } = trainer.dataset.train;
  const m = mlp.outputs;
  for (const [name, buf] of [
    ["dLda", dLda],
    ["dadz", dadz],
    ["dLdz", dLdz],
  ] as const) {
    if (buf.length !== n * m)
      throw new Error(`${name} must hold nTrain × outputs = ${n * m} values; got ${buf.length}.`);
  }
  const ws = scratchWorkspace(trainer, n);
  ws.x.set(x);
  encodeTargets(labels, n, m, trainer.config.head === "tanh" ? -1 : 0, ws.y);
  mlp.forward(ws, n);
  const last = mlp.depth - 1;
  const num = mlp.numerics;
  const [z, a, fp] = [ws.z[last]!, ws.a[last]!, ws.fp[last]!];
  // A float64 network writes straight into the caller's arrays; a float32 one into its own, then copies.
  const into = (out: Float64Array): FloatArray => (mlp.precision === "float64" ? out : num.array(n * m));
  const parts = [into(dLda), into(dLdz)] as const;
  num.lossGradientWrtOutput(mlp.loss, z, a, fp, ws.y, n, m, parts[0]);
  dadz.set(fp.subarray(0, n * m));
  num.outputDelta(mlp.loss, mlp.head, z, a, fp, ws.y, n, m, parts[1]);
  if (parts[0] !== dLda) dLda.set(parts[0]);
  if (parts[1] !== dLdz) dLdz.set(parts[1]);
}

/** Class scores on a size×size grid over bounds (default [−1.25, 1.25]²) into out (size·size·outputs); see decisionGrid in probe.ts. */
export function predictGrid(trainer: Trainer, size: number, out: Float64Array, bounds?: GridBounds): void {
  decisionGrid(trainer.mlp, size, out, bounds);
}

/** Local derivatives f′(z_l[j_{l+1}])·W_l[j_l, j_{l+1}] along a path for input (x0, x1) into factors; returns their product. */
export function pathProduct(
  trainer: Trainer,
  x0: number,
  x1: number,
  path: readonly number[],
  factors: Float64Array,
  fPrime?: Float64Array,
  weights?: Float64Array,
): number {
  return mlpPathProduct(trainer.mlp, x0, x1, path, factors, fPrime, weights);
}
