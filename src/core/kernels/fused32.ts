/**
 * A fused multiply-add in float32, for the elementwise formulas PyTorch's CPU kernels compile with contraction
 * (its optimisers' `add(x, alpha=…)`, `lerp`, `addcmul`, and tanh's backward): the product is not rounded, the
 * sum is, once. Not for the matrix products: their JavaScript and WebAssembly paths must agree bit for bit, and
 * WebAssembly SIMD has no fused multiply-add.
 */

/**
 * a·b + c rounded to float32. For float32 a and b the product is exact in float64 (two 24-bit significands),
 * so only the sum rounds, to float64 and then to float32; that equals a true fused float32 multiply-add except
 * when the float64 sum falls exactly halfway between two float32s (double rounding, far rarer than one in 2²⁰).
 */
export function fma32(a: number, b: number, c: number): number {
  return Math.fround(a * b + c);
}
