/** Embeds of each lab counted per page while the site builds (pages render once each). */
const counts = new Map<string, number>();

/** 1 for the first embed of `labId` on the page at `pathname`, 2 for the second, … */
export function nextEmbedIndex(pathname: string, labId: string): number {
  const key = `${pathname}#${labId}`;
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}

/** The id of the n-th embed of a lab on a page ("lab-dying-relu", then "lab-dying-relu-2"): skip links point here. */
export function labAnchor(labId: string, n: number): string {
  return n === 1 ? `lab-${labId}` : `lab-${labId}-${n}`;
}
