/**
 * tanh(x), the same bits in every V8. Math.tanh is not: Chromium 150 and Node 22 disagree in the last bit on
 * about 1 input in 4,000, and a deep tanh network amplifies that until the lab in the reader's browser no longer
 * shows what the claim tests (run in Node) measured. This is fdlibm's s_tanh.c on top of Math.expm1, which both
 * compute alike; it equals Node 22's Math.tanh bit for bit (the test checks values it gave).
 *
 *   |x| < 2⁻²⁸:      x                      (tanh(x) = x to double precision; keeps −0)
 *   |x| < 1:         −t / (t + 2),          t = expm1(−2|x|)
 *   1 ≤ |x| < 22:    1 − 2 / (t + 2),       t = expm1(2|x|)
 *   |x| ≥ 22:        ±1                     (tanh rounds to ±1 from |x| ≈ 19.06)
 */
export function tanh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 22)) return ax === ax ? (x > 0 ? 1 : -1) : x;
  if (ax < 2 ** -28) return x;
  let z: number;
  if (ax >= 1) {
    const t = Math.expm1(2 * ax);
    z = 1 - 2 / (t + 2);
  } else {
    const t = Math.expm1(-2 * ax);
    z = -t / (t + 2);
  }
  return x >= 0 ? z : -z;
}

/**
 * tanh′(x) = sech²(x) = (2e/(1 + e²))² with e = e^(−|x|). Never 1 − tanh²: tanh(20) rounds to 1,
 * while tanh′(20) ≈ 1.7e-17; and never 1/cosh²: cosh² overflows for |x| > 355 where sech² is still representable.
 */
export function tanhDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const s = (2 * e) / (1 + e * e);
  return s * s;
}
