/**
 * The dying-ReLU lab's settings (what its URL and a lesson preset hold) and the training session they
 * describe: a [2, 16, 16, 1] ReLU (or Leaky ReLU) network with a sigmoid output, trained by full-batch
 * SGD on binary cross-entropy, with He-normal weights and every bias set to the reader's initial bias.
 */
import { SATURATION_THRESHOLD, type TrainerConfig } from "../../src/core/index.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { defaultsOf, type UrlSchema, type UrlValues } from "../../src/settings/url-state.ts";
import { PRECISION_SETTING } from "../shared/precision.ts";
import { seedSetting } from "../shared/seed.ts";

/** Hidden layers and their width: 32 cells, few enough to follow one by one. */
export const HIDDEN_WIDTHS = [16, 16] as const;

/** Learning-rate slider bounds. At 10, ReLU units die within a few steps and Leaky ReLU diverges. */
export const LR_RANGE = { min: 1e-3, max: 10 } as const;

/** The shock's learning rate, to choose from (100 to 1000 times the default rate). */
export const SHOCK_SIZES = ["10", "20", "50", "100"] as const;

/** The activations the lab compares. */
export const ACTIVATIONS = ["relu", "leaky-relu"] as const;

/** The URL schema: every number bounded, so no address can make the lab do unbounded work. */
export const SCHEMA = {
  act: { kind: "choice", label: "activation", choices: ACTIVATIONS, fallback: "relu" },
  alpha: { kind: "number", label: "α (Leaky ReLU slope)", min: 0.01, max: 0.5, fallback: 0.2 },
  bias: { kind: "number", label: "initial bias", min: -3, max: 1, fallback: 0 },
  lr: { kind: "number", label: "learning rate", min: LR_RANGE.min, max: LR_RANGE.max, fallback: 0.1 },
  shock: { kind: "choice", label: "shock size", choices: SHOCK_SIZES, fallback: "50" },
  data: { kind: "choice", label: "dataset", choices: ["moons", "circles"], fallback: "moons" },
  seed: seedSetting(3),
  prec: PRECISION_SETTING,
} as const satisfies UrlSchema;

/** The lab's settings as plain values. */
export type DrSettings = UrlValues<typeof SCHEMA>;

/** The schema's defaults. */
export const DR_DEFAULTS: DrSettings = defaultsOf(SCHEMA);

/** Steps run before the lab first appears (and at build time): the loss has fallen, most units are alive. */
export const DR_WARMUP = 100;

/** Side of the decision-boundary grid. */
export const DR_BOUNDARY_SIZE = 40;

/** The trainer config the settings describe (plain data; the core validates it in the worker). */
export function drConfig(s: DrSettings): TrainerConfig {
  return {
    layers: [2, ...HIDDEN_WIDTHS, 1],
    hidden: s.act,
    alpha: s.alpha,
    head: "sigmoid",
    loss: "bce",
    init: { kind: "he-normal", bias: s.bias },
    optimizer: { kind: "sgd", lr: s.lr },
    batchSize: "full",
    seeds: { data: s.seed, init: s.seed, batch: s.seed },
    dataset: { kind: s.data, n: 200, noise: 0.1, testFraction: 0.25 },
    precision: s.prec,
  };
}

/** The session: diagnostics every step, so each cell knows the exact step its unit died. */
export function drSpec(s: DrSettings): SessionSpec<"dying-relu"> {
  return {
    lab: "dying-relu",
    config: drConfig(s),
    boundarySize: DR_BOUNDARY_SIZE,
    diagnosticsEvery: 1,
    saturationThreshold: SATURATION_THRESHOLD,
    path: null,
    outputParts: 0,
    perceptron: null,
  };
}
