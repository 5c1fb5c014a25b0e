/**
 * The sandbox's settings (what its URL and a lesson preset hold) and the training session they describe.
 * Every number is bounded so that the largest network on the most points stays inside the core's LIMITS
 * (8 × 64 hidden units, 5 classes, 1000 points: about 3·10⁴ parameters × 10³ points = 3·10⁷ ≤ maxWork; a
 * reader's own data, up to LIMITS.maxPoints = 2000 points, makes 6·10⁷, still inside it). Dataset "own" is
 * the reader's own points (own-data.ts): the address says so, the points stay in the browser.
 */
import {
  ACTIVATION_NAMES,
  DATASET_KINDS,
  INIT_KINDS,
  MULTICLASS_DATASETS,
  OPTIMIZER_KINDS,
  SATURATION_THRESHOLD,
} from "../../src/core/index.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import { defaultsOf, type UrlSchema, type UrlValues } from "../../src/settings/url-state.ts";
import { PRECISION_SETTING } from "../shared/precision.ts";
import { seedSetting, seedStreams } from "../shared/seed.ts";
import { OWN_DATA } from "./own-data.ts";
import type { OwnPoints } from "./own-scale.ts";

/** Output head and loss, chosen together: each pairing is one the core (and PyTorch) accepts. */
export const OUTPUTS = {
  "sigmoid-bce": { label: "Sigmoid + BCE", head: "sigmoid", loss: "bce", binary: true },
  "sigmoid-bce-logits": { label: "Sigmoid + BCE with logits", head: "identity", loss: "bce-logits", binary: true },
  "sigmoid-mse": { label: "Sigmoid + MSE", head: "sigmoid", loss: "mse", binary: true },
  "tanh-mse": { label: "Tanh + MSE", head: "tanh", loss: "mse", binary: true },
  "softmax-ce": { label: "Softmax + cross-entropy", head: "softmax", loss: "cross-entropy", binary: false },
} as const;

/** The name of an output pairing. */
export type OutputName = keyof typeof OUTPUTS;

/** All output pairings, in menu order. */
export const OUTPUT_NAMES = Object.keys(OUTPUTS) as OutputName[];

/** Minibatch sizes offered ("full": the whole training set every step). */
export const BATCH_SIZES = ["full", "8", "16", "32", "64", "128", "256"] as const;

/** Learning-rate slider bounds. The top is absurd on purpose: plain SGD diverges there. */
export const LR_RANGE = { min: 1e-4, max: 100 } as const;

/** Momentum of the "momentum" optimiser (PyTorch's SGD with momentum=0.9). */
export const MOMENTUM = 0.9;

/** The URL schema: every number bounded, so no address can make the lab do unbounded work. */
export const SCHEMA = {
  data: { kind: "choice", label: "dataset", choices: [...DATASET_KINDS, OWN_DATA], fallback: "moons" },
  classes: { kind: "number", label: "classes", min: 3, max: 5, fallback: 3, integer: true },
  noise: { kind: "number", label: "noise", min: 0, max: 0.5, fallback: 0.1 },
  points: { kind: "number", label: "points", min: 40, max: 1000, fallback: 300, integer: true },
  test: { kind: "number", label: "test fraction", min: 0, max: 0.5, fallback: 0.25 },
  layers: { kind: "number", label: "hidden layers", min: 0, max: 8, fallback: 2, integer: true },
  width: { kind: "number", label: "width", min: 1, max: 64, fallback: 8, integer: true },
  act: { kind: "choice", label: "activation", choices: ACTIVATION_NAMES, fallback: "relu" },
  alpha: { kind: "number", label: "α", min: 0, max: 2, fallback: 0.1 },
  out: { kind: "choice", label: "output and loss", choices: OUTPUT_NAMES, fallback: "sigmoid-bce" },
  init: { kind: "choice", label: "initialiser", choices: INIT_KINDS, fallback: "he-normal" },
  scale: { kind: "number", label: "init scale", min: 0.01, max: 10, fallback: 1 },
  bias: { kind: "number", label: "init bias", min: -2, max: 2, fallback: 0 },
  opt: { kind: "choice", label: "optimiser", choices: OPTIMIZER_KINDS, fallback: "adam" },
  lr: { kind: "number", label: "learning rate", min: LR_RANGE.min, max: LR_RANGE.max, fallback: 0.01 },
  batch: { kind: "choice", label: "batch size", choices: BATCH_SIZES, fallback: "full" },
  seed: seedSetting(1),
  prec: PRECISION_SETTING,
} as const satisfies UrlSchema;

/** The sandbox's settings as plain values (mutable). */
export type SandboxSettings = { -readonly [K in keyof UrlValues<typeof SCHEMA>]: UrlValues<typeof SCHEMA>[K] };

