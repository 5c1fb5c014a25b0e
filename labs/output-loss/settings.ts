/**
 * The output-loss lab's settings (what its URL holds) and the training sessions they describe.
 *
 * "Confidently wrong", honestly: the core's initialiser gives every bias one value, so the binary
 * networks are a single output unit (layers [2, 1], z = w·x + b) with small random weights
 * (normal, σ = 0.5) and that bias set to −10 by default. On the "linear" dataset (inputs in [−1, 1]²)
 * every point then starts at z ≈ −10 ± 1: the model says "class 0" with about 99.995 % confidence
 * everywhere, which is right for the class-0 half and confidently wrong for the class-1 half. The bias
 * goes both ways (−40 to 40) because float32's flat tails differ: σ rounds to exactly 1 from z ≈ 16.64,
 * but to exactly 0 only below z ≈ −88.7, so only a positive bias shows σ itself stuck at its limit.
 * All three pairings get the same data, the same initial weights (same seeds) and the same learning rate.
 */
import { SATURATION_THRESHOLD } from "../../src/core/index.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { defaultsOf, type UrlSchema, type UrlValues } from "../../src/settings/url-state.ts";
import { PRECISION_SETTING } from "../shared/precision.ts";
import { seedSetting, seedStreams } from "../shared/seed.ts";

/** The three binary output-layer/loss pairings compared side by side. */
export const PAIRINGS = [
  {
    id: "sigmoid-mse",
    label: "sigmoid + MSE",
    head: "sigmoid",
    loss: "mse",
    slope: "σ′(z)",
    color: "var(--color-data-1)",
    dashed: false,
  },
  {
    id: "sigmoid-bce",
    label: "sigmoid + BCE",
    head: "sigmoid",
    loss: "bce",
    slope: "σ′(z)",
    color: "var(--color-data-2)",
    dashed: false,
  },
  // Dashed: on the plateau its curve lies on top of sigmoid+MSE's.
  {
    id: "tanh-mse",
    label: "tanh + MSE",
    head: "tanh",
    loss: "mse",
    slope: "tanh′(z)",
    color: "var(--color-data-3)",
    dashed: true,
  },
] as const;

/** One pairing's id. */
export type PairingId = (typeof PAIRINGS)[number]["id"];

/** One pairing's description. */
export type Pairing = (typeof PAIRINGS)[number];

/** The pairing ids, in display order. */
export const PAIRING_IDS = PAIRINGS.map((p) => p.id) as [PairingId, ...PairingId[]];

/**
 * The binary run the shared controls drive; it forwards every command to the other two. Sigmoid+BCE, so the
 * lab's root reports (data-loss) the loss that visibly falls.
 */
export const LEADER: PairingId = "sigmoid-bce";
/** How often the two other pairings post a snapshot while training (ms): about as often as their views redraw. */
export const FOLLOWER_FRAME_MS = 50;

/** Training points whose output gradient the binary mode reports (SessionSpec.outputParts). */
export const PARTS_POINTS = 16;

/** Steps the build-time snapshot (and the first live run) is trained before the reader sees it. */
export const WARMUP_STEPS = 10;

/** Decision-boundary grid sides: the binary model is a plane, so coarse is enough; multiclass reads probabilities from its grid. */
export const BINARY_GRID = 32;
export const MULTICLASS_GRID = 64;

/** Bounds of the learning-rate sliders. The multiclass slider reaches the core's maximum so divergence can be seen. */
export const LR_RANGE = { binary: { min: 1e-3, max: 100 }, multiclass: { min: 1e-3, max: 1e6 } } as const;

