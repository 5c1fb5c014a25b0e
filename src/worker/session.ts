/**
 * A training session: one core Trainer plus the extra measurements labs draw (boundary grid, path
 * product, output-gradient split, a perceptron, "dead since" steps, a history of every measurement).
 * Pure and synchronous, so the same code runs in the worker, in unit tests and at build time for
 * the static snapshot readers without JavaScript see.
 */
import {
  clampTo,
  createPerceptron,
  createTrainer,
  isActivationName,
  LIMITS,
  outputGradientParts,
  pathProduct,
  predictGrid,
  readLayer,
  readParameters,
  type Perceptron,
  type Trainer,
  type TrainerConfig,
  type Workspace,
} from "../core/index.ts";
import type {
  DataSnapshot,
  HistoryChunk,
  OutputPartsSnapshot,
  PathSnapshot,
  SessionSpec,
  Snapshot,
} from "./protocol.ts";
import { RunJournal, type RunChange } from "./run-record.ts";

/** History rows kept between two snapshots; older rows are thinned (every other one dropped) beyond this. */
const MAX_PENDING_ROWS = 256;

/** A trainer and its instruments, stepped on demand; snapshot() reads everything out as plain data. */
export class TrainingSession {
  readonly spec: SessionSpec;
  readonly trainer: Trainer;
  readonly perceptron: Perceptron | null;
  readonly #initial: Float64Array;
  readonly #deadSince: number[];
  readonly #boundary: Float64Array | null;
  readonly #width: number;
  #pending: number[] = [];
  #dataSent = false;
  /** Workspace for the training points' forward pass (outputLogits), made on first use. */
  #logitSpace: Workspace | null = null;
  #lastMeasured = -1;
  readonly #journal = new RunJournal();

  /** Builds the trainer (throws the core's ConfigError, whose message names each bad field). */
  constructor(spec: SessionSpec) {
    this.spec = spec;
    this.trainer = createTrainer(spec.config, {
      every: Math.max(1, Math.floor(spec.diagnosticsEvery)),
      saturationThreshold: spec.saturationThreshold,
      histogramBins: 0,
    });
    const c = this.trainer.config;
    this.perceptron = spec.perceptron
      ? createPerceptron({ dataset: c.dataset, seeds: c.seeds, init: c.init, lr: spec.perceptron.lr })
      : null;
    this.#initial = readParameters(this.trainer);
    this.#deadSince = new Array<number>(c.layers.slice(1, -1).reduce((s, w) => s + w, 0)).fill(-1);
    const size = Math.min(Math.max(0, Math.floor(spec.boundarySize)), LIMITS.maxGrid);
    this.#boundary = size > 0 ? new Float64Array(size * size * this.trainer.mlp.outputs) : null;
    this.#width = 6 + 3 * (c.layers.length - 1);
    this.trainer.evaluate();
    this.#record();
  }

  /** The config being trained, including learning-rate and activation changes. */
  get config(): TrainerConfig {
    return this.trainer.config;
  }

  /** Runs up to n steps (fewer if the run diverges), recording each measurement. Returns steps done. */
  step(n: number): number {
    let done = 0;
    const every = Math.max(1, Math.floor(this.spec.diagnosticsEvery));
    while (done < n && this.trainer.status.status === "ok") {
      // Step to the next measurement at most, so every measurement lands in the history.
      const toNext = every - (this.trainer.steps % every);
      const ran = this.trainer.step(Math.min(n - done, toNext));
      this.perceptron?.step(ran);
      done += ran;
      if (ran === 0) break;
      this.#record();
    }
    return done;
  }

  /** The reader's changes since step 0 (see run-record.ts), or null once there were too many to keep. */
  get changes(): RunChange[] | null {
    return this.#journal.changes;
  }

