/**
 * A reader's own 2-D dataset in the sandbox, and how it meets the network. The points keep the reader's units
 * on screen (the decision-boundary chart, its table, its CSV); for training each axis is scaled so the data's
 * range fills −1…1, the box the built-in datasets span and the boundary grid covers (with a margin), so the
 * same initialisers and learning rates suit it (plotted.ts maps the run back for the charts).
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

/** One axis's scaling: the network sees (v − centre) / half. */
export interface AxisFit {
  centre: number;
  half: number;
}

/** Each axis's fit from its smallest and largest value; an axis where every point agrees keeps half = 1. */
export function fitAxes(x: readonly number[]): [AxisFit, AxisFit] {
  const fit = (offset: number): AxisFit => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = offset; i < x.length; i += 2) {
      lo = Math.min(lo, x[i]!);
      hi = Math.max(hi, x[i]!);
    }
    if (!(hi >= lo)) return { centre: 0, half: 1 };
    const half = (hi - lo) / 2;
    return { centre: lo + half, half: half > 0 ? half : 1 };
  };
  return [fit(0), fit(1)];
}

/** The points as the network sees them: each axis scaled into −1…1. */
export function toGrid(x: readonly number[], fits: readonly [AxisFit, AxisFit]): number[] {
  return x.map((v, i) => (v - fits[i % 2]!.centre) / fits[i % 2]!.half);
}
