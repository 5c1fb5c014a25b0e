/**
 * The plain, serialisable trainer config (what URLs, lab props and worker messages carry) and its
 * validation. Everything is a name or a number; implementations are looked up in the core.
 */
import { ACTIVATION_NAMES, type ActivationName } from "../activations/activations.ts";
import {
  DATASET_KINDS,
  datasetClasses,
  MULTICLASS_DATASETS,
  POINTS_KIND,
  type DatasetConfig,
  type DatasetSource,
  type PointsData,
} from "../data/datasets.ts";
import { HEAD_NAMES, type HeadName } from "../network/heads.ts";
import { INIT_KINDS, type InitKind } from "../network/init.ts";
import { LIMITS, parameterCount } from "../limits.ts";
import { LOSS_HEADS, LOSS_NAMES, type LossName } from "../losses/losses.ts";
import { PRECISIONS, type Precision } from "../names.ts";
import { OPTIMIZER_KINDS, type OptimizerConfig } from "./optimizers.ts";
import { isIntegerIn, isNumberIn, isOneOf, isPlainObject } from "../checks.ts";
import { Reader, show, type Obj } from "./config-reader.ts";

/** How weights and biases start. scale: the std/bound of "normal"/"uniform", a gain for the others (default 1). bias: every bias (default 0). */
export interface InitConfig {
  kind: InitKind;
  scale?: number;
  bias?: number;
}

/** Seeds for the three independent random streams. */
export interface SeedConfig {
  data: number;
  init: number;
  batch: number;
}

/** A whole training setup. Example: `{ layers: [2, 8, 8, 1], hidden: "tanh", head: "sigmoid", loss: "bce", … }`. */
export interface TrainerConfig {
  /** Units per layer: [2 inputs, ...hidden widths, outputs]. Outputs: 1 for a binary head, else the class count. */
  layers: number[];
  hidden: ActivationName;
  /** Leaky ReLU's negative slope (default 0.01) or ELU's α (default 1). */
  alpha?: number;
  head: HeadName;
  loss: LossName;
  init: InitConfig;
  optimizer: OptimizerConfig;
  /** Minibatch size, or "full" (the default) for the whole training set every step. */
  batchSize?: number | "full";
  seeds: SeedConfig;
  dataset: DatasetConfig;
  /**
   * "float64" (the default: the exact reference) or "float32": every stored value and every arithmetic result
   * rounded to float32, with PyTorch's float32 formulas (σ′ = σ(1 − σ), tanh′ = 1 − tanh², BCELoss's clamped
   * backward). validateConfig always fills it in.
   */
  precision?: Precision;
}

/** Thrown by validateConfig; `issues` lists every problem found, each naming its field. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid trainer config:\n- ${issues.join("\n- ")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/**
 * Checks an untrusted value (parsed JSON, URL state, a worker message) and returns a normalised
 * TrainerConfig: defaults filled in, unknown keys dropped. Throws ConfigError listing every issue.
 */
