/**
 * The sandbox's state: every setting (preset, then URL, reconciled so the output suits the class count),
 * the shared TrainingLab, and what each instrument draws from the latest snapshot and the history. The
 * learning rate changes the running network; every other setting starts a new run. The reader's own data
 * (dataset "own") is read from this browser's storage when the address asks for it, with the store's code
 * loaded only then.
 */
import { untrack } from "svelte";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import type { UrlValues } from "../../src/settings/url-state.ts";
import type { SessionSpec, Snapshot } from "../../src/worker/protocol.ts";
import type { RunChange } from "../../src/worker/run-record.ts";
import { COLUMN } from "../shared/history-views.ts";
import { TrainingLabController, type TrainingLabOptions } from "../shared/training-lab-controller.svelte.ts";
import {
  boundaryRows,
  gradientHistory,
  gradientRows,
  instrumentSummary,
  layerLabels,
  unitLayers,
} from "./instruments.ts";
import { OWN_DATA, type OwnData } from "./own-data.ts";
import { ownPoints } from "./own-scale.ts";
import { plottedData } from "./plotted.ts";
import { RedrawRotation } from "./redraw.ts";
import { classCount, reconcile, SB_WARMUP, sandboxSpec, SCHEMA } from "./settings.ts";

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
export class SandboxLab extends TrainingLabController<typeof SCHEMA> {
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
  /** The reader's own points (dataset "own"), once loaded from a file, pasted text or this browser's storage. */
  own = $state.raw<OwnData | null>(null);
  /**
   * The own data's class count, for consistent(): a plain field, since consistent() also runs inside the base
   * class's constructor, before this class's runes exist (it reads undefined there: no own data yet).
   */
  ownClasses = 2;
  /** The own data the run on screen trains on (null: a built-in dataset); it changes with the new run's first snapshot. */
  runOwn = $state.raw<OwnData | null>(null);
  /** The own data the next run will train on, set when its session is built. */
  #nextOwn: OwnData | null = null;
  #runId = -1;
  readonly #redraw = new RedrawRotation(4, VIEW_INTERVAL_MS);

  /** Classes of the current dataset. */
  readonly classes = $derived(classCount(this.settings, this.own?.classNames.length));
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
  /** The run's points and the boundary's box, in the reader's units for their own data. */
  readonly plotted = $derived(plottedData(this.training.data, this.runOwn));
  /** The decision boundary's table: every point with the model's answer, at rest. */
  readonly boundaryTable = $derived.by(() => {
    const p = this.plotted;
    return boundaryRows(
      this.rest?.boundary ?? null,
      this.rest?.boundarySize ?? 0,
      p.data,
      p.xRange,
      p.yRange,
      p.classNames,
    );
  });
  /** The gradient heatmap's table (at most 25 steps), at rest. */
  readonly gradientTable = $derived.by(() => {
    void this.rest;
    return gradientRows(untrack(() => gradientHistory(this.training.history, this.training.layers)));
  });
  /** Train and test accuracy over the run (the warm-up included), re-read on each accuracy tick. */
  readonly accuracySeries = $derived.by(() => {
    void this.accuracyTick; // the history is mutated in place; the tick says when to look again
    return untrack(() => {
      const h = this.training.history;
      const L = this.training.layers;
      return {
        steps: Float64Array.from(h.steps()),
        train: Float64Array.from(h.column(COLUMN.trainAccuracy(L))),
        test: Float64Array.from(h.column(COLUMN.testAccuracy(L))),
      };
    });
  });

  /** Every setting but the learning rate builds a new network. */
  constructor(preset: unknown = {}, options: TrainingLabOptions = {}) {
    super("sandbox", SCHEMA, preset, options, {
      spec: sandboxSpec,
      warmup: SB_WARMUP,
      restartKeys: Object.keys(SCHEMA).filter((k) => k !== "lr") as (keyof typeof SCHEMA)[],
    });
    if (this.training.snapshot) this.shown(this.training.snapshot);
  }

