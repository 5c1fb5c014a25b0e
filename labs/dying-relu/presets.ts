/** The dying-ReLU lab's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 6: a healthy ReLU network, and a Shock button. */
  shock: {
    settings: { act: "relu", bias: 0, lr: 0.1, shock: "50", alpha: 0.2, data: "moons", seed: 3 },
  },
  /** Lesson 6: every bias started at −0.5, so units are dead from step 0. */
  "negative-bias": {
    intro:
      "Every bias starts at −0.5: 20 of 32 units are dead from step 0. Press Train and watch the loss stay near 0.69; then switch to Leaky ReLU and read the count line before training again.",
    settings: { act: "relu", bias: -0.5, lr: 0.1, shock: "50", alpha: 0.2, data: "moons", seed: 3 },
  },
  /** Lesson 7: Leaky ReLU from the start, with the same negative biases. */
  "leaky-negative-bias": {
    intro:
      "Leaky ReLU from the start (α = 0.01) with every bias at −0.5: 20 of 32 units start inactive and the loss sits at 0.693. Press Train and watch the loss and the count line. Then set α to 0.2, press Reset and train again.",
    settings: { act: "leaky-relu", alpha: 0.01, bias: -0.5, lr: 0.1, shock: "50", data: "moons", seed: 3 },
  },
} as const satisfies Presets<typeof SCHEMA>;
