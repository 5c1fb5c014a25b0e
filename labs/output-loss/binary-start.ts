/**
 * What the binary mode's intro says about the start its bias gives: σ at the bias, and which class, if any, the
 * model says with near certainty (confidently wrong for the other).
 */
import { SATURATION_THRESHOLD, sigmoid, sigmoidDerivative } from "../../src/core/index.ts";
import { formatNumber } from "../../src/plots/format.ts";

/** The start at bias b: σ(b) as the intro writes it, and the class said with near certainty. */
export interface BinaryStart {
  /** σ(b); on the saturated top written as 1 − σ(−b) ("1 − 2.1×10⁻⁹" at b = 20), which rounding to "1" would hide. */
  sigmoid: string;
  /** The class every point is given with near certainty where σ is saturated (σ′(b) < 0.01: |b| > 4.6), or null. */
  sure: 0 | 1 | null;
}

/** The intro's facts about a start at bias b. */
export function binaryStart(b: number): BinaryStart {
  const sure = sigmoidDerivative(b) < SATURATION_THRESHOLD ? (b < 0 ? 0 : 1) : null;
  return { sigmoid: sure === 1 ? `1 − ${formatNumber(sigmoid(-b), 2)}` : formatNumber(sigmoid(b), 2), sure };
}
