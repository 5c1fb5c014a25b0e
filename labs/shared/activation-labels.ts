/** The activations' reader-facing names, one list for every lab that offers them (the URL keeps the short ids). */
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
