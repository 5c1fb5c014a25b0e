/**
 * Reading and writing an Mlp's parameters as plain Float64Arrays, shapes checked loudly. A float32 network's
 * values are read as the exact doubles of its float32 values, and what is written is rounded to float32.
 */
import type { FloatArray } from "../kernels/float-array.ts";
import type { Mlp } from "./mlp.ts";

/** A Float64Array copy of v (a float32 network's values widen exactly). */
function copy(v: FloatArray): Float64Array {
  return v instanceof Float64Array ? v.slice() : Float64Array.from(v);
}

/** One weight layer's parameters: W is rows×cols (inputs × outputs, row-major), b has cols entries. */
export interface LayerParameters {
  readonly rows: number;
  readonly cols: number;
  readonly W: Float64Array;
  readonly b: Float64Array;
}

function checkLayer(mlp: Mlp, l: number): void {
  if (!Number.isInteger(l) || l < 0 || l >= mlp.depth)
    throw new Error(`layer must be an integer in [0, ${mlp.depth - 1}]; got ${l}.`);
}

/** A copy of layer l's W and b. */
export function getLayerParameters(mlp: Mlp, l: number): LayerParameters {
  checkLayer(mlp, l);
  return { rows: mlp.sizes[l]!, cols: mlp.sizes[l + 1]!, W: copy(mlp.W[l]!), b: copy(mlp.b[l]!) };
}

/** Overwrites layer l's W (rows×cols, row-major) and b (cols). Throws on a wrong length or a non-finite value. */
export function setLayerParameters(mlp: Mlp, l: number, W: ArrayLike<number>, b: ArrayLike<number>): void {
  checkLayer(mlp, l);
  const rows = mlp.sizes[l]!;
  const cols = mlp.sizes[l + 1]!;
  if (W.length !== rows * cols)
    throw new Error(
      `layer ${l}: W must have ${rows}×${cols} = ${rows * cols} entries (inputs × outputs, row-major); got ${W.length}.`,
    );
  if (b.length !== cols) throw new Error(`layer ${l}: b must have ${cols} entries; got ${b.length}.`);
  checkFinite(W, `layer ${l} W`);
  checkFinite(b, `layer ${l} b`);
  mlp.W[l]!.set(W);
  mlp.b[l]!.set(b);
}

/** A copy of all parameters, layer by layer [W_0, b_0, W_1, b_1, …] (the layout of mlp.params). */
export function getParameters(mlp: Mlp): Float64Array {
  return copy(mlp.params);
}

/** Overwrites all parameters from the flat layout [W_0, b_0, W_1, b_1, …]. Throws on a wrong length or a non-finite value. */
export function setParameters(mlp: Mlp, flat: ArrayLike<number>): void {
  if (flat.length !== mlp.params.length) {
    throw new Error(
      `parameters must have ${mlp.params.length} entries for layers [${mlp.sizes.join(", ")}]; got ${flat.length}.`,
    );
  }
  checkFinite(flat, "parameters");
  mlp.params.set(flat);
}

function checkFinite(v: ArrayLike<number>, what: string): void {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new Error(`${what}[${i}] must be a finite number; got ${v[i]}.`);
  }
}
