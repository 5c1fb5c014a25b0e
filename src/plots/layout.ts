/** Layout arithmetic shared by the plots: which labels to show and how many cells fit a row. */

/** Up to `count` indices spread evenly over 0 … n−1, both ends included, ascending and without repeats. */
export function spreadIndices(n: number, count: number): number[] {
  if (!(n >= 1) || !(count >= 1)) return [];
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  if (count === 1) return [n - 1];
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.round((k * (n - 1)) / (count - 1));
    if (out.at(-1) !== i) out.push(i);
  }
  return out;
}

/** Show every k-th of n labels so labels about `labelWidth` px wide do not collide in `width` px. */
export function labelStride(n: number, width: number, labelWidth: number): number {
  if (!(n >= 1) || !(width > 0)) return 1;
  return Math.max(1, Math.ceil((n * labelWidth) / width));
}

/** How many square cells of `cell` px, `gap` px apart, fit across `width` px (at least 1). */
export function cellsPerRow(width: number, cell: number, gap: number): number {
  if (!Number.isFinite(width)) return 1;
  return Math.max(1, Math.floor((width + gap) / (cell + gap)));
}
