import { describe, expect, it } from "vitest";
import { powInt } from "./pow-int.ts";

/** The double nearest q·2^k (ties to even), for a whole q > 0. */
function nearest(q: bigint, k: number): number {
  const shift = Math.max(0, q.toString(2).length - 53);
  let top = q >> BigInt(shift);
  const rest = q - (top << BigInt(shift));
  const half = shift > 0 ? 1n << BigInt(shift - 1) : 0n;
  if (shift > 0 && (rest > half || (rest === half && (top & 1n) === 1n))) top += 1n;
  return Number(top) * 2 ** (shift + k);
}

/** b = m·2^e with m a whole number: [m, e]. */
function mantissaExponent(b: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, b);
  const bits = view.getBigUint64(0);
  return [(bits & ((1n << 52n) - 1n)) | (1n << 52n), Number((bits >> 52n) & 0x7ffn) - 1075];
}

describe("powInt", () => {
  it("rounds Adam's β1ᵗ and β2ᵗ correctly for every step to 2,000 (the exact power is mⁿ·2^(e·n), in BigInt)", () => {
    for (const b of [0.9, 0.999]) {
      const [m, e] = mantissaExponent(b);
      let power = 1n;
      for (let n = 0; n <= 2000; n++, power *= m) expect(powInt(b, n), `${b}^${n}`).toBe(nearest(power, e * n));
    }
  });

  it("is exact on the easy cases: n = 0, n = 1, powers of two, a base of 1", () => {
    expect(powInt(0.3, 0)).toBe(1);
    expect(powInt(0.3, 1)).toBe(0.3);
    expect(powInt(0.5, 40)).toBe(2 ** -40);
    expect(powInt(1, 123456)).toBe(1);
  });
});
