/**
 * A reader's own 2-D dataset in the sandbox, and how it meets the network. The points keep the reader's units
 * on screen (the decision-boundary chart, its table, its CSV); for training each axis is scaled so the data's
 * range fills −1…1, the box the built-in datasets span and the boundary grid covers (with a margin), so the
 * same initialisers and learning rates suit it (own-scale.ts scales, plotted.ts maps the run back).
 *
 *   reader's x₁ ∈ [min, max]  ──(v − centre) / half──►  the network's x₁ ∈ [−1, 1]  ──centre + v · half──►  back
 */

// No runtime import here: settings.ts (in the chunk "Show as PyTorch" loads) imports this module, and a chart
// module reached from it would make that import preload the charts' stylesheet, which Astro inlines (a 404).

/** The setting's value for "the reader's own data" (the address keeps it; the points stay in the browser). */
export const OWN_DATA = "own";

/** A reader's dataset: every point in the reader's units, its class index, and the classes' names. */
export interface OwnData {
  /** Where it came from, said on screen: a file's name or "pasted text". */
  source: string;
  /** [x₁, x₂, x₁, x₂, …]: 2n finite numbers. */
  x: number[];
  /** n class indices into classNames. */
  labels: number[];
  /** The name of each class as the reader wrote it ("0", "1" or "setosa", …). */
  classNames: string[];
}
