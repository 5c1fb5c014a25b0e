/** The activation explorer's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 1: a nonlinearity against the identity. */
  "sigmoid-vs-identity": { settings: { a: "sigmoid", b: "identity", x: 0 } },
  /** Lesson 2: the sigmoid against the step. */
  "sigmoid-vs-step": { settings: { a: "sigmoid", b: "step", x: 2 } },
  /** Lesson 4: tanh against the sigmoid. */
  "tanh-vs-sigmoid": { settings: { a: "tanh", b: "sigmoid", x: 2 } },
  /** Lesson 5: ReLU against Leaky ReLU, probed on the negative side. */
  "relu-vs-leaky": { settings: { a: "relu", b: "leaky-relu", alpha: 0.1, x: -3 } },
  /** Lesson 7: Leaky ReLU against ReLU. */
  "leaky-vs-relu": { settings: { a: "leaky-relu", b: "relu", alpha: 0.1, x: -3 } },
  /** Lesson 7: GELU against SiLU. */
  "gelu-vs-silu": { settings: { a: "gelu", b: "silu", x: -1 } },
  /** Lesson 9: any two activations from the table. */
  "cheat-sheet": { settings: { a: "relu", b: "leaky-relu", alpha: 0.1, x: -2 } },
} as const satisfies Presets<typeof SCHEMA>;
