/**
 * The typed protocol between a lab (main thread) and its training worker. Every message is plain
 * data; big arrays travel as transferred Float64Array buffers. Each run has an id: a message about
 * an older run is dropped, so a late snapshot can never overwrite a reset or a new configuration.
 *
 *   lab ──start(runId, spec)──► worker          worker ──snapshot(runId, …)──► lab  (at most once per frame)
 *   lab ──play / pause / step / reset / set-lr / set-activation / shock──► worker
 *   worker ──error(runId, message)──► lab      (a bad spec or a crash: the lab shows it and offers a reset)
 */

/** What to train and what to measure, as plain data (the same object a lab keeps in its URL). */
export interface SessionSpec {
  /** A TrainerConfig; validated by the core in the worker, so a bad one becomes an error message. */
  config: unknown;
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
}

/** Messages a lab sends. */
export type ToWorker =
  | { type: "start"; runId: number; spec: SessionSpec }
  | { type: "play"; runId: number; stepsPerSecond: number }
  | { type: "pause"; runId: number }
  | { type: "step"; runId: number; steps: number }
  | { type: "reset"; runId: number }
  | { type: "set-lr"; runId: number; lr: number }
  | { type: "set-activation"; runId: number; hidden: string; alpha: number }
  | { type: "shock"; runId: number; lr: number };

/** One layer's numbers at the latest measurement. */
export interface LayerSnapshot {
  units: number;
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
 * [step, trainLoss, testLoss, gradNormW × L, deadFraction × L, saturation × L] (L = weight layers).
 * testLoss is NaN when there is no test split (the plots skip it).
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
  /** ‖θ − θ₀‖: how far the weights have moved since the start (0 means they never moved). */
  distanceFromStart: number;
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
