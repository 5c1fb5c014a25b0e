/**
 * Rosenblatt's perceptron rule for one step unit ŷ = H(w·x + b) (H(0) = 0): on each example,
 * w += η(y − ŷ)x and b += η(y − ŷ). It needs no derivative of H, which is why it learns where gradient
 * descent on the same step unit (gradient 0 almost everywhere) cannot. Binary datasets only.
 */
import type { Dataset } from "../data/datasets.ts";
import { createRng, shuffle, type Rng } from "../data/rng.ts";

/** The perceptron's starting point and step size. */
export interface PerceptronOptions {
  /** Learning rate η. */
  lr: number;
  /** Initial weights [w0, w1] and bias. */
  w: readonly [number, number];
  b: number;
  /** Seed of the example order (reshuffled every epoch). */
  seed: number;
}

/** A single step unit trained by the perceptron rule, one example per update. */
export class Perceptron {
  readonly data: Dataset;
  readonly w = new Float64Array(2);
  b = 0;
  readonly #options: PerceptronOptions;
  readonly #order: Int32Array;
  #rng: Rng;
  #cursor = 0;
  #updates = 0;
  #mistakes = 0;
  #lastEpochMistakes = -1;

  constructor(data: Dataset, options: PerceptronOptions) {
    if (data.classes !== 2) throw new Error(`the perceptron separates 2 classes; the dataset has ${data.classes}.`);
    if (!(options.lr > 0 && Number.isFinite(options.lr)))
      throw new Error(`perceptron lr must be a positive number; got ${options.lr}.`);
    this.data = data;
    this.#options = options;
    this.#order = new Int32Array(data.train.n);
    this.#rng = createRng(options.seed);
    this.reset();
  }

  /** Back to the initial weights and example order. */
  reset(): void {
    this.w[0] = this.#options.w[0];
    this.w[1] = this.#options.w[1];
    this.b = this.#options.b;
    this.#rng = createRng(this.#options.seed);
    for (let i = 0; i < this.#order.length; i++) this.#order[i] = i;
    this.#cursor = this.#order.length;
    this.#updates = 0;
    this.#mistakes = 0;
    this.#lastEpochMistakes = -1;
  }

  /** ŷ = H(w·x + b) with H(0) = 0. */
  predict(x0: number, x1: number): 0 | 1 {
    return this.w[0]! * x0 + this.w[1]! * x1 + this.b > 0 ? 1 : 0;
  }

  /** Visits n training examples, applying the rule to each; returns how many were misclassified (and so changed w). */
  step(n = 1): number {
    const { x, labels } = this.data.train;
    const lr = this.#options.lr;
    let wrong = 0;
    for (let k = 0; k < n; k++) {
      if (this.#cursor >= this.#order.length) {
        shuffle(this.#rng, this.#order);
        this.#cursor = 0;
      }
      const i = this.#order[this.#cursor++]!;
      const err = labels[i]! - this.predict(x[2 * i]!, x[2 * i + 1]!);
      if (err !== 0) {
        this.w[0]! += lr * err * x[2 * i]!;
        this.w[1]! += lr * err * x[2 * i + 1]!;
        this.b += lr * err;
        wrong++;
        this.#mistakes++;
      }
      this.#updates++;
      if (this.#cursor === this.#order.length) {
        this.#lastEpochMistakes = this.#mistakes;
        this.#mistakes = 0;
      }
    }
    return wrong;
  }

  /** Examples visited since reset. */
  get visits(): number {
    return this.#updates;
  }

  /** Mistakes during the last complete epoch (−1 before one completes); 0 means the training set is separated. */
  get lastEpochMistakes(): number {
    return this.#lastEpochMistakes;
  }

  /** Share of the split classified correctly. */
  accuracy(which: "train" | "test" = "train"): number {
    const s = this.data[which];
    let c = 0;
    for (let i = 0; i < s.n; i++) if (this.predict(s.x[2 * i]!, s.x[2 * i + 1]!) === s.labels[i]) c++;
    return s.n > 0 ? c / s.n : 0;
  }
}
