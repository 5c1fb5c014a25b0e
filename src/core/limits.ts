/**
 * Hard limits on configs, so that no URL or message can make the core allocate or compute without bound.
 * validateConfig rejects anything outside them; UIs clamp to them.
 */
export const LIMITS = Object.freeze({
  /** Hidden layers at most (W2 in the benchmark has 10). */
  maxHiddenLayers: 20,
  /** Units per layer at most. */
  maxWidth: 256,
  /** Weights and biases in all, at most (256-256-256 is about 132k). */
  maxParameters: 250_000,
  /** parameters × points at most: bounds one full-batch step to roughly 6e8 flops (about 0.2 s). */
  maxWork: 100_000_000,
  /** Dataset size (train + test). */
  minPoints: 4,
  maxPoints: 2000,
  /** Classes for blobs, spirals and given points. */
  maxClasses: 8,
  /** |coordinate| of a given point (dataset kind "points"), in data units: far outside any plot, finite in float32. */
  maxAbsCoordinate: 1e6,
  /** Standard deviation of the jitter, in data units (the clean data spans [−1, 1]). */
  maxNoise: 1,
  /** Share of points held out for testing. */
  maxTestFraction: 0.9,
  /** Learning rate (absurd on purpose: the divergence demo uses 1e6). */
  maxLearningRate: 1e6,
  /** Leaky ReLU slope / ELU α. */
  maxAlpha: 10,
  /** Init scale (std, bound or gain) and |bias|. */
  maxInitScale: 100,
  maxAbsBias: 100,
  /** L2 weight decay. */
  maxWeightDecay: 1,
  /** Seeds are unsigned 32-bit integers. */
  maxSeed: 4294967295,
  /** Steps one call to Trainer.step may run. */
  maxStepsPerCall: 100_000,
  /**
   * Steps one command from a lab may ask for (a Step, a warm-up, a replay): enough for any lesson's preset,
   * few enough that the worker answers within a few seconds on a slow machine.
   */
  maxStepsPerCommand: 10_000,
  /** Decision-boundary grid side and histogram bins. */
  maxGrid: 512,
  maxBins: 1024,
});

/** Weights and biases of an MLP with these widths: Σ (n_in + 1)·n_out (what maxParameters bounds). */
export function parameterCount(layers: readonly number[]): number {
  let s = 0;
  for (let l = 1; l < layers.length; l++) s += (layers[l - 1]! + 1) * layers[l]!;
  return s;
}