  /** With three or more classes the output is softmax + cross-entropy; only an output somebody asked for gets a notice. */
  protected override consistent(
    values: UrlValues<typeof SCHEMA>,
    asked: readonly string[],
    notices: SettingNotice[],
  ): UrlValues<typeof SCHEMA> {
    return reconcile(values, asked.includes("out") ? notices : [], this.ownClasses ?? 2);
  }

  /** The session of the next run: the settings, on the reader's own points when the dataset is "own". */
  protected override spec(): SessionSpec {
    this.#nextOwn = this.settings.data === OWN_DATA ? this.own : null;
    return sandboxSpec(this.settings, this.#nextOwn && ownPoints(this.#nextOwn));
  }

  /**
   * Starts the lab. An address that asks for the reader's own data first reads it from this browser's storage;
   * without it (another browser, or forgotten) the lab falls back to the preset's dataset, with a notice.
   */
  protected override started(): void {
    if (this.settings.data !== OWN_DATA || this.own) return super.started();
    void import("./own-data-store.ts").then(({ browserStorage, loadOwnData }) => {
      const { data, notice } = loadOwnData(browserStorage());
      if (data) this.#adoptOwn(data);
      else {
        const fallback = this.base.data === OWN_DATA ? SCHEMA.data.fallback : this.base.data;
        const why = notice ?? "Your own data is not kept in this browser (it stays where it was loaded)";
        this.notices = [
          ...this.notices,
          { setting: SCHEMA.data.label, message: `${why.replace(/\.$/, "")}; the sandbox shows ${fallback} instead.` },
        ];
        this.settings = this.consistent({ ...this.settings, data: fallback }, [], []);
        this.writeAddress();
      }
      super.started();
    });
  }

  /** Trains on the reader's points from now on (a new run), the dataset set to "own". */
  useOwnData(data: OwnData): void {
    this.#adoptOwn(data);
    if (this.settings.data !== OWN_DATA) this.set("data", OWN_DATA);
    else {
      this.settings = this.consistent(this.settings, [], []);
      if (this.mounted) this.restart();
    }
  }

  /** Lets go of the reader's points; if the lab trains on them, it goes back to the preset's dataset. */
  forgetOwnData(): void {
    this.own = null;
    this.ownClasses = 2;
    if (this.settings.data === OWN_DATA)
      this.set("data", this.base.data === OWN_DATA ? SCHEMA.data.fallback : this.base.data);
  }

  /**
   * Shows a run read from a file (run-file.ts, checked): its settings (and own points) become the lab's, and the
   * worker trains its record again to its step. No new run from the settings: the replay is the run.
   */
  openRun(run: { settings: UrlValues<typeof SCHEMA>; own: OwnData | null; changes: RunChange[]; step: number }): void {
    if (run.own) this.#adoptOwn(run.own);
    const settings = this.consistent(run.settings, [], []);
    this.#nextOwn = settings.data === OWN_DATA ? run.own : null;
    const spec = sandboxSpec(settings, this.#nextOwn && ownPoints(this.#nextOwn));
    // The rate on the slider is the one training at the end: the last rate change, as if the reader had made it.
    const lr = run.changes.findLast((c) => c.type === "lr");
    this.settings = lr?.type === "lr" ? { ...settings, lr: lr.lr } : settings;
    this.writeAddress();
    this.training.replay({ spec, changes: run.changes, step: run.step });
  }

  #adoptOwn(data: OwnData): void {
    this.own = data;
    this.ownClasses = data.classNames.length;
  }

  /** The live region's text: step and loss, accuracy, and what the instruments show. */
  override summary(): string {
    const s = this.view;
    const base = this.training.summary();
    if (!s || s.status === "diverged" || this.training.error) return base;
    const acc = s.trainAccuracy === null ? "" : `, accuracy ${Math.round(s.trainAccuracy * 100)}%`;
    const inst = instrumentSummary(s.layers, this.units, this.settings.act);
    return `${base}${acc}${inst ? `; ${inst}` : ""}.`;
  }

  /** Passes the snapshot on to the instruments when due (every group at rest or for a new run). */
  protected override shown(s: Snapshot): void {
    const fresh = s.runId !== this.#runId;
    this.#runId = s.runId;
    if (fresh) this.runOwn = this.#nextOwn;
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
