/** The sandbox's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 1: three linear hidden layers collapse to one straight boundary. */
  "linear-stack": {
    intro:
      "Three hidden layers of 8 units with the identity as activation, on circles. Press Train: the boundary stays a straight line and the accuracy near 61%. Then set the activation to tanh or ReLU and train again.",
    settings: {
      data: "circles",
      points: 400,
      noise: 0.05,
      layers: 3,
      width: 8,
      act: "identity",
      init: "xavier-normal",
      opt: "adam",
      lr: 0.01,
      seed: 1,
    },
  },
  /**
   * Lesson 3: symmetry. Every weight starts at 0.5, so the 8 units of each layer are copies that stay copies:
   * the network learns like one unit per layer and stalls near 67% on circles.
   */
  "symmetric-init": {
    settings: {
      data: "circles",
      points: 300,
      noise: 0.05,
      layers: 2,
      width: 8,
      act: "tanh",
      init: "constant",
      scale: 0.5,
      opt: "adam",
      lr: 0.01,
      seed: 1,
    },
    intro:
      "Every weight starts at 0.5. Press Train: the accuracy stalls near two thirds, and the note above the instruments says why — each layer's eight units are one unit, copied. Switch the initialiser to Xavier normal and train again.",
  },
  /** Lesson 9: a ReLU network with softmax + cross-entropy on three spirals. */
  "spirals-relu": {
    intro:
      "Three spirals, two hidden layers of 32 ReLU units, softmax + cross-entropy: it opens after 150 steps at 100% training accuracy. Switch the hidden activation to identity, train again and compare the boundaries. Any row of the table can be built here; Download as PyTorch takes the run with you.",
    settings: {
      data: "spirals",
      classes: 3,
      noise: 0.05,
      layers: 2,
      width: 32,
      act: "relu",
      out: "softmax-ce",
      init: "he-normal",
      opt: "adam",
      lr: 0.01,
    },
  },
} as const satisfies Presets<typeof SCHEMA>;
