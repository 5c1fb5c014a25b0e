/**
 * The typed protocol between a lab (main thread) and its training worker. Every message is plain
 * data; big arrays travel as transferred Float64Array buffers. Each run has an id: a message about
 * an older run is dropped, so a late snapshot can never overwrite a reset or a new configuration.
 *
 *   lab ──start(runId, spec)──► worker          worker ──snapshot(runId, …)──► lab  (at most once per frame)
 *   lab ──replay(runId, spec, changes, step)──► worker   (a run from a file, trained again: replay.ts)
 *   lab ──play / pause / step / reset / set-lr / set-activation / shock──► worker
 *   worker ──error(runId, message)──► lab      (a bad spec or a crash: the lab shows it and offers a reset)
 */
import { isIntegerIn, isPlainObject, isPrecision, type Precision, type TrainerConfig } from "../core/index.ts";
import type { RunChange } from "./run-record.ts";

/**
 * What to train and what to measure, as plain data. `lab` names the lab that asks (its id): labs/index.ts
 * narrows the type per lab (LabSessionSpec), so each lab's config is checked against the core's TrainerConfig
 * where it is written; the worker still validates it, since a message is a boundary.
 */
export interface SessionSpec<Lab extends string = string> {
  lab: Lab;
  /**
   * The trainer config; validated again by the core in the worker, so a bad one becomes an error message. Its
   * `precision` ("float64", the default, or "float32") chooses what the run computes in.
   */
  config: TrainerConfig;
  /** Decision-boundary grid side (0 = none). */
  boundarySize: number;
  /** Measure diagnostics every k steps (1 = every step). */
  diagnosticsEvery: number;
  /** |f′(z)| below this counts as saturated. */
  saturationThreshold: number;
  /** A path for the chain-rule product: input point and one index per layer (input index first). */
  path: { x: [number, number]; indices: number[] } | null;
  /** Also report the output-layer gradient split ∂L/∂a · ∂a/∂z for the first `outputParts` training points. */
  outputParts: number;
  /** Also train a perceptron (rule, no gradient) on the same data from the same initial weights. */
  perceptron: { lr: number } | null;
  /** Also report the output logits z at every training point (the softmax table at the reader's chosen point). */
  outputLogits?: boolean;
  /**
   * While playing, post a snapshot at most every `frameMs` ms (clamped to FRAME_MS…MAX_FRAME_MS; FRAME_MS if
   * absent). A lab whose every snapshot redraws many charts asks for fewer, so its page keeps idle time.
   */
  frameMs?: number;
}

/** Messages a lab sends. */
export type ToWorker =
  | { type: "start"; runId: number; spec: SessionSpec }
  /**
   * A new run that trains a record again (replay.ts): the spec, the reader's changes at their steps, up to `step`
   * (at most LIMITS.maxStepsPerCommand). The worker reads the changes again, since a message is a boundary.
   */
  | { type: "replay"; runId: number; spec: SessionSpec; changes: RunChange[]; step: number }
  | { type: "play"; runId: number; stepsPerSecond: number }
  | { type: "pause"; runId: number }
  | { type: "step"; runId: number; steps: number }
  | { type: "reset"; runId: number }
  | { type: "set-lr"; runId: number; lr: number }
  | { type: "set-activation"; runId: number; hidden: string; alpha: number }
  | { type: "shock"; runId: number; lr: number }
  /** The page has drawn the latest snapshot it received (see Runner: the worker stays at most one snapshot ahead). */
  | { type: "shown"; runId: number };

/** One layer's numbers at the latest measurement. */
export interface LayerSnapshot {
  units: number;
  /** Units whose incoming weights and bias differ from every other unit's (fewer than units: some are copies). */
  distinctUnits: number;
  gradNormW: number;
  gradNormB: number;
  meanAbsDelta: number;
  saturation: number;
  deadUnits: number;
  updateRatio: number;
}

