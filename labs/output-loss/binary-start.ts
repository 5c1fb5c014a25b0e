/**
 * What the binary mode's intro says about the start its bias gives: σ at the bias, and which class the model
 * says with near certainty (confidently wrong for the other), or leans towards.
 */
import { sigmoid } from "../../src/core/index.ts";
import { formatNumber } from "../../src/plots/format.ts";

/** From |b| = 5 on, σ(b) is within 0.7 % of 0 or 1: the start is saturated, and confidently wrong for one class. */
export const SURE_BIAS = 5;

/** The start at bias b: σ(b) as the intro writes it, the class said with near certainty, or the one leaned towards. */
export interface BinaryStart {
  /** σ(b), near 1 written as 1 − σ(−b) ("1 − 2.1×10⁻⁹" at b = 20), which rounding to "1" would hide. */
  sigmoid: string;
  /** The class every point is given with near certainty (|b| ≥ 5), or null. */
  sure: 0 | 1 | null;
  /** The class every point leans towards without saturating (0 < |b| < 5), or null (b = 0: 50/50). */
  leans: 0 | 1 | null;
}

/** The intro's facts about a start at bias b. */
export function binaryStart(b: number): BinaryStart {
  const side: 0 | 1 = b < 0 ? 0 : 1;
  return {
    sigmoid: b >= SURE_BIAS ? `1 − ${formatNumber(sigmoid(-b), 2)}` : formatNumber(sigmoid(b), 2),
    sure: Math.abs(b) >= SURE_BIAS ? side : null,
    leans: Math.abs(b) < SURE_BIAS && b !== 0 ? side : null,
  };
}
