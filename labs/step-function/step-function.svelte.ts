/**
 * The step-function lab's state: its settings (preset, then URL), the shared TrainingLab running the
 * step unit and the perceptron side by side, and what the view draws from each snapshot (the
 * perceptron's regions, both accuracies over time, the starting weights both rules share).
 */
import { BoundedHistory } from "../../src/plots/downsample.ts";
import { formatNumber } from "../../src/plots/format.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import type { StaticSnapshot } from "../shared/static-snapshot.ts";
import { appendColumns, COLUMN } from "../shared/history-views.ts";
import { holdWarmup } from "../shared/hold-warmup.ts";
import { defaultClientFactory, TrainingLab, type ClientFactory } from "../shared/training-lab.svelte.ts";
import { readUrl } from "../../src/settings/url-state.ts";
import { presetValues, writeAddress } from "../../src/settings/url-sync.ts";
import { initialWeights } from "./initial-weights.ts";
import { perceptronGrid, ruleAccuracy } from "./perceptron-grid.ts";
import {
  LR_RANGE,
  STEP_BOUNDARY_SIZE,
  STEP_DEFAULTS,
  SCHEMA,
  STEP_WARMUP,
  stepSpec,
  type StepSettings,
} from "./settings.ts";

/** How the lab is built: where its settings come from and how it talks to the trainer. */
export interface StepLabOptions {
  /** URL prefix (the catalog's "sf" unless a page embeds the lab twice). */
  urlKey?: string;
  /** The build-time snapshot of the preset after STEP_WARMUP steps. */
  initial?: StaticSnapshot | null;
  factory?: ClientFactory;
}

/** While training runs, the accuracy chart redraws at most this often. */
const CHART_INTERVAL_MS = 100;

/** Settings, run and derived views of the step-function lab. */
export class StepFunctionLab {
  settings = $state<StepSettings>({ ...STEP_DEFAULTS });
  notices = $state.raw<SettingNotice[]>([]);
  /** Both rules' training accuracy over the run: series 0 the perceptron, 1 the step unit by gradient descent. */
  accuracy = new BoundedHistory(256, 2);
  accuracyVersion = $state(0);
  readonly training: TrainingLab;
  /** The settings the URL is written against (defaults overridden by the lesson's preset). */
  readonly base: StepSettings;
  readonly urlKey: string;
  #runId = -1;
  #chartAt = Number.NEGATIVE_INFINITY;
  #started = false;

  /** θ₀: where both rules start (and, since its gradient is 0, where the step unit stays). */
  readonly start = $derived(initialWeights(this.settings));
  /** The step unit's decision regions; replaced only when they change, so an unchanged picture is not repainted. */
  gdGrid = $state.raw<Float64Array | null>(null);
  /** Side of gdGrid: STEP_BOUNDARY_SIZE live, coarser in the build-time snapshot (see coarsenBoundary). */
  gdGridSize = $state(0);
  /** The perceptron's decision regions (1 where it predicts class 1), recomputed only when its weights change. */
  perceptronGrid = $state.raw<Float64Array | null>(null);
  #perceptronAt = "";
  /** Training accuracy of θ₀: both rules' accuracy at step 0. */
  readonly startAccuracy = $derived.by(() => {
    const d = this.training.data;
    return d ? ruleAccuracy(this.start.w, this.start.b, d.trainX, d.trainLabels) : null;
  });
  /** The perceptron's accuracy on the held-out points (the worker reports only its training accuracy). */
  readonly perceptronTestAccuracy = $derived.by(() => {
    const p = this.training.snapshot?.perceptron;
    const d = this.training.data;
    return p && d && d.testLabels.length > 0 ? ruleAccuracy(p.w, p.b, d.testX, d.testLabels) : null;
  });