/** Chain-rule factors along one path: factor[l] = fPrime[l] · weight[l]. */
export interface PathSnapshot {
  factors: number[];
  fPrime: number[];
  weights: number[];
  product: number;
}

/** The output-layer gradient split for the first few training points (first output only), per example. */
export interface OutputPartsSnapshot {
  /** The prediction a and the logit z of each of those points, as the network computed them. */
  a: number[];
  z: number[];
  dLda: number[];
  dadz: number[];
  dLdz: number[];
}

/** The perceptron trained beside the network (step lab). */
export interface PerceptronSnapshot {
  w: [number, number];
  b: number;
  /** Examples visited by the perceptron rule since the start. */
  updates: number;
  trainAccuracy: number;
}

/**
 * History rows measured since the previous snapshot: each row is
 * [step, trainLoss, testLoss, gradNormW × L, deadFraction × L, saturation × L, trainAccuracy, testAccuracy,
 * perceptronAccuracy] (L = weight layers). testLoss and testAccuracy are NaN when there is no test split (the
 * plots skip them), perceptronAccuracy when no perceptron trains beside the network.
 */
export interface HistoryChunk {
  width: number;
  rows: number;
  data: Float64Array;
}

/** The points a run trains and tests on: x is n×2 row-major, labels are class indices. */
export interface DataSnapshot {
  classes: number;
  trainX: Float64Array;
  trainLabels: Int32Array;
  testX: Float64Array;
  testLabels: Int32Array;
}

/** Everything a lab draws, at one moment of a run. No number in it is NaN except documented gaps. */
export interface Snapshot {
  runId: number;
  status: "ok" | "diverged";
  /** Completed steps. */
  step: number;
  /** Set when diverged: the step that failed and why. */
  divergedAt: number | null;
  reason: string | null;
  learningRate: number;
  hidden: string;
  alpha: number;
  /** Latest measured losses and accuracies (null before the first measurement). */
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  layers: LayerSnapshot[];
  /** Per hidden unit, layer after layer: −1 while alive, else the step at which it was first seen dead. */
  deadSince: number[];
  /** Class scores on the boundary grid: size × size × outputs, row 0 at the top (see core's decisionGrid). */
  boundary: Float64Array | null;
  boundarySize: number;
  outputs: number;
  path: PathSnapshot | null;
  outputParts: OutputPartsSnapshot | null;
  perceptron: PerceptronSnapshot | null;
  /**
   * With spec.outputLogits: the output layer's pre-activations z at every training point, n × outputs
   * row-major (the training points' order). Null when not asked for or once the run diverged.
   */
  logits?: number[] | null;
  /** ‖θ − θ₀‖: how far the weights have moved since the start (0 means they never moved). */
  distanceFromStart: number;
  /** Which kernels train this run: "simd" (WebAssembly SIMD tiles) or "js" (where SIMD cannot run). */
  kernels: "simd" | "js";
  /** The precision this run computes in (its config's): "float64" or "float32". */
  precision: Precision;
  /**
   * Sent while the run was not playing (an answer to Pause, Step, Reset, a change): nothing changes until the
   * lab's next command. A lab that has paused shows its final state once a snapshot at rest arrives.
   */
  atRest: boolean;
  /**
   * The reader's changes since step 0 (learning rates, activations, shocks, each at its step): with the spec
   * and the step, a RunRecord that replays this run. Null once there were too many to keep (MAX_RUN_CHANGES).
   */
  changes: RunChange[] | null;
  history: HistoryChunk;
  /** The dataset, sent with the first snapshot of a run (null afterwards: it does not change). */
  data: DataSnapshot | null;
}

/** Messages the worker sends. */
export type FromWorker = { type: "snapshot"; snapshot: Snapshot } | { type: "error"; runId: number; message: string };

/**
 * A message on a shared worker (see SharedTrainingWorker): several runs train in one worker, one Runner
 * per channel, and every message in either direction names its channel. A worker of one's own sends and
 * receives the messages bare.
 */