export function validateConfig(input: unknown): TrainerConfig {
  const r = new Reader();
  if (!isPlainObject(input)) throw new ConfigError([`config must be an object; got ${show(input)}.`]);
  const layers = readLayers(r, input.layers);
  const hidden = r.name(input, "", "hidden", ACTIVATION_NAMES);
  const alpha = r.num(input, "", "alpha", 0, LIMITS.maxAlpha, { optional: true });
  const head = r.name(input, "", "head", HEAD_NAMES);
  const loss = r.name(input, "", "loss", LOSS_NAMES);
  if (head && loss && !LOSS_HEADS[loss].includes(head)) {
    r.issues.push(
      `loss "${loss}" needs head ${LOSS_HEADS[loss].map((h) => `"${h}"`).join(" or ")}; got head "${head}".`,
    );
  }
  const ini = r.obj(input, "init");
  const init: InitConfig = {
    kind: r.name(ini, "init.", "kind", INIT_KINDS) ?? "normal",
    scale: r.num(ini, "init.", "scale", 0, LIMITS.maxInitScale, { optional: true }) ?? 1,
    bias: r.num(ini, "init.", "bias", -LIMITS.maxAbsBias, LIMITS.maxAbsBias, { optional: true }) ?? 0,
  };
  const optimizer = readOptimizer(r, r.obj(input, "optimizer"));
  const s = r.obj(input, "seeds");
  const seeds: SeedConfig = {
    data: r.num(s, "seeds.", "data", 0, LIMITS.maxSeed, { int: true }) ?? 0,
    init: r.num(s, "seeds.", "init", 0, LIMITS.maxSeed, { int: true }) ?? 0,
    batch: r.num(s, "seeds.", "batch", 0, LIMITS.maxSeed, { int: true }) ?? 0,
  };
  const dataset = readDataset(r, r.obj(input, "dataset"));
  let batchSize: number | "full" = "full";
  if (input.batchSize !== undefined && input.batchSize !== "full") {
    batchSize = r.num(input, "", "batchSize", 1, LIMITS.maxPoints, { int: true }) ?? "full";
  }
  const precision = input.precision === undefined ? "float64" : r.name(input, "", "precision", PRECISIONS);
  if (r.issues.length === 0 && layers && head && loss && dataset) checkShapes(r, layers, head, loss, dataset);
  if (r.issues.length > 0) throw new ConfigError(r.issues);
  const config: TrainerConfig = {
    layers: layers!,
    hidden: hidden!,
    head: head!,
    loss: loss!,
    init,
    optimizer,
    batchSize,
    seeds,
    dataset: dataset!,
    precision: precision!,
  };
  if (alpha !== undefined) config.alpha = alpha;
  return config;
}

function readLayers(r: Reader, v: unknown): number[] | undefined {
  const max = LIMITS.maxHiddenLayers + 2;
  if (!Array.isArray(v) || v.length < 2 || v.length > max) {
    r.issues.push(`layers must be an array of 2 to ${max} widths [2, ...hidden, outputs]; got ${show(v)}.`);
    return undefined;
  }
  const bad = v.findIndex((w) => !isIntegerIn(w, 1, LIMITS.maxWidth));
  if (bad >= 0) {
    r.issues.push(`layers[${bad}] must be an integer width in [1, ${LIMITS.maxWidth}]; got ${show(v[bad])}.`);
    return undefined;
  }
  if (v[0] !== 2) r.issues.push(`layers[0] must be 2 (the datasets are 2-D); got ${v[0]}.`);
  return v.slice() as number[];
}

function readOptimizer(r: Reader, o: Obj): OptimizerConfig {
  const kind = r.name(o, "optimizer.", "kind", OPTIMIZER_KINDS) ?? "sgd";
  const out: OptimizerConfig = { kind, lr: r.num(o, "optimizer.", "lr", 0, LIMITS.maxLearningRate) ?? 0 };
  const momentum = r.num(o, "optimizer.", "momentum", 0, 0.9999, { optional: true });
  const beta1 = r.num(o, "optimizer.", "beta1", 0, 0.9999, { optional: true });
  const beta2 = r.num(o, "optimizer.", "beta2", 0, 0.999999, { optional: true });
  const eps = r.num(o, "optimizer.", "eps", 1e-300, 1, { optional: true });
  const weightDecay = r.num(o, "optimizer.", "weightDecay", 0, LIMITS.maxWeightDecay, { optional: true });
  if (kind === "momentum") out.momentum = momentum ?? 0.9;
  if (kind === "adam") Object.assign(out, { beta1: beta1 ?? 0.9, beta2: beta2 ?? 0.999, eps: eps ?? 1e-8 });
  out.weightDecay = weightDecay ?? 0;
  return out;
}

