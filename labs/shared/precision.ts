/** The numbers a training lab computes in: one URL setting ("prec") that every training lab's schema includes. */
import { PRECISIONS } from "../../src/core/index.ts";

/**
 * float64 (the default: the exact reference every claim test checks) or float32 (PyTorch's default: every value
 * and every result rounded to float32, with PyTorch's formulas). Changing it starts a new run.
 */
export const PRECISION_SETTING = {
  kind: "choice",
  label: "numbers",
  choices: PRECISIONS,
  fallback: "float64",
} as const;