export interface Channelled<T> {
  channel: number;
  message: T;
}

/**
 * Why a message from the worker does not fit FromWorker, or null when it does. A lab draws whatever it
 * is sent, so a message with the right type but wrong data (a broken or mismatched worker build) is
 * refused at the boundary and shown as the lab's error, instead of failing deep inside a chart.
 * Checks shapes and lengths, not values: NaN in a documented gap is fine.
 */
export function malformed(message: unknown): string | null {
  if (!isPlainObject(message)) return "not an object";
  if (message.type === "error") {
    return isIntegerIn(message.runId) && typeof message.message === "string"
      ? null
      : "an error without a run or a text";
  }
  if (message.type !== "snapshot") return `unknown type ${JSON.stringify(message.type)}`;
  const s = message.snapshot;
  if (!isPlainObject(s)) return "a snapshot that is not an object";
  if (!isIntegerIn(s.runId) || !isIntegerIn(s.step) || (s.step as number) < 0)
    return "a snapshot without a run id or step";
  if (s.status !== "ok" && s.status !== "diverged") return "a snapshot with an unknown status";
  for (const key of ["learningRate", "alpha", "distanceFromStart"] as const)
    if (typeof s[key] !== "number") return `a snapshot whose ${key} is not a number`;
  if (s.kernels !== "simd" && s.kernels !== "js") return "a snapshot without its kernels";
  if (typeof s.atRest !== "boolean") return "a snapshot that does not say whether it is at rest";
  if (s.changes !== null && !(Array.isArray(s.changes) && s.changes.every(isPlainObject)))
    return "a snapshot without its run's changes";
  for (const key of ["trainLoss", "testLoss", "trainAccuracy", "testAccuracy", "divergedAt"] as const)
    if (s[key] !== null && typeof s[key] !== "number") return `a snapshot whose ${key} is not a number`;
  if (!Array.isArray(s.layers) || !s.layers.every((l) => isPlainObject(l) && isIntegerIn(l.units)))
    return "a snapshot without its layers";
  if (!Array.isArray(s.deadSince) || !s.deadSince.every((d) => typeof d === "number"))
    return "a snapshot without its unit states";
  const h = s.history;
  if (!isPlainObject(h) || !isIntegerIn(h.width) || !isIntegerIn(h.rows) || !(h.data instanceof Float64Array))
    return "a snapshot without its history";
  if (h.data.length !== (h.width as number) * (h.rows as number)) return "a history whose size does not match its rows";
  if (!isIntegerIn(s.boundarySize) || !isIntegerIn(s.outputs)) return "a snapshot without its grid size";
  if (s.boundary !== null) {
    if (!(s.boundary instanceof Float64Array)) return "a boundary grid that is not numbers";
    if (s.boundary.length !== (s.boundarySize as number) ** 2 * (s.outputs as number))
      return "a boundary grid whose size does not match";
  }
  const d = s.data;
  if (d !== null) {
    if (!isPlainObject(d) || !isIntegerIn(d.classes)) return "a dataset without its classes";
    const { trainX, trainLabels, testX, testLabels } = d;
    if (!(trainX instanceof Float64Array && testX instanceof Float64Array))
      return "a dataset whose points are not numbers";
    if (!(trainLabels instanceof Int32Array && testLabels instanceof Int32Array))
      return "a dataset whose labels are not integers";
    if (trainX.length !== 2 * trainLabels.length || testX.length !== 2 * testLabels.length)
      return "a dataset whose points and labels do not match";
  }
  if (!isPrecision(s.precision)) return "a snapshot without its precision";
  for (const key of ["path", "outputParts", "perceptron"] as const)
    if (s[key] !== null && !isPlainObject(s[key])) return `a snapshot whose ${key} is not an object`;
  if (s.logits != null && !(Array.isArray(s.logits) && s.logits.every((v) => typeof v === "number")))
    return "a snapshot whose logits are not numbers";
  return null;
}
