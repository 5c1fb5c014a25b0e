/**
 * The step-function lab's settings (what its URL and a lesson preset hold) and the training session they
 * describe: one step unit H(w·x + b) trained by gradient descent on MSE, and a perceptron trained by its
 * rule from the same initial weights on the same linearly separable points.
 */
import { type TrainerConfig, SATURATION_THRESHOLD } from "../../src/core/index.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { defaultsOf, type UrlSchema, type UrlValues } from "../../src/settings/url-state.ts";
import { seedSetting, seedStreams } from "../shared/seed.ts";

/** Learning-rate slider bounds (shared by both rules). */
export const LR_RANGE = { min: 1e-3, max: 10 } as const;

/** The URL schema: every number bounded, so no address can make the lab do unbounded work. */
export const SCHEMA = {
  lr: { kind: "number", label: "learning rate", min: LR_RANGE.min, max: LR_RANGE.max, fallback: 0.1 },
  seed: seedSetting(1),
  noise: { kind: "number", label: "noise", min: 0, max: 0.3, fallback: 0.05 },
  points: { kind: "number", label: "points", min: 20, max: 400, fallback: 120, integer: true },
} as const satisfies UrlSchema;

/** The lab's settings as plain values (mutable: UrlValues keeps the schema's `as const` readonly). */
export type StepSettings = { -readonly [K in keyof UrlValues<typeof SCHEMA>]: UrlValues<typeof SCHEMA>[K] };

/** The schema's defaults. */
export const STEP_DEFAULTS: StepSettings = defaultsOf(SCHEMA);

/** Steps run before the lab first appears (and at build time), so the page opens on the phenomenon. */
export const STEP_WARMUP = 300;

/** Side of the decision-boundary grid. */
export const STEP_BOUNDARY_SIZE = 48;

/** Share of points held out for testing. */
export const STEP_TEST_FRACTION = 0.25;

/** The trainer config: a single step unit, layers [2, 1], gradient descent on MSE. */
export function stepConfig(s: StepSettings): TrainerConfig {
  return {
    layers: [2, 1],
    hidden: "step",
    head: "step",
    loss: "mse",
    init: { kind: "normal", scale: 1, bias: 0 },
    optimizer: { kind: "sgd", lr: s.lr },
    batchSize: "full",
    seeds: seedStreams(s.seed),
    dataset: { kind: "linear", n: s.points, noise: s.noise, testFraction: STEP_TEST_FRACTION },
  };
}

/** The session: the step unit by gradient descent, plus a perceptron (rule, no gradient) at the same learning rate. */
export function stepSpec(s: StepSettings): SessionSpec<"step-function"> {
  return {
    lab: "step-function",
    config: stepConfig(s),
    boundarySize: STEP_BOUNDARY_SIZE,
    diagnosticsEvery: 1,
    saturationThreshold: SATURATION_THRESHOLD,
    path: null,
    outputParts: 0,
    perceptron: { lr: s.lr },
  };
}
