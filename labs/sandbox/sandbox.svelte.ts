/**
 * The sandbox's state: every setting (preset, then URL, reconciled so the output suits the class count),
 * the shared TrainingLab, and what each instrument draws from the latest snapshot and the history. The
 * learning rate changes the running network; every other setting starts a new run.
 */
import { untrack } from "svelte";
import { BoundedHistory } from "../../src/plots/downsample.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import type { StaticSnapshot } from "../shared/static-snapshot.ts";
import { appendColumns, COLUMN } from "../shared/history-views.ts";
import { holdWarmup } from "../shared/hold-warmup.ts";
import { defaultClientFactory, TrainingLab, type ClientFactory } from "../shared/training-lab.svelte.ts";
import { readUrl, readValues } from "../../src/settings/url-state.ts";
import { presetValues, writeAddress } from "../../src/settings/url-sync.ts";
import {
  boundaryRows,
  gradientHistory,
  gradientRows,
  instrumentSummary,
  layerLabels,
  unitLayers,
} from "./instruments.ts";
import { RedrawRotation } from "./redraw.ts";
import {
  addressSets,
  classCount,
  LR_RANGE,
  reconcile,
  SB_DEFAULTS,
  SCHEMA,
  SB_WARMUP,
  sandboxSpec,
  type SandboxSettings,
} from "./settings.ts";

/** How the sandbox is built: its URL prefix, the build-time snapshot, and how it talks to the trainer. */
export interface SandboxOptions {
  /** URL prefix (the catalog's "sb" unless a page embeds the lab twice). */
  urlKey?: string;
  /** The build-time snapshot of the preset after SB_WARMUP steps. */
  initial?: StaticSnapshot | null;
  factory?: ClientFactory;
}

/**
 * While training runs, each group of instruments (per-layer bars, gradient heatmap, accuracy, boundary) redraws
 * at most this often and the groups take turns, never two in one frame: a dozen charts and their tables every
 * frame would make long tasks on the main thread.
 */
export const VIEW_INTERVAL_MS = 200;

/** The instrument groups, in the order RedrawRotation numbers them. */
const LAYERS = 0;
const HEATMAP = 1;
const ACCURACY = 2;
const BOUNDARY = 3;

const now = (): number => (typeof performance === "undefined" ? Date.now() : performance.now());

/** Settings, run and instrument views of the sandbox. */
export class SandboxLab {
  settings = $state<SandboxSettings>({ ...SB_DEFAULTS });
  notices = $state.raw<SettingNotice[]>([]);
  /** Accuracy over the run: series 0 train, 1 test (NaN without a test split). */
  accuracy = new BoundedHistory(256, 2);
  /** The snapshot the per-layer instruments draw: the latest, at most every VIEW_INTERVAL_MS while training runs. */
  view = $state.raw<Snapshot | null>(null);
  /** The decision-boundary grid drawn (class scores, size × size × outputs), refreshed in its turn. */
  boundary = $state.raw<{ grid: Float64Array; size: number } | null>(null);
  /** The snapshot the data tables read: updated only at rest (paused, stepped, a new run), when a reader can read them. */
  rest = $state.raw<Snapshot | null>(null);
  /** Bumped when the gradient heatmap should re-read the run's history. */
  heatmapTick = $state(0);
  /** Bumped when the accuracy chart should re-read its series. */
  accuracyTick = $state(0);
  readonly training: TrainingLab;
  /** The settings the URL is written against (defaults overridden by the lesson's preset). */
  readonly base: SandboxSettings;
  readonly urlKey: string;
  #started = false;
  #runId = -1;
  readonly #redraw = new RedrawRotation(4, VIEW_INTERVAL_MS);

  /** Classes of the current dataset. */
  readonly classes = $derived(classCount(this.settings));
  /** Labels of the weight layers of the network on screen ("L1", …, "out"). */
  readonly labels = $derived(layerLabels(this.view?.layers.length ?? 0));
  /** The hidden units' cells (−1 alive, else the step it died). */
  readonly units = $derived.by(() => {
    const s = this.view;
    return s
      ? unitLayers(
          s.deadSince,
          s.layers.slice(0, -1).map((l) => l.units),
        )
      : [];
  });
  /** Every weight layer's gradient norm over the run (rows × columns), re-read on each heatmap tick. */
  readonly gradients = $derived.by(() => {
    void this.heatmapTick; // the history is mutated in place; the tick says when to look again
    return gradientHistory(this.training.history, this.training.layers);
  });
  /** The decision boundary's table: every point with the model's answer, at rest. */
  readonly boundaryTable = $derived.by(() =>
    boundaryRows(this.rest?.boundary ?? null, this.rest?.boundarySize ?? 0, this.training.data),
  );
  /** The gradient heatmap's table (at most 25 steps), at rest. */
  readonly gradientTable = $derived.by(() => {
    void this.rest;
    return gradientRows(untrack(() => gradientHistory(this.training.history, this.training.layers)));
  });
  /** Train and test accuracy over the run, re-read on each accuracy tick. */
  readonly accuracySeries = $derived.by(() => {
    void this.accuracyTick;
    return {
      steps: Float64Array.from(this.accuracy.steps()),
      train: Float64Array.from(this.accuracy.column(0)),
      test: Float64Array.from(this.accuracy.column(1)),
    };
  });

