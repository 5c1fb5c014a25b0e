/** The vanishing-gradients lab's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 3: the staircase. */
  "sigmoid-uniform": {
    settings: {
      depth: 10,
      width: 16,
      activation: "sigmoid",
      init: "uniform",
      scale: 1,
      lr: 0.1,
      data: "circles",
      seed: 1,
    },
    intro:
      "Ten sigmoid layers with weights drawn from U(−1, 1). Press Train and watch the first layers' bars stay short while the last ones move.",
  },
  /**
   * Lesson 3: the window. Weights 5× wider than U(−1, 1) make the per-layer factors f′(z)·w near 1: after a few
   * hundred steps the bars are level and the network trains; later the ratio drifts down again as the weights move.
   */
  "sigmoid-window": {
    settings: {
      depth: 10,
      width: 16,
      activation: "sigmoid",
      init: "uniform",
      scale: 5,
      lr: 0.1,
      data: "circles",
      seed: 1,
    },
    intro:
      "The same ten sigmoid layers with weights from U(−5, 5). Press Train: within a few hundred steps the first layer's bar rises to the last one's and the accuracy climbs. Keep training and watch the ratio drift down again — the window moves as the weights do.",
  },
  /**
   * Lesson 3: the mirror image. Wide N(0, 2²) weights in a tanh network give factors above 1: the first layer's
   * gradient is about 200× the last one's at the start; the large early steps then saturate the network.
   */
  exploding: {
    settings: {
      depth: 10,
      width: 16,
      activation: "tanh",
      init: "normal",
      scale: 2,
      lr: 0.001,
      data: "circles",
      seed: 1,
    },
    intro:
      "Ten tanh layers with wide N(0, 2²) weights: now the first layer's bar is far above the last one's — the gradient explodes on its way back. Press Train and watch what the large updates do: the early layers saturate and the bars fall below level.",
  },
  /** Lesson 4: tanh with Xavier keeps the bars level. */
  "tanh-xavier": {
    settings: { depth: 10, width: 16, activation: "tanh", init: "xavier", lr: 0.1, data: "circles", seed: 1 },
    intro:
      "Ten tanh layers of 16 with Xavier initialisation: the first layer\'s bar is within a factor of 10 of the output layer\'s. Press Train and watch the accuracy and the bars past step 430. Switch the activation to sigmoid and the staircase returns.",
  },
  /** Lesson 5: ReLU with He keeps the first layer's gradient within a factor of 10 of the last. */
  "relu-he": {
    settings: { depth: 10, width: 32, activation: "relu", init: "he", lr: 0.1, data: "circles", seed: 1 },
    intro:
      "Ten ReLU layers of 32 with He initialisation: the first layer\'s bar is within a factor of 10 of the output layer\'s. Press Train and watch the accuracy from step 400 on: near steps 409, 473 and 546 it suddenly falls to about 50%.",
  },
} as const satisfies Presets<typeof SCHEMA>;
