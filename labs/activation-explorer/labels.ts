/**
 * The explorer's reader-facing activation names, apart from formulas.ts: its TeX strings are built with
 * String.raw, a call the bundler must keep, so a page that imported the names from there shipped the TeX too.
 */
import type { ActivationName } from "../../src/core/index.ts";

/** Reader-facing names of the activations. */
export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  step: "Step",
  identity: "Identity (linear)",
  sigmoid: "Sigmoid",
  tanh: "Tanh",
  relu: "ReLU",
  "leaky-relu": "Leaky ReLU",
  elu: "ELU",
  gelu: "GELU",
  silu: "SiLU (swish)",
};
