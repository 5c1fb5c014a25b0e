/** Reader-facing names of the sandbox's choices (the URL keeps the short ids). */

/** Dataset names. */
export const DATASET_LABELS: Record<string, string> = {
  xor: "XOR",
  circles: "Circles",
  moons: "Moons",
  blobs: "Blobs (3–5 classes)",
  spirals: "Spirals (3–5 classes)",
  linear: "Linear",
  own: "Your own data",
};

/** Initialiser names. */
export const INIT_LABELS: Record<string, string> = {
  normal: "Normal (std = scale)",
  uniform: "Uniform (±scale)",
  "xavier-normal": "Xavier normal",
  "xavier-uniform": "Xavier uniform",
  "he-normal": "He normal",
  "he-uniform": "He uniform",
  constant: "Constant (every weight = scale)",
};

/** Optimiser names. */
export const OPTIMIZER_LABELS: Record<string, string> = {
  sgd: "SGD",
  momentum: "SGD + momentum 0.9",
  adam: "Adam",
};
