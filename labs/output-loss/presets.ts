/** The output-loss lab's presets, as the lessons open it. */
import type { Presets } from "../shared/lab-preset.ts";
import type { SCHEMA } from "./settings.ts";

export const PRESETS = {
  /** Lesson 8: three output layers started confidently wrong on the same data. */
  "confidently-wrong": { settings: { mode: "binary", bias: -10, lr: 0.1, show: "sigmoid-mse" } },
  /**
   * Lesson 8: the same start pushed to b = −40 in float32, where sigmoid + BCE is PyTorch's nn.Sigmoid then
   * nn.BCELoss: the floor under a(1 − a) leaves a gradient of about 4e-6 and the loss stays at 18.4; in float64
   * the same run learns within a few hundred steps.
   */
  "float32-bce-floor": { settings: { mode: "binary", bias: -40, lr: 1, show: "sigmoid-bce", prec: "float32" } },
  /**
   * Lesson 2: the sigmoid's flat top in float32. At b = 20 every point has z between 19.2 and 20.8, past 16.64,
   * where float32 σ is exactly 1: sigmoid + MSE's ∂L/∂z (σ′ taken as a(1 − a), as autograd takes it) is exactly 0
   * at every example point and its loss never changes (sigmoid + BCE's too); in float64 it is about 5e-9 at #3,
   * the example shown, the first class-0 (confidently wrong) point.
   */
  "float32-sigmoid-flat": {
    settings: { mode: "binary", bias: 20, lr: 0.1, show: "sigmoid-mse", ex: 3, prec: "float32" },
  },
  /**
   * Lesson 4: tanh's flat tails in float32. At b = −10 every point has |z| > 9.01, where float32 tanh is exactly
   * ±1: tanh + MSE's ∂L/∂z is exactly 0 at every example point and its loss never changes; in float64 it is about 1e-8.
   */
  "float32-tanh-flat": { settings: { mode: "binary", bias: -10, lr: 0.1, show: "tanh-mse", prec: "float32" } },
  /** Lesson 8: softmax + cross-entropy on three classes. */
  "softmax-three-classes": { settings: { mode: "multiclass", data: "blobs", classes: 3 } },
} as const satisfies Presets<typeof SCHEMA>;