  /**
   * Back to the initial weights, step 0; the history restarts. The learning rate and activation stay as the
   * reader left them, so the run's record starts with them as changes at step 0.
   */
  reset(): void {
    const c = this.trainer.config;
    const kept: RunChange[] = [];
    if (c.optimizer.lr !== this.spec.config.optimizer.lr) kept.push({ step: 0, type: "lr", lr: c.optimizer.lr });
    if (c.hidden !== this.spec.config.hidden || c.alpha !== this.spec.config.alpha)
      kept.push({ step: 0, type: "activation", hidden: c.hidden, alpha: this.#alpha() });
    this.#journal.restart(kept);
    this.trainer.reset();
    this.perceptron?.reset();
    this.#deadSince.fill(-1);
    this.#pending = [];
    this.#lastMeasured = -1;
    this.trainer.evaluate();
    this.#record();
  }

  /** Changes the learning rate from the next step on (clamped to the core's limits). */
  setLearningRate(lr: number): void {
    this.trainer.setLearningRate(clampTo(lr, 0, LIMITS.maxLearningRate));
    this.#journal.add({ step: this.trainer.steps, type: "lr", lr: this.trainer.learningRate });
  }

  /** Swaps the hidden activation in place (ReLU → Leaky ReLU revives units without touching the weights). */
  setActivation(hidden: string, alpha: number): void {
    if (!isActivationName(hidden)) throw new Error(`Unknown activation ${JSON.stringify(hidden)}.`);
    this.trainer.setHiddenActivation(hidden, clampTo(alpha, 0, LIMITS.maxAlpha));
    this.#journal.add({ step: this.trainer.steps, type: "activation", hidden, alpha: this.#alpha() });
    this.#remeasure();
  }

  /** One step at a huge learning rate, then the old rate again: the classic way to kill ReLU units. */
  shock(lr: number): void {
    const t = this.trainer;
    const before = t.learningRate;
    const rate = clampTo(lr, 0, LIMITS.maxLearningRate);
    this.#journal.add({ step: t.steps, type: "shock", lr: rate });
    t.setLearningRate(rate);
    this.step(1);
    t.setLearningRate(before);
    // A step's diagnostics describe the weights it started from; show the reader the weights the shock left.
    this.#remeasure();
  }

  /** Measures the current weights again and replaces this step's history row and "dead since" with the result. */
  #remeasure(): void {
    if (this.trainer.status.status !== "ok" || !this.trainer.evaluate()) return;
    const w = this.#width;
    const last = this.#pending.length - w;
    if (last >= 0 && this.#pending[last] === this.trainer.steps) this.#pending.length = last;
    this.#lastMeasured = -1;
    this.#record();
  }

  /**
   * Everything a lab draws, as plain data. Takes the pending history (the next snapshot starts a new chunk).
   * `atRest`: the run is not playing, so this state stays until the lab's next command.
   */
  snapshot(runId: number, atRest = true): Snapshot {
    const t = this.trainer;
    const d = t.diagnostics;
    const status = t.status;
    if (this.#boundary) predictGrid(t, Math.round(Math.sqrt(this.#boundary.length / t.mlp.outputs)), this.#boundary);
    const history: HistoryChunk = {
      width: this.#width,
      rows: this.#pending.length / this.#width,
      data: Float64Array.from(this.#pending),
    };
    this.#pending = [];
    const snapshot: Snapshot = {
      runId,
      status: status.status,
      step: t.steps,
      divergedAt: status.status === "diverged" ? status.step : null,
      reason: status.status === "diverged" ? status.reason : null,
      learningRate: t.learningRate,
      hidden: t.config.hidden,
      alpha: this.#alpha(),
      trainLoss: d.valid ? d.trainLoss : null,
      testLoss: d.valid ? d.testLoss : null,
      trainAccuracy: d.valid ? d.trainAccuracy : null,
      testAccuracy: d.valid ? d.testAccuracy : null,
      layers: d.layers.map((l, i) => ({
        units: l.dead.length,
        distinctUnits: distinctUnits(t, i),
        gradNormW: l.gradNormW,
        gradNormB: l.gradNormB,
        meanAbsDelta: l.meanAbsDelta,
        saturation: l.saturation,
        deadUnits: l.deadUnits,
        updateRatio: l.updateRatio,
      })),
      deadSince: this.#deadSince.slice(),
      boundary: this.#boundary ? this.#boundary.slice() : null,
      boundarySize: this.#boundary ? Math.round(Math.sqrt(this.#boundary.length / t.mlp.outputs)) : 0,
      outputs: t.mlp.outputs,
      path: this.#path(),
      outputParts: this.#outputParts(),
      perceptron: this.perceptron
        ? {
            w: [this.perceptron.w[0]!, this.perceptron.w[1]!],
            b: this.perceptron.b,
            updates: this.perceptron.visits,
            trainAccuracy: this.perceptron.accuracy("train"),
          }
        : null,
      logits: this.spec.outputLogits && status.status === "ok" ? this.#logits() : null,
      distanceFromStart: distance(readParameters(t), this.#initial),
      kernels: t.kernels,
      precision: t.precision,
      atRest,
      changes: this.#journal.changes,
      history,
      data: this.#dataSent ? null : this.#data(),
    };
    this.#dataSent = true;
    return snapshot;
  }

  /** The hidden activation's α as it trains (its default when the config leaves it out). */
  #alpha(): number {
    const c = this.trainer.config;
    return c.alpha ?? (c.hidden === "elu" ? 1 : 0.01);
  }

  /** Appends the current diagnostics to the pending history and updates "dead since". */
  #record(): void {
    const d = this.trainer.diagnostics;
    if (!d.valid || d.step === this.#lastMeasured) return;
    this.#lastMeasured = d.step;
    const layers = d.layers;
    const row = [d.step, d.trainLoss, d.testLoss ?? Number.NaN];
    for (const l of layers) row.push(l.gradNormW);
    for (const l of layers) row.push(l.deadUnits / l.dead.length);
    for (const l of layers) row.push(l.saturation);
    // Accuracy too, so a lab that opens warmed up can draw its accuracy chart from step 0, not from one point.
    row.push(d.trainAccuracy, d.testAccuracy ?? Number.NaN, this.perceptron?.accuracy("train") ?? Number.NaN);
    this.#pending.push(...row);
    if (this.#pending.length > MAX_PENDING_ROWS * this.#width) this.#thin();
    let u = 0;
    for (let l = 0; l < layers.length - 1; l++) {
      const dead = layers[l]!.dead;
      for (let j = 0; j < dead.length; j++, u++) {
        if (dead[j] === 1 && this.#deadSince[u] === -1) this.#deadSince[u] = d.step;
        else if (dead[j] === 0) this.#deadSince[u] = -1;
      }
    }
  }

  /** Drops every other pending row (keeping the newest), so a long unobserved stretch stays bounded. */
  #thin(): void {
    const w = this.#width;
    const rows = this.#pending.length / w;
    const kept: number[] = [];
    for (let r = rows % 2 === 0 ? 1 : 0; r < rows; r += 2) kept.push(...this.#pending.slice(r * w, (r + 1) * w));
    this.#pending = kept;
  }

  #path(): PathSnapshot | null {
    const p = this.spec.path;
    if (!p) return null;
    const depth = this.trainer.mlp.depth;
    const sizes = this.trainer.config.layers;
    const indices = sizes.map((width, l) => clampTo(Math.floor(p.indices[l] ?? 0), 0, width - 1));
    const factors = new Float64Array(depth);
    const fPrime = new Float64Array(depth);
    const weights = new Float64Array(depth);
    const product = pathProduct(this.trainer, p.x[0], p.x[1], indices, factors, fPrime, weights);
    return { factors: [...factors], fPrime: [...fPrime], weights: [...weights], product };
  }

  #outputParts(): OutputPartsSnapshot | null {
    const count = Math.min(this.spec.outputParts, this.trainer.dataset.train.n);
    if (count <= 0) return null;
    const t = this.trainer;
    const n = t.dataset.train.n;
    const m = t.mlp.outputs;
    const dLda = new Float64Array(n * m);
    const dadz = new Float64Array(n * m);
    const dLdz = new Float64Array(n * m);
    outputGradientParts(t, dLda, dadz, dLdz);
    // The core's parts carry the mean's 1/N; per-example values read better, so multiply it back.
    const pick = (v: ArrayLike<number>, k: number) => Array.from({ length: count }, (_, i) => v[i * m]! * k);
    // a and z from a forward pass: recovering them from the gradients fails where float32 or BCELoss's floor
    // breaks the identities (a − y = ∂L/∂z under BCE).
    const ws = this.#forwardTrain();
    const last = t.mlp.depth - 1;
    return {
      a: pick(ws.a[last]!, 1),
      z: pick(ws.z[last]!, 1),
      dLda: pick(dLda, n),
      dadz: pick(dadz, 1),
      dLdz: pick(dLdz, n),
    };
  }

  /** z of the output layer at every training point: one forward pass, n × outputs, in the training points' order. */
  #logits(): number[] {
    const { mlp, dataset } = this.trainer;
    const ws = this.#forwardTrain();
    return Array.from(ws.z[mlp.depth - 1]!.subarray(0, dataset.train.n * mlp.outputs));
  }

  /** One forward pass over the training points in a workspace kept for it (the logits and output parts read it). */
  #forwardTrain() {
    const { mlp, dataset } = this.trainer;
    const n = dataset.train.n;
    const ws = (this.#logitSpace ??= mlp.workspace(n));
    ws.x.set(dataset.train.x.subarray(0, 2 * n));
    mlp.forward(ws, n);
    return ws;
  }

  #data(): DataSnapshot {
    const { train, test, classes } = this.trainer.dataset;
    return {
      classes,
      trainX: train.x.slice(),
      trainLabels: train.labels.slice(),
      testX: test.x.slice(),
      testLabels: test.labels.slice(),
    };
  }
}

/** Euclidean distance ‖a − b‖ between two parameter vectors of equal length. */
function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += d * d;
  }
  return Math.sqrt(s);
}

/**
 * How many of weight layer l's units differ: units whose incoming weights and bias are all equal count once.
 * Units that start equal get equal gradients and stay equal (symmetry); any random initialiser gives all distinct.
 */
export function distinctUnits(trainer: Trainer, l: number): number {
  const { W, b } = readLayer(trainer, l);
  const units = b.length;
  const inputs = W.length / units;
  const seen = new Set<string>();
  for (let j = 0; j < units; j++) {
    let key = `${b[j]}`;
    for (let i = 0; i < inputs; i++) key += `,${W[i * units + j]}`;
    seen.add(key);
  }
  return seen.size;
}
