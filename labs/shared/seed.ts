/**
 * The one seed a training lab shows its reader: a setting every training lab's schema includes, and the three
 * random streams (data, initial weights, batches) a run derives from it.
 */

/** The seed setting, 0…999,999 (within the core's LIMITS.maxSeed, with room for the streams' +1 and +2). */
export function seedSetting<F extends number>(fallback: F) {
  return { kind: "number", label: "seed", min: 0, max: 999_999, fallback, integer: true } as const;
}

/**
 * Seeds of the three independent random streams from the reader's seed: {data: s, init: s + 1, batch: s + 2}.
 * The seed is the schema's (an integer in range), so it is used as it is.
 */
export function seedStreams(seed: number): { data: number; init: number; batch: number } {
  return { data: seed, init: seed + 1, batch: seed + 2 };
}
