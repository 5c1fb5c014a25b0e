/** The storage of each precision: a float32 run keeps every value in a Float32Array, so every store rounds to float32. */
import type { Precision } from "../names.ts";

/** A buffer of either precision: Float64Array (float64) or Float32Array (float32). */
export type FloatArray = Float64Array | Float32Array;

/** A zeroed buffer of len values in the storage of `precision`. */
export function floatArray(precision: Precision, len: number): FloatArray {
  return precision === "float32" ? new Float32Array(len) : new Float64Array(len);
}
