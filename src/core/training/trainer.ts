/**
 * Training loop over a validated config. Lifecycle:
 *
 *   createTrainer(config) ──► step(n) ──► step(n) … ──► (non-finite loss/weight) ─► diverged (sticky)
 *          ▲                                                                              │
 *          └──────────────────────────── reset() ◄────────────────────────────────────────┘
 *
 * reset() restores the initial weights bit for bit, clears the optimiser and replays the batch order.
 * A step allocates nothing: every buffer is made here, once.
 */
import { validateConfig, type TrainerConfig } from "./config.ts";
import { makeDataset, encodeTargets, type Dataset, type Split } from "../data/datasets.ts";
import {
  copyDiagnosticsInto,
  createDiagnostics,
  diagnosticsFinite,
  type Diagnostics,
} from "../diagnostics/diagnostics.ts";
import { histogram } from "../diagnostics/statistics.ts";
import { initWeights } from "../network/init.ts";
import { LIMITS } from "../limits.ts";
import {
  checkDiagnosticsOptions,
  histogramRanges,
  measure,
  measureUpdate,
  type DiagnosticsOptions,
} from "../diagnostics/measure.ts";
import { SATURATION_THRESHOLD } from "../diagnostics/saturation.ts";
import type { FloatArray } from "../kernels/float-array.ts";
import { Mlp, type KernelChoice, type Workspace } from "../network/mlp.ts";
import { numerics } from "../network/numerics.ts";
import { Optimizer } from "./optimizers.ts";
import { MinibatchSampler } from "./batches.ts";
import { createRng } from "../data/rng.ts";
import type { Precision } from "../names.ts";

/** Where training stands. step counts completed steps; when diverged, step is the 1-based step that failed (it was not applied). */
export type TrainStatus = { status: "ok"; step: number } | { status: "diverged"; step: number; reason: string };

/** Default diagnostics: every step, saturation below the course's threshold (|f′| < 0.01), 20 histogram bins. */
export const DEFAULT_DIAGNOSTICS: Readonly<DiagnosticsOptions> = Object.freeze({
  every: 1,
  saturationThreshold: SATURATION_THRESHOLD,
  histogramBins: 20,
});

/** What a trainer is built with besides its config: diagnostics options and, for tests and benchmarks, the kernels. */
export interface TrainerOptions extends Partial<DiagnosticsOptions> {
  /** Default "simd" (WebAssembly SIMD where it runs, else JavaScript); both give the same numbers. */
  kernels?: KernelChoice;
}

/** A network, its data and optimiser, trained step by step. */
export class Trainer {
  #config: TrainerConfig;
  readonly dataset: Dataset;
  readonly mlp: Mlp;
  readonly batchSize: number;
  readonly #initial: FloatArray;
  readonly #prev: FloatArray;
  readonly #opt: Optimizer;
  readonly #batch: Workspace;
  readonly #train: Workspace;
  readonly #test: Workspace | null;
  readonly #sampler: MinibatchSampler | null;
  readonly #negative: number;
  #steps = 0;
  /** Why and where training diverged; null while ok (kept as two fields so a step allocates no status object). */
  #divergedAt = 0;
  #reason: string | null = null;
  #lastLoss = NaN;
  #options: DiagnosticsOptions;
  #diag: Diagnostics;
  #scratch: Diagnostics;

  constructor(input: unknown, { kernels, ...options }: TrainerOptions = {}) {
    const config = validateConfig(input);
    this.#config = config;
    this.dataset = makeDataset(config.dataset, config.seeds.data);
    const num = numerics(config.precision ?? "float64");
    this.mlp = new Mlp({
      sizes: config.layers,
      hidden: num.activation(config.hidden, config.alpha),
      hiddenKernel: num.activationKernel(config.hidden, config.alpha),
      head: config.head,
      loss: config.loss,
      kernels,
      precision: num.precision,
    });
    const rng = createRng(config.seeds.init);
    const s = config.layers;
    for (let l = 0; l < this.mlp.depth; l++) {
      initWeights(config.init.kind, config.init.scale ?? 1, this.mlp.W[l]!, s[l]!, s[l + 1]!, rng);
      this.mlp.b[l]!.fill(config.init.bias ?? 0);
    }
    this.#initial = this.mlp.params.slice();
    this.#prev = num.array(this.mlp.params.length);
    this.#opt = new Optimizer(config.optimizer, this.mlp.params.length, num.precision);
    this.#negative = config.head === "tanh" ? -1 : 0;
    const nTrain = this.dataset.train.n;
    this.batchSize =
      config.batchSize === "full" || config.batchSize === undefined ? nTrain : Math.min(config.batchSize, nTrain);
    this.#train = this.#filled(this.dataset.train);
    this.#test = this.dataset.test.n > 0 ? this.#filled(this.dataset.test) : null;
    this.#batch = this.batchSize === nTrain ? this.#train : this.mlp.workspace(this.batchSize);
    this.#sampler =
      this.#batch === this.#train ? null : new MinibatchSampler(nTrain, this.batchSize, config.seeds.batch);
    this.#options = checkDiagnosticsOptions({ ...DEFAULT_DIAGNOSTICS, ...options });
    this.#diag = this.#newDiagnostics();
    this.#scratch = this.#newDiagnostics();
  }

