/**
 * The vanishing-gradients lab's settings: the URL schema (every number bounded, so no address can
 * make the core refuse the config or freeze the tab), what each setting means, and the session spec
 * the worker trains from them.
 */
import { LIMITS, parameterCount, SATURATION_THRESHOLD, type InitKind } from "../../src/core/index.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { formatNumber } from "../../src/plots/format.ts";
import { defaultsOf, type UrlSchema, type UrlValues } from "../../src/settings/url-state.ts";
import { PRECISION_SETTING } from "../shared/precision.ts";

/** Hidden activations offered (the step function is left out: its gradient is 0 everywhere, see the step lab). */
export const VG_ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky-relu", "elu", "gelu", "silu", "identity"] as const;

/** Initialisers by their URL name; "xavier" and "he" are the normal variants. */
export const VG_INITS = {
  normal: { kind: "normal", label: "Normal N(0, s²)" },
  uniform: { kind: "uniform", label: "Uniform U(−s, s)" },
  xavier: { kind: "xavier-normal", label: "Xavier normal" },
  "xavier-uniform": { kind: "xavier-uniform", label: "Xavier uniform" },
  he: { kind: "he-normal", label: "He normal" },
  "he-uniform": { kind: "he-uniform", label: "He uniform" },
} as const satisfies Record<string, { kind: InitKind; label: string }>;

/** The binary datasets offered. */
export const VG_DATASETS = ["circles", "moons", "xor", "linear"] as const;

/** Readable names of the activations. */
export const ACTIVATION_LABELS: Record<(typeof VG_ACTIVATIONS)[number], string> = {
  sigmoid: "Sigmoid",
  tanh: "Tanh",
  relu: "ReLU",
  "leaky-relu": "Leaky ReLU (α = 0.01)",
  elu: "ELU",
  gelu: "GELU",
  silu: "SiLU (swish)",
  identity: "Identity (linear)",
};

/** Learning-rate slider bounds (10 is enough to make a deep ReLU network diverge). */
export const LR_RANGE = { min: 1e-4, max: 10 } as const;

/** The URL schema (prefix: the lab's urlKey, "vg"). */
export const SCHEMA = {
  depth: { kind: "number", label: "Hidden layers", min: 1, max: LIMITS.maxHiddenLayers, fallback: 10, integer: true },
  width: { kind: "number", label: "Units per layer", min: 2, max: 64, fallback: 16, integer: true },
  activation: { kind: "choice", label: "Activation", choices: VG_ACTIVATIONS, fallback: "sigmoid" },
  init: { kind: "choice", label: "Initialisation", choices: Object.keys(VG_INITS), fallback: "normal" },
  scale: { kind: "number", label: "Init scale", min: 0.05, max: 5, fallback: 1 },
  lr: { kind: "number", label: "Learning rate", min: LR_RANGE.min, max: LR_RANGE.max, fallback: 0.1 },
  data: { kind: "choice", label: "Dataset", choices: VG_DATASETS, fallback: "circles" },
  seed: { kind: "number", label: "Seed", min: 0, max: 999_999, fallback: 1, integer: true },
  /** The unit the chain-rule path goes through in every hidden layer, counted from 1 (clamped to the width). */
  unit: { kind: "number", label: "Path unit", min: 1, max: 64, fallback: 1, integer: true },
  prec: PRECISION_SETTING,
} as const satisfies UrlSchema;

/** The lab's settings as plain data. */
export type VgSettings = UrlValues<typeof SCHEMA>;

/** The settings a new network is built from: changing one starts a new run. (lr is changed in place; unit only moves the probe.) */
export const STRUCTURAL: readonly (keyof VgSettings)[] = [
  "depth",
  "width",
  "activation",
  "init",
  "scale",
  "data",
  "seed",
  "prec",
];

/** Fixed parts of every run: 300 points (225 train), minibatches of 32, the course's saturation threshold. */
export const RUN = {
  points: 300,
  noise: 0.1,
  testFraction: 0.25,
  batchSize: 32,
  saturationThreshold: SATURATION_THRESHOLD,
  /** Decision-boundary grid side for small networks; big ones get a coarser grid (see boundarySize). */
  boundarySize: 32,
  /** The input point the chain-rule path starts from. */
  pathInput: [0.5, 0.5] as [number, number],
} as const;

/** Steps trained after every (re)start, and for the build-time snapshot, so the lab opens on a measured state. */
export const WARMUP_STEPS = 25;

/** The schema's defaults: the preset that shows the phenomenon (ten sigmoid layers, naive N(0, 1) weights). */
export const VG_DEFAULTS: VgSettings = defaultsOf(SCHEMA);

/** Whether the initialiser uses the scale setting (the naive ones); Xavier and He set their own spread. */
export function usesScale(init: string): boolean {
  return init === "normal" || init === "uniform";
}

/**
 * The decision-boundary grid side: 32 for small networks, coarser for big ones, so that evaluating
 * the grid (side² forward passes of `params` weights) stays near 2·10⁷ multiply-adds per snapshot.
 */
export function boundarySize(params: number): number {
  return Math.max(12, Math.min(RUN.boundarySize, Math.round(Math.sqrt(2e7 / Math.max(1, params)))));
}

/** The worker's session for these settings. Every value is inside the core's limits by the schema's bounds. */
export function sessionSpec(s: VgSettings): SessionSpec<"vanishing-gradients"> {
  const init = VG_INITS[s.init as keyof typeof VG_INITS] ?? VG_INITS.normal;
  const depth = s.depth;
  const layers = [2, ...Array.from({ length: depth }, () => s.width), 1];
  return {
    lab: "vanishing-gradients",
    config: {
      layers,
      hidden: s.activation,
      head: "sigmoid",
      loss: "bce",
      init: { kind: init.kind, scale: usesScale(s.init) ? s.scale : 1 },
      optimizer: { kind: "sgd", lr: s.lr },
      batchSize: RUN.batchSize,
      seeds: { data: s.seed, init: s.seed + 1, batch: s.seed + 2 },
      dataset: { kind: s.data, n: RUN.points, noise: RUN.noise, testFraction: RUN.testFraction },
      precision: s.prec,
    },
    boundarySize: boundarySize(parameterCount(layers)),
    diagnosticsEvery: 1,
    saturationThreshold: RUN.saturationThreshold,
    // The first input, then the same unit in every hidden layer (the core counts from 0), then the single output.
    path: { x: RUN.pathInput, indices: [0, ...Array.from({ length: depth }, () => s.unit - 1), 0] },
    outputParts: 0,
    perceptron: null,
  };
}

/** A short description of a run's settings, e.g. "sigmoid, 10×16, normal(1), lr 0.1, circles, seed 1". */
export function describeSettings(s: VgSettings): string {
  const init = usesScale(s.init) ? `${s.init}(${formatNumber(s.scale)})` : s.init;
  return `${s.activation}, ${s.depth}×${s.width}, ${init}, lr ${formatNumber(s.lr)}, ${s.data}, seed ${s.seed}`;
}