  /**
   * Settings start from the defaults and the lesson's preset, the same on the server and at hydration (so the
   * build-time picture matches); the address is applied by mount().
   */
  constructor(preset: Record<string, unknown> = {}, options: StepLabOptions = {}) {
    this.urlKey = options.urlKey ?? "sf";
    const { values, notices } = presetValues(SCHEMA, preset);
    this.base = values;
    this.settings = { ...values };
    this.notices = notices;
    const inner = holdWarmup(options.factory ?? defaultClientFactory, STEP_WARMUP);
    this.training = new TrainingLab(() => stepSpec(this.settings), {
      // Warm up only for the first run, so the page opens on the phenomenon and Reset goes back to step 0.
      warmup: () => (this.#started ? 0 : STEP_WARMUP),
      initial: options.initial ?? null,
      factory: (cb) => inner({ onSnapshot: (s) => (cb.onSnapshot(s), this.#track(s)), onError: cb.onError }),
    });
    if (this.training.snapshot) this.#track(this.training.snapshot);
  }

  /** Applies the address's settings (`search`, e.g. "?sf.lr=0.5") and starts the first run. Call once, when mounted. */
  mount(search = ""): void {
    const fromUrl = readUrl(SCHEMA, search, this.urlKey, this.base);
    this.settings = fromUrl.values;
    this.notices = [...this.notices, ...fromUrl.notices];
    this.training.restart();
    this.#started = true;
  }

  /** The learning rate of both rules: the step unit's at once (no reset), the perceptron's from the next Reset. */
  setLearningRate(lr: number): void {
    this.settings.lr = Math.min(LR_RANGE.max, Math.max(LR_RANGE.min, lr));
    this.training.setLearningRate(this.settings.lr);
    this.#writeUrl();
  }

  /** New data and new starting weights. */
  newSeed(seed = Math.floor(Math.random() * SCHEMA.seed.max)): void {
    this.settings.seed = Math.min(SCHEMA.seed.max, Math.max(0, Math.floor(seed)));
    this.#restart();
  }

  /** Jitter on the points (above ≈ 0.1 the classes overlap and no line separates them). */
  setNoise(noise: number): void {
    this.settings.noise = Math.min(SCHEMA.noise.max, Math.max(0, noise));
    this.#restart();
  }

  /** Everything the live region says, e.g. "step 300: step unit loss 0.467, moved 0; perceptron accuracy 99%". */
  summary(): string {
    const s = this.training.snapshot;
    const base = this.training.summary();
    if (!s || s.status === "diverged" || this.training.error) return base;
    const p = s.perceptron;
    return (
      `${base} for the step unit, which moved ${formatNumber(s.distanceFromStart)} from its start ` +
      `(accuracy ${percent(s.trainAccuracy)}); the perceptron rule reached ${percent(p?.trainAccuracy ?? null)} ` +
      `after ${p?.updates ?? 0} examples.`
    );
  }

  #restart(): void {
    this.#writeUrl();
    this.training.restart();
  }

  /** Records both accuracies (a new run starts a new series) and updates the pictures that changed. */
  #track(s: Snapshot): void {
    if (s.runId !== this.#runId) {
      this.#runId = s.runId;
      this.accuracy.clear();
    }
    if (!sameValues(this.gdGrid, s.boundary)) this.gdGrid = s.boundary;
    this.gdGridSize = s.boundary ? s.boundarySize : 0;
    const p = s.perceptron;
    const at = p ? `${p.w[0]} ${p.w[1]} ${p.b}` : "";
    if (at !== this.#perceptronAt) {
      this.#perceptronAt = at;
      this.perceptronGrid = p ? perceptronGrid(p.w, p.b, STEP_BOUNDARY_SIZE) : null;
    }
    // Every measured step since the last snapshot (the warm-up included), so the chart is drawn from step 0.
    const L = s.layers.length;
    if (appendColumns(this.accuracy, s.history, [COLUMN.perceptronAccuracy(L), COLUMN.trainAccuracy(L)]) === 0) return;
    // The chart (and its table) redraws at most every CHART_INTERVAL_MS while training runs.
    const t = typeof performance === "undefined" ? Date.now() : performance.now();
    if (this.training.status !== "running" || t - this.#chartAt >= CHART_INTERVAL_MS) {
      this.#chartAt = t;
      this.accuracyVersion++;
    }
  }

  #writeUrl(): void {
    writeAddress(SCHEMA, this.urlKey, this.settings, this.base);
  }
}

/** Whether two arrays hold the same numbers (both null counts as the same). */
export function sameValues(a: ArrayLike<number> | null, b: ArrayLike<number> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** 0.9866 → "99%"; null → "—". */
export function percent(v: number | null): string {
  return v === null || !Number.isFinite(v) ? "—" : `${Math.round(v * 100)}%`;
}
