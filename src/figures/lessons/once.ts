/** A value computed on first use and kept: a figure's trained numbers serve its caption, alt text and build(). */
export function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}
