/** The output-loss lab's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 8: three output layers started confidently wrong on the same data. */
  "confidently-wrong": { settings: { mode: "binary", bias: -10, lr: 0.1, show: "sigmoid-mse" } },
  /** Lesson 8: softmax + cross-entropy on three classes. */
  "softmax-three-classes": { settings: { mode: "multiclass", data: "blobs", classes: 3 } },
} as const satisfies Presets<typeof SCHEMA>;
