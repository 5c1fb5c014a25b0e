/**
 * What the binary mode's intro says about the start its bias gives: σ at the bias, and which class, if any, the
 * model says with near certainty (confidently wrong for the other).
 */
import { SATURATION_THRESHOLD, sigmoid, sigmoidDerivative, type Precision } from "../../src/core/index.ts";
import { formatNumber } from "../../src/plots/format.ts";

/** The start at bias b: σ(b) as the intro writes it, and the class said with near certainty. */
export interface BinaryStart {
  /**
   * σ(b); on the saturated top written as 1 − σ(−b) ("1 − 2.1×10⁻⁹" at b = 20), which rounding to "1" would hide —
   * unless the lab computes in float32 and σ(b) rounds to exactly 1 there (b ≳ 16.64), which the intro then says.
   */
  sigmoid: string;
  /** The class every point is given with near certainty where σ is saturated (σ′(b) < 0.01: |b| > 4.6), or null. */
  sure: 0 | 1 | null;
}

/** The intro's facts about a start at bias b, in the lab's precision. */
export function binaryStart(b: number, precision: Precision = "float64"): BinaryStart {
  const sure = sigmoidDerivative(b) < SATURATION_THRESHOLD ? (b < 0 ? 0 : 1) : null;
  const top = `1 − ${formatNumber(sigmoid(-b), 2)}${precision === "float32" && Math.fround(sigmoid(b)) === 1 ? ", exactly 1 in float32" : ""}`;
  return { sigmoid: sure === 1 ? top : formatNumber(sigmoid(b), 2), sure };
}
