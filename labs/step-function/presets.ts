/** The step-function lab's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 2: the same unit, start and points; only the perceptron rule moves. */
  "stuck-step": { settings: { lr: 0.1, seed: 1 } },
} as const satisfies Presets<typeof SCHEMA>;
