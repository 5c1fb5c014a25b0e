/** Summaries and a fixed-width table for the bench's output. */

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** [min, max] of a non-empty list. */
export function range(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/** Prints a header and rows, each cell padded to its column's width. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): void {
  const line = (cells: readonly string[]) =>
    console.log(
      cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("")
        .trimEnd(),
    );
  line(header);
  for (const row of rows) line(row);
}