/** Every setting the lab keeps in the URL (prefix "ol."), with bounds that no URL can exceed. */
export const SCHEMA = {
  mode: { kind: "choice", label: "mode", choices: ["binary", "multiclass"], fallback: "binary" },
  lr: {
    kind: "number",
    label: "learning rate (binary)",
    min: LR_RANGE.binary.min,
    max: LR_RANGE.binary.max,
    fallback: 0.1,
  },
  bias: { kind: "number", label: "initial output bias", min: -40, max: 40, fallback: -10 },
  show: { kind: "choice", label: "pairing shown", choices: PAIRING_IDS, fallback: "sigmoid-mse" },
  ex: { kind: "number", label: "example point", min: 0, max: PARTS_POINTS - 1, fallback: 0, integer: true },
  data: { kind: "choice", label: "dataset", choices: ["blobs", "spirals"], fallback: "blobs" },
  classes: { kind: "number", label: "classes", min: 3, max: 5, fallback: 4, integer: true },
  hidden: { kind: "choice", label: "hidden activation", choices: ["tanh", "relu", "leaky-relu"], fallback: "tanh" },
  width: { kind: "number", label: "hidden units", min: 2, max: 32, fallback: 16, integer: true },
  mlr: {
    kind: "number",
    label: "learning rate (multiclass)",
    min: LR_RANGE.multiclass.min,
    max: LR_RANGE.multiclass.max,
    fallback: 0.5,
  },
  pt: { kind: "number", label: "training point", min: 0, max: 1999, fallback: 0, integer: true },
  seed: seedSetting(1),
  prec: PRECISION_SETTING,
} as const satisfies UrlSchema;

/** The lab's settings. */
export type Settings = UrlValues<typeof SCHEMA>;

/** The schema's defaults. */
export const DEFAULTS: Settings = defaultsOf(SCHEMA);

/** Settings that change which network is trained, per mode (the rest are live or view-only). */
export const RESTART_KEYS = {
  binary: ["bias", "seed", "prec"],
  multiclass: ["data", "classes", "hidden", "width", "seed", "prec"],
} as const satisfies Record<string, readonly (keyof Settings)[]>;

/** Points in each multiclass dataset, and the jitter that keeps neighbouring classes overlapping a little. */
const MULTICLASS_DATA = { blobs: { n: 240, noise: 0.15 }, spirals: { n: 300, noise: 0.04 } } as const;

/** The session of one binary pairing: layers [2, 1], bias `s.bias`, SGD at `s.lr` on the linear dataset. */
export function binarySpec(pairing: PairingId, s: Settings): SessionSpec<"output-loss"> {
  const p = PAIRINGS.find((q) => q.id === pairing) ?? PAIRINGS[0];
  return {
    lab: "output-loss",
    config: {
      layers: [2, 1],
      // No hidden layer: z = w·x + b, so `hidden` is never applied (the core still wants a name).
      hidden: "tanh",
      head: p.head,
      loss: p.loss,
      init: { kind: "normal", scale: 0.5, bias: s.bias },
      optimizer: { kind: "sgd", lr: s.lr },
      seeds: seedStreams(s.seed),
      dataset: { kind: "linear", n: 200, noise: 0.05, testFraction: 0.25 },
      precision: s.prec,
    },
    boundarySize: BINARY_GRID,
    diagnosticsEvery: 1,
    saturationThreshold: SATURATION_THRESHOLD,
    path: null,
    outputParts: PARTS_POINTS,
    perceptron: null,
    // The leader's snapshots drive the step counter and the controls, once a frame. The other two pairings are
    // drawn only in the views' own frames (FrameSync, 15 a second each), so they need no more: the worker thread
    // the three share spends the time training instead of building snapshots no frame shows.
    ...(pairing === LEADER ? {} : { frameMs: FOLLOWER_FRAME_MS }),
  };
}

/** The multiclass session: layers [2, width, classes], softmax + cross-entropy, SGD at `s.mlr`. */
export function multiclassSpec(s: Settings): SessionSpec<"output-loss"> {
  const data = s.data === "spirals" ? "spirals" : "blobs";
  return {
    lab: "output-loss",
    config: {
      layers: [2, s.width, s.classes],
      hidden: s.hidden,
      head: "softmax",
      loss: "cross-entropy",
      init: { kind: s.hidden === "tanh" ? "xavier-normal" : "he-normal", bias: 0 },
      optimizer: { kind: "sgd", lr: s.mlr },
      seeds: seedStreams(s.seed),
      dataset: { kind: data, ...MULTICLASS_DATA[data], classes: s.classes, testFraction: 0.25 },
      precision: s.prec,
    },
    boundarySize: MULTICLASS_GRID,
    diagnosticsEvery: 1,
    saturationThreshold: SATURATION_THRESHOLD,
    path: null,
    outputParts: 0,
    perceptron: null,
    outputLogits: true,
  };
}
