/** Minibatch order: a fresh seeded shuffle of the training set each epoch; the last batch of an epoch may be short (PyTorch's drop_last=False). */
import type { Workspace } from "../network/mlp.ts";
import { createRng, shuffle, type Rng } from "../data/rng.ts";

/** Draws minibatches from a workspace holding the whole training set. */
export class MinibatchSampler {
  readonly batchSize: number;
  readonly #seed: number;
  readonly #order: Int32Array;
  #rng: Rng;
  #cursor = 0;

  constructor(nTrain: number, batchSize: number, seed: number) {
    this.batchSize = batchSize;
    this.#seed = seed;
    this.#order = new Int32Array(nTrain);
    this.#rng = createRng(seed);
    this.reset();
  }

  /** Back to the start of the seeded sequence of epochs. */
  reset(): void {
    this.#rng = createRng(this.#seed);
    for (let i = 0; i < this.#order.length; i++) this.#order[i] = i;
    this.#cursor = this.#order.length;
  }

  /** Copies the next minibatch's inputs (2 per row) and targets (m per row) from train into batch; returns its size. */
  next(train: Workspace, batch: Workspace, m: number): number {
    const n = this.#order.length;
    if (this.#cursor >= n) {
      shuffle(this.#rng, this.#order);
      this.#cursor = 0;
    }
    const bn = Math.min(this.batchSize, n - this.#cursor);
    const { x, y } = batch;
    for (let r = 0; r < bn; r++) {
      const src = this.#order[this.#cursor + r]!;
      x[2 * r] = train.x[2 * src]!;
      x[2 * r + 1] = train.x[2 * src + 1]!;
      for (let j = 0; j < m; j++) y[r * m + j] = train.y[src * m + j]!;
    }
    this.#cursor += bn;
    return bn;
  }
}
