/** A trainer's parameters as flat copies, read and written with their shapes and finiteness checked. */
import {
  getLayerParameters,
  getParameters,
  setLayerParameters,
  setParameters,
  type LayerParameters,
} from "../network/parameters.ts";
import type { Trainer } from "./trainer.ts";

/** A copy of all parameters, layer by layer [W_0 (inputs × outputs, row-major), b_0, W_1, b_1, …]. */
export function readParameters(trainer: Trainer): Float64Array {
  return getParameters(trainer.mlp);
}

/** Overwrites all parameters (same layout as readParameters); shapes and finiteness are checked. */
export function writeParameters(trainer: Trainer, flat: ArrayLike<number>): void {
  setParameters(trainer.mlp, flat);
}

/** A copy of layer l's W (rows × cols = inputs × outputs, row-major) and b (cols). Layer 0 is the first weight layer. */
export function readLayer(trainer: Trainer, l: number): LayerParameters {
  return getLayerParameters(trainer.mlp, l);
}

/** Overwrites layer l's W and b; shapes and finiteness are checked. */
export function writeLayer(trainer: Trainer, l: number, W: ArrayLike<number>, b: ArrayLike<number>): void {
  setLayerParameters(trainer.mlp, l, W, b);
}
