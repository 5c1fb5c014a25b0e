/**
 * bⁿ for a whole n ≥ 0, correctly rounded, the same bits in every engine. Adam's bias corrections need β1ᵗ
 * and β2ᵗ, and Math.pow is not the same function everywhere: Node 22 rounds 0.9ᵗ and 0.999ᵗ wrongly for about
 * 1 t in 10 (t ≤ 5000) where Chromium 150 is right, so a run trained in the lab and the same run trained by the
 * claim tests in Node drift apart by the thousandth step. PyTorch's Python `beta ** step` is glibc's pow, which
 * rounds correctly, so this agrees with it too.
 *
 * Square-and-multiply in double-double arithmetic (Dekker's product with Veltkamp's split): each product keeps
 * about 106 bits, so after the ≤ 2·log₂ n products of any step count the error is far below half an ulp and
 * rounding the pair to one double gives the correctly rounded power. For |b| ≤ 1, as Adam's β's are; larger
 * bases may overflow the split.
 */
export function powInt(b: number, n: number): number {
  let hi = 1;
  let lo = 0;
  let sHi = b;
  let sLo = 0;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) [hi, lo] = ddMul(hi, lo, sHi, sLo);
    if (k > 1) [sHi, sLo] = ddMul(sHi, sLo, sHi, sLo);
  }
  return hi + lo;
}

/** (xh + xl)·(yh + yl) as a normalised double-double pair [h, l] with h = fl(h + l). */
function ddMul(xh: number, xl: number, yh: number, yl: number): [number, number] {
  const p = xh * yh;
  const e = twoProductError(xh, yh, p) + (xh * yl + xl * yh);
  const h = p + e;
  return [h, e - (h - p)];
}

/** a·b − fl(a·b), exactly (Dekker), with a and b split into 26-bit halves by Veltkamp's 2²⁷ + 1. */
function twoProductError(a: number, b: number, p: number): number {
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

const SPLIT = 134217729;