  /** Settings start from the defaults and the preset (the same on the server and at hydration); mount() applies the address. */
  constructor(preset: Record<string, unknown> = {}, options: SandboxOptions = {}) {
    this.urlKey = options.urlKey ?? "sb";
    const { values, notices } = presetValues(SCHEMA, preset);
    // Only an output the author asked for deserves a notice when the class count overrules it.
    this.base = reconcile(values, Object.hasOwn(preset, "out") ? notices : []);
    this.settings = { ...this.base };
    this.notices = notices;
    const inner = holdWarmup(options.factory ?? defaultClientFactory, SB_WARMUP);
    this.training = new TrainingLab(() => sandboxSpec(this.settings), {
      // Warm up only for the first run, so the page opens on a trained network and Reset goes back to step 0.
      warmup: () => (this.#started ? 0 : SB_WARMUP),
      initial: options.initial ?? null,
      factory: (cb) => inner({ onSnapshot: (s) => (cb.onSnapshot(s), this.#track(s)), onError: cb.onError }),
    });
    if (this.training.snapshot) this.#track(this.training.snapshot);
  }

  /** Applies the address's settings (`search`, e.g. "?sb.act=tanh") and starts the first run. Call once, when mounted. */
  mount(search = ""): void {
    const fromUrl = readUrl(SCHEMA, search, this.urlKey, this.base);
    const notices = [...this.notices, ...fromUrl.notices];
    const asked = addressSets(search, this.urlKey, "out");
    this.settings = reconcile(fromUrl.values, asked ? notices : []);
    this.notices = notices;
    this.training.restart();
    this.#started = true;
  }

  /** Changes settings (checked against the schema) and starts a new run from them. */
  update(patch: Partial<SandboxSettings>): void {
    const checked = readValues(SCHEMA, patch, this.settings, []);
    this.settings = reconcile(checked);
    writeAddress(SCHEMA, this.urlKey, this.settings, this.base);
    this.training.restart();
  }

  /** The learning rate, changed in the running network without a reset. */
  setLearningRate(lr: number): void {
    this.settings.lr = Math.min(LR_RANGE.max, Math.max(LR_RANGE.min, lr));
    this.training.setLearningRate(this.settings.lr);
    writeAddress(SCHEMA, this.urlKey, this.settings, this.base);
  }

  /** New data, new initial weights, new batch order. */
  newSeed(seed = Math.floor(Math.random() * SCHEMA.seed.max)): void {
    this.update({ seed });
  }

  /** The live region's text: step and loss, accuracy, and what the instruments show. */
  summary(): string {
    const s = this.view;
    const base = this.training.summary();
    if (!s || s.status === "diverged" || this.training.error) return base;
    const acc = s.trainAccuracy === null ? "" : `, accuracy ${Math.round(s.trainAccuracy * 100)}%`;
    const inst = instrumentSummary(s.layers, this.units, this.settings.act);
    return `${base}${acc}${inst ? `; ${inst}` : ""}.`;
  }

  /** Records accuracy (a new run starts a new series) and passes the snapshot on to the instruments when due. */
  #track(s: Snapshot): void {
    const fresh = s.runId !== this.#runId;
    if (fresh) {
      this.#runId = s.runId;
      this.accuracy.clear();
    }
    // Every measured step since the last snapshot (the warm-up included), so the chart is drawn from the start.
    const L = s.layers.length;
    appendColumns(this.accuracy, s.history, [COLUMN.trainAccuracy(L), COLUMN.testAccuracy(L)]);
    const all = fresh || this.training.status !== "running";
    if (all) this.rest = s;
    for (const group of this.#redraw.pick(now(), all)) {
      if (group === LAYERS) this.view = s;
      else if (group === HEATMAP) this.heatmapTick++;
      else if (group === ACCURACY) this.accuracyTick++;
      else if (group === BOUNDARY) this.boundary = s.boundary ? { grid: s.boundary, size: s.boundarySize } : null;
    }
  }
}
