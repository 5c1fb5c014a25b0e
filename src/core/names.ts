/**
 * The names the core looks implementations up by (activations, datasets, initialisers, optimisers),
 * in a module of their own: a page that offers them as choices loads these lists, not the code behind them.
 */
import { isOneOf } from "./checks.ts";

/** The names the core, the worker, URLs and lab props use for activations. */
export type ActivationName = "step" | "identity" | "sigmoid" | "tanh" | "relu" | "leaky-relu" | "elu" | "gelu" | "silu";

/** All activation names, in teaching order. */
export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze([
  "step",
  "identity",
  "sigmoid",
  "tanh",
  "relu",
  "leaky-relu",
  "elu",
  "gelu",
  "silu",
] as const);

/** Names of the dataset generators. */
export type DatasetKind = "xor" | "circles" | "moons" | "blobs" | "spirals" | "linear";

/** All dataset names. */
export const DATASET_KINDS: readonly DatasetKind[] = Object.freeze([
  "xor",
  "circles",
  "moons",
  "blobs",
  "spirals",
  "linear",
] as const);

/** Kinds whose class count is chosen by the config (the rest are binary). */
export const MULTICLASS_DATASETS: readonly DatasetKind[] = Object.freeze(["blobs", "spirals"] as const);

/** Names of the initialisers. */
export type InitKind =
  "normal" | "uniform" | "xavier-normal" | "xavier-uniform" | "he-normal" | "he-uniform" | "constant";

/** All initialiser names. */
export const INIT_KINDS: readonly InitKind[] = Object.freeze([
  "normal",
  "uniform",
  "xavier-normal",
  "xavier-uniform",
  "he-normal",
  "he-uniform",
  "constant",
] as const);

/** Names of the optimisers. */
export type OptimizerKind = "sgd" | "momentum" | "adam";

/** All optimiser names. */
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = Object.freeze(["sgd", "momentum", "adam"] as const);

/**
 * The precisions the core trains in: float64 (the default, the exact reference) or float32, where every stored
 * value and every arithmetic result is rounded to float32, as PyTorch computes by default.
 */
export type Precision = "float64" | "float32";

/** All precision names, the default first. */
export const PRECISIONS: readonly Precision[] = Object.freeze(["float64", "float32"] as const);

/** True when s is one of PRECISIONS. */
export function isPrecision(s: unknown): s is Precision {
  return isOneOf(PRECISIONS, s);
}
