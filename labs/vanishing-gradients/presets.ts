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
  /** Lesson 4: tanh with Xavier keeps the bars level. */
  "tanh-xavier": {
    settings: { depth: 10, width: 16, activation: "tanh", init: "xavier", lr: 0.1, data: "circles", seed: 1 },
    intro:
      "Ten tanh layers with Xavier initialisation: the bars stay level from the first layer to the last. Switch the activation to sigmoid and the staircase returns.",
  },
  /** Lesson 5: ReLU with He keeps the first layer's gradient within a factor of 10 of the last. */
  "relu-he": {
    settings: { depth: 10, width: 32, activation: "relu", init: "he", lr: 0.1, data: "circles", seed: 1 },
    intro:
      "Ten ReLU layers of 32 units with He initialisation: the first layer's bar stays within a factor of 10 of the output layer's. Press Train and watch it stay that way.",
  },
} as const satisfies Presets<typeof SCHEMA>;