/** The schema's defaults: a ReLU network on moons, trained by Adam. */
export const SB_DEFAULTS: SandboxSettings = defaultsOf(SCHEMA);

/** Steps run before the lab first appears (and at build time). */
export const SB_WARMUP = 150;

/** Side of the decision-boundary grid. */
export const SB_BOUNDARY_SIZE = 40;

/** Whether the dataset has more than two classes. */
export function isMulticlass(data: string): boolean {
  return (MULTICLASS_DATASETS as readonly string[]).includes(data);
}

/** The class count of the settings' dataset; `ownClasses`: the reader's own data's (used when data is "own"). */
export function classCount(s: SandboxSettings, ownClasses = 2): number {
  if (s.data === OWN_DATA) return ownClasses;
  return isMulticlass(s.data) ? s.classes : 2;
}

/** Whether an output pairing can be used with these settings (binary pairings need two classes). */
export function outputAllowed(out: OutputName, s: SandboxSettings, ownClasses = 2): boolean {
  return !OUTPUTS[out].binary || classCount(s, ownClasses) === 2;
}

/**
 * Makes settings consistent: with three or more classes the output is softmax + cross-entropy (one output per
 * class), whatever was asked; a notice says so. Returns the corrected copy.
 */
export function reconcile(s: SandboxSettings, notices: SettingNotice[] = [], ownClasses = 2): SandboxSettings {
  if (outputAllowed(s.out as OutputName, s, ownClasses)) return s;
  const k = classCount(s, ownClasses);
  notices.push({
    setting: SCHEMA.out.label,
    message: `${OUTPUTS[s.out as OutputName].label} needs two classes; ${s.data === OWN_DATA ? "your data" : s.data} has ${k}, so the output is softmax + cross-entropy.`,
  });
  return { ...s, out: "softmax-ce" };
}

/** Whether the address (a query string) sets `prefix.key` at all, e.g. addressSets("?sb.out=tanh-mse", "sb", "out"). */
export function addressSets(search: string, prefix: string, key: string): boolean {
  return search.length <= 4000 && new URLSearchParams(search).has(`${prefix}.${key}`);
}

/** The network's widths: [2, width × layers, outputs] (one output for a binary pairing, else one per class). */
export function layerSizes(s: SandboxSettings, ownClasses = 2): number[] {
  const out = OUTPUTS[s.out as OutputName];
  return [2, ...Array.from({ length: s.layers }, () => s.width), out.binary ? 1 : classCount(s, ownClasses)];
}

/**
 * The trainer config the settings describe (plain data; the core validates it in the worker). With data "own"
 * and the reader's points (scaled into −1…1 per axis: own-scale.ts), the dataset is those points; without them,
 * the schema's fallback dataset.
 */
export function sandboxConfig(settings: SandboxSettings, own: OwnPoints | null = null) {
  const ownClasses = own?.classes ?? 2;
  const s = reconcile(
    settings.data === OWN_DATA && !own ? { ...settings, data: SCHEMA.data.fallback } : settings,
    [],
    ownClasses,
  );
  const out = OUTPUTS[s.out as OutputName];
  const multi = isMulticlass(s.data);
  const dataset =
    s.data === OWN_DATA && own
      ? {
          kind: "points" as const,
          n: own.labels.length,
          noise: 0,
          testFraction: s.test,
          classes: ownClasses,
          points: { x: own.x, labels: own.labels },
        }
      : {
          kind: s.data as Exclude<typeof s.data, typeof OWN_DATA>,
          n: s.points,
          noise: s.noise,
          testFraction: s.test,
          ...(multi ? { classes: s.classes } : {}),
        };
  return {
    layers: layerSizes(s, ownClasses),
    hidden: s.act,
    alpha: s.alpha,
    head: out.head,
    loss: out.loss,
    init: { kind: s.init, scale: s.scale, bias: s.bias },
    optimizer: { kind: s.opt, lr: s.lr, ...(s.opt === "momentum" ? { momentum: MOMENTUM } : {}) },
    batchSize: s.batch === "full" ? ("full" as const) : Number(s.batch),
    seeds: seedStreams(s.seed),
    precision: s.prec,
    dataset,
  };
}

/** The session: every instrument on (diagnostics each step, the boundary grid); `own`: the reader's data, if any. */
export function sandboxSpec(s: SandboxSettings, own: OwnPoints | null = null): SessionSpec<"sandbox"> {
  return {
    lab: "sandbox",
    config: sandboxConfig(s, own),
    boundarySize: SB_BOUNDARY_SIZE,
    diagnosticsEvery: 1,
    saturationThreshold: SATURATION_THRESHOLD,
    path: null,
    outputParts: 0,
    perceptron: null,
  };
}