function readDataset(r: Reader, o: Obj): DatasetConfig | undefined {
  const kind = r.name(o, "dataset.", "kind", DATASET_SOURCES);
  const n = r.num(o, "dataset.", "n", LIMITS.minPoints, LIMITS.maxPoints, { int: true });
  const noise = r.num(o, "dataset.", "noise", 0, kind === POINTS_KIND ? 0 : LIMITS.maxNoise);
  const testFraction = r.num(o, "dataset.", "testFraction", 0, LIMITS.maxTestFraction, { optional: true }) ?? 0;
  if (!kind || n === undefined || noise === undefined) return undefined;
  const out: DatasetConfig = { kind, n, noise, testFraction };
  if (kind === POINTS_KIND) {
    out.classes = r.num(o, "dataset.", "classes", 2, LIMITS.maxClasses, { int: true }) ?? 2;
    const points = readPoints(r, o.points, n, out.classes);
    if (!points) return undefined;
    out.points = points;
  } else if (isOneOf(MULTICLASS_DATASETS, kind)) {
    out.classes = r.num(o, "dataset.", "classes", 2, LIMITS.maxClasses, { int: true, optional: true }) ?? 3;
  } else if (o.classes !== undefined && o.classes !== 2) {
    r.issues.push(`dataset.classes must be 2 (or absent) for "${kind}", which is binary; got ${show(o.classes)}.`);
  }
  return out;
}

/** What a dataset's kind may name: a generator, or the points the config carries. */
const DATASET_SOURCES: readonly DatasetSource[] = [...DATASET_KINDS, POINTS_KIND];

/** Kind "points"' own points: n of them, each coordinate finite and bounded, each label a class index. Copied. */
function readPoints(r: Reader, v: unknown, n: number, classes: number): PointsData | undefined {
  const p = isPlainObject(v) ? v : {};
  const { x, labels } = p;
  const max = LIMITS.maxAbsCoordinate;
  if (!Array.isArray(x) || x.length !== 2 * n) {
    r.issues.push(`dataset.points.x must be an array of ${2 * n} coordinates (x₁, x₂ of each point); got ${brief(x)}.`);
    return undefined;
  }
  if (!Array.isArray(labels) || labels.length !== n) {
    r.issues.push(`dataset.points.labels must be an array of ${n} class indices; got ${brief(labels)}.`);
    return undefined;
  }
  const badX = x.findIndex((c) => !isNumberIn(c, -max, max));
  if (badX >= 0) {
    r.issues.push(`dataset.points.x[${badX}] must be a number in [${-max}, ${max}]; got ${show(x[badX])}.`);
    return undefined;
  }
  const badLabel = labels.findIndex((c) => !isIntegerIn(c, 0, classes - 1));
  if (badLabel >= 0) {
    r.issues.push(
      `dataset.points.labels[${badLabel}] must be an integer in [0, ${classes - 1}]; got ${show(labels[badLabel])}.`,
    );
    return undefined;
  }
  return { x: x.slice() as number[], labels: labels.slice() as number[] };
}

/** A long array as it should appear in a message: its length, not its contents. */
function brief(v: unknown): string {
  return Array.isArray(v) ? `an array of ${v.length}` : show(v);
}

/** Cross-field checks: output width against classes and head, parameter budget, split sizes. */
function checkShapes(r: Reader, layers: number[], head: HeadName, loss: LossName, dataset: DatasetConfig): void {
  const k = datasetClasses(dataset);
  const out = layers[layers.length - 1]!;
  const ok = out === k || (head !== "softmax" && k === 2 && out === 1);
  if (!ok) {
    const want =
      head === "softmax"
        ? `${k} (one per class)`
        : k === 2
          ? "1 (binary) or 2 (one-hot)"
          : `${k} (one per class, one-hot targets)`;
    r.issues.push(
      `layers[${layers.length - 1}] (outputs) must be ${want} for head "${head}" on ${k}-class "${dataset.kind}"; got ${out}.`,
    );
  }
  if (loss === "cross-entropy" && out < 2) r.issues.push(`loss "cross-entropy" needs at least 2 outputs; got ${out}.`);
  const params = parameterCount(layers);
  if (params > LIMITS.maxParameters)
    r.issues.push(`the network has ${params} parameters; at most ${LIMITS.maxParameters} are allowed.`);
  else if (params * dataset.n > LIMITS.maxWork) {
    r.issues.push(
      `parameters × points = ${params} × ${dataset.n} exceeds ${LIMITS.maxWork}; use a smaller network or fewer points.`,
    );
  }
  const nTest = Math.round(dataset.n * dataset.testFraction);
  if (dataset.n - nTest < 2)
    r.issues.push(`dataset.testFraction ${dataset.testFraction} leaves fewer than 2 training points.`);
}