  /** A workspace holding a whole split, inputs and encoded targets copied in once. */
  #filled(split: Split): Workspace {
    const ws = this.mlp.workspace(split.n);
    ws.x.set(split.x);
    encodeTargets(split.labels, split.n, this.mlp.outputs, this.#negative, ws.y);
    return ws;
  }

  #newDiagnostics(): Diagnostics {
    const o = this.#options;
    return createDiagnostics(this.#config.layers, o.histogramBins, histogramRanges(this.#config, o));
  }

  /** The config this trainer runs, including later setLearningRate / setHiddenActivation changes. */
  get config(): TrainerConfig {
    return this.#config;
  }

  /** Current status (a fresh object). */
  get status(): TrainStatus {
    return this.#reason === null
      ? { status: "ok", step: this.#steps }
      : { status: "diverged", step: this.#divergedAt, reason: this.#reason };
  }

  /** The precision this trainer computes in (its config's; float64 unless asked for float32). */
  get precision(): Precision {
    return this.mlp.precision;
  }

  /** The kernels training steps run on: "simd" when the batch's workspace got its WebAssembly arena, else "js". */
  get kernels(): KernelChoice {
    return this.#batch.simd ? "simd" : "js";
  }

  /** Completed steps since construction or reset. */
  get steps(): number {
    return this.#steps;
  }

  /** Loss of the last step's batch (at the weights it started from); NaN before the first step. */
  get lastLoss(): number {
    return this.#lastLoss;
  }

  /** The latest diagnostics, updated in place (copy with cloneDiagnostics to keep them). Never holds NaN. */
  get diagnostics(): Diagnostics {
    return this.#diag;
  }

  /** Changes how often and how diagnostics are measured (every: 0 = never; k = after steps k, 2k, …). */
  setDiagnosticsOptions(options: Partial<DiagnosticsOptions>): void {
    const next = checkDiagnosticsOptions({ ...this.#options, ...options });
    const rebuild =
      next.histogramBins !== this.#options.histogramBins || next.histogramRange !== this.#options.histogramRange;
    this.#options = next;
    if (rebuild) {
      this.#diag = this.#newDiagnostics();
      this.#scratch = this.#newDiagnostics();
    }
  }

  /** Sets the learning rate from the next step on; optimiser state is kept. */
  setLearningRate(lr: number): void {
    if (!(lr >= 0 && lr <= LIMITS.maxLearningRate))
      throw new Error(`learning rate must be in [0, ${LIMITS.maxLearningRate}]; got ${lr}.`);
    this.#opt.lr = lr;
    this.#config = { ...this.#config, optimizer: { ...this.#config.optimizer, lr } };
  }

  /** The current learning rate. */
  get learningRate(): number {
    return this.#opt.lr;
  }

  /**
   * Runs up to n steps (at most LIMITS.maxStepsPerCall); stops early on divergence. Each step: forward,
   * loss, backward, optional diagnostics, optimiser update, finiteness check. If `losses` is given,
   * losses[i] receives the batch loss of the i-th step run. Returns the number of steps completed.
   */
  step(n = 1, losses?: Float64Array): number {
    const count = Math.max(0, Math.min(Math.floor(n), LIMITS.maxStepsPerCall));
    const mlp = this.mlp;
    const every = this.#options.every;
    let done = 0;
    while (done < count && this.#reason === null) {
      const stepNo = this.#steps + 1;
      const bn = this.#sampler ? this.#sampler.next(this.#train, this.#batch, mlp.outputs) : this.dataset.train.n;
      mlp.train(this.#batch, bn);
      const loss = this.#batch.loss[0]!;
      if (!Number.isFinite(loss)) return this.#diverge(stepNo, "the loss is not finite", done);
      const due = every > 0 && stepNo % every === 0;
      if (due) this.#measure(stepNo, bn);
      this.#prev.set(mlp.params);
      if (!this.#opt.step(mlp.params, mlp.grads)) {
        mlp.params.set(this.#prev);
        return this.#diverge(stepNo, "a weight became non-finite", done);
      }
      if (due) {
        measureUpdate(this.#scratch, mlp, this.#prev);
        if (!diagnosticsFinite(this.#scratch)) {
          mlp.params.set(this.#prev);
          return this.#diverge(stepNo, "a diagnostic overflowed", done);
        }
        copyDiagnosticsInto(this.#scratch, this.#diag);
      }
      this.#steps = stepNo;
      this.#lastLoss = loss;
      if (losses && done < losses.length) losses[done] = loss;
      done++;
    }
    return done;
  }

  #diverge(step: number, reason: string, done: number): number {
    this.#divergedAt = step;
    this.#reason = reason;
    return done;
  }

  #measure(stepNo: number, bn: number): void {
    if (this.#batch !== this.#train) {
      this.mlp.forward(this.#train, this.dataset.train.n);
      this.mlp.computeLoss(this.#train, this.dataset.train.n);
    }
    measure(this.#scratch, this.mlp, this.dataset, this.#batch, bn, this.#train, this.#test, this.#options);
    this.#scratch.step = stepNo;
    this.#scratch.valid = true;
  }

  /** Measures diagnostics at the current weights on the whole training set, without updating. Returns false (and keeps the old ones) if anything is non-finite. */
  evaluate(): boolean {
    const n = this.dataset.train.n;
    this.mlp.train(this.#train, n);
    if (!Number.isFinite(this.#train.loss[0]!)) return false;
    measure(this.#scratch, this.mlp, this.dataset, this.#train, n, this.#train, this.#test, this.#options);
    const layers = this.#scratch.layers;
    for (let l = 0; l < layers.length; l++) layers[l]!.updateRatio = 0;
    this.#scratch.step = this.#steps;
    this.#scratch.valid = true;
    if (!diagnosticsFinite(this.#scratch)) return false;
    copyDiagnosticsInto(this.#scratch, this.#diag);
    return true;
  }

  /**
   * Back to the initial weights (bit-identical), a fresh optimiser and batch order, step 0, status ok, no
   * diagnostics. Settings changed since construction (learning rate, hidden activation) are kept.
   */
  reset(): void {
    this.mlp.params.set(this.#initial);
    this.mlp.grads.fill(0);
    this.#opt.reset();
    this.#sampler?.reset();
    this.#steps = 0;
    this.#reason = null;
    this.#divergedAt = 0;
    this.#lastLoss = NaN;
    this.#diag.valid = false;
  }

  /**
   * Counts layer l's activations a over the training set, at the current weights (one forward pass), into
   * out.length equal bins on [lo, hi]; values outside go to the end bins. Writes into out.
   */
  activationHistogram(l: number, lo: number, hi: number, out: Float64Array): void {
    if (!Number.isInteger(l) || l < 0 || l >= this.mlp.depth) {
      throw new Error(`layer must be an integer in [0, ${this.mlp.depth - 1}]; got ${l}.`);
    }
    if (!(hi > lo)) throw new Error(`histogram range must have hi > lo; got [${lo}, ${hi}].`);
    const n = this.dataset.train.n;
    this.mlp.forward(this.#train, n);
    histogram(this.#train.a[l]!, n * this.mlp.sizes[l + 1]!, lo, hi, out);
  }

  /** Swaps the hidden activation in place, keeping weights and optimiser state (e.g. ReLU → Leaky ReLU to revive units). */
  setHiddenActivation(name: TrainerConfig["hidden"], alpha?: number): void {
    const next = validateConfig({ ...this.#config, hidden: name, alpha });
    this.#config = next;
    const num = this.mlp.numerics;
    this.mlp.setHidden(num.activation(name, alpha), num.activationKernel(name, alpha));
  }
}
