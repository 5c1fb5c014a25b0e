/**
 * The vanishing-gradients lab's state: its settings (from defaults, a lesson's preset and the URL),
 * the training run (TrainingLab), the per-layer gradient norms and what they say, the chain-rule
 * path, and a pinned run for A/B comparison. The view only lays this out.
 *
 *   setting changed ──depth/width/activation/init/scale/data/seed──► new run (restart)
 *                   ──lr──► same run, new learning rate
 *                   ──unit──► same run replayed to the same step with the new path (or a new run if it cannot be)
 */
import { untrack } from "svelte";
import { LIMITS } from "../../src/core/index.ts";
import type { LabelledPoints } from "../../src/plots/types.ts";
import { formatNumber } from "../../src/plots/format.ts";
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { TrainingLabController, type TrainingLabOptions } from "../shared/training-lab-controller.svelte.ts";
import { describeRatio, explodedText, gradNormHeatmap, recentGradNorms } from "./gradients.ts";
import { alignLayers, makePin, type PinnedRun } from "./pin.ts";
import {
  describeSettings,
  LR_RANGE,
  sessionSpec,
  SCHEMA,
  STRUCTURAL,
  usesScale,
  WARMUP_STEPS,
  type VgSettings,
} from "./settings.ts";
import { redrawTicks } from "./redraw-ticks.ts";
import { pathRows, splitPoints, type PathView } from "./snapshot-views.ts";

/** State and commands of the vanishing-gradients lab. */
export class VanishingGradientsLab extends TrainingLabController<typeof SCHEMA> {
  pin = $state.raw<PinnedRun | null>(null);
  /** Runs started so far; a snapshot of the newest run carries this id. */
  #runs = $state(0);
  /** Steps the newest run was warmed up with. */
  #warmedTo = $state(0);
  /** The settings the newest run was started with. */
  #runSettings = $state.raw<VgSettings | null>(null);
  #replayTo: number | null = null;
  #lrChangedDuringRun = false;

  /** Hidden layers of the run on screen (which may lag the settings until a new run answers). */
  readonly hidden: number;
  /** ‖∂L/∂W_l‖ per weight layer (hidden layers, then output), averaged over the last few measurements. */
  readonly grads: number[];
  /** The bars: labels, live values and the pinned run's values lined up layer by layer. */
  readonly bars: ReturnType<typeof alignLayers>;
  /** First layer against last (output) layer, in numbers and words. */
  readonly ratio: ReturnType<typeof describeRatio>;
  /** Share of (point, unit) pairs with |f′(z)| below the threshold, per weight layer. */
  readonly saturation: number[];
  /** Saturation per weight layer with the pinned run's as an overlay (labels, values, overlay or null). */
  readonly saturationBars: ReturnType<typeof alignLayers>;
  /** The gradient-norm history, rows = layers (redrawn at the slow pace while training). */
  readonly heatmap: { values: Float64Array; columns: number; steps: Float64Array };
  /** The chain-rule factors along the path, one row per weight layer. */
  readonly path: PathView | null;
  /** The decision regions and the run's points (redrawn at the slow pace while training). */
  readonly boundary: { grid: Float64Array; size: number; train: LabelledPoints; test: LabelledPoints } | null;
  /** True once the newest run has answered (so what is shown belongs to the current settings). */
  readonly settled: boolean;

  constructor(preset: unknown = {}, options: TrainingLabOptions = {}) {
    super("vanishing-gradients", SCHEMA, preset, options, {
      spec: sessionSpec,
      warmup: WARMUP_STEPS,
      restartKeys: STRUCTURAL,
    });
    const t = this.training;
    this.hidden = $derived(Math.max(0, (t.snapshot?.layers.length ?? this.settings.depth + 1) - 1));
    this.grads = $derived.by(() => {
      void t.historyVersion; // the history changes in place; its version says when
      return recentGradNorms(t.history, this.hidden + 1);
    });
    this.bars = $derived(alignLayers(this.hidden, this.grads, this.pin));
    this.ratio = $derived(
      t.snapshot?.status === "diverged"
        ? {
            ratio: Number.NaN,
            text: explodedText(t.snapshot.divergedAt, {
              usesScale: usesScale((this.#runSettings ?? this.settings).init),
              canLowerRate: this.settings.lr > LR_RANGE.min,
            }),
          }
        : describeRatio(this.grads[0] ?? Number.NaN, this.grads[this.hidden] ?? Number.NaN),
    );
    this.saturation = $derived(t.snapshot?.layers.map((l) => l.saturation) ?? []);
    // The pinned run's saturation beside this run's, lined up by layer like the gradient bars.
    this.saturationBars = $derived(
      alignLayers(
        this.hidden,
        this.saturation,
        this.pin ? { hidden: this.pin.hidden, grads: this.pin.saturation } : null,
      ),
    );
    // Heavy charts (and the big tables behind them) redraw in turns while training (see redraw-ticks.ts).
    const ticks = $derived(redrawTicks(t.historyVersion, t.status === "running"));
    const heatmapTick = $derived(ticks.heatmap);
    const boundaryTick = $derived(ticks.boundary);
    this.heatmap = $derived.by(() => {
      void heatmapTick;
      const hidden = this.hidden;
      return untrack(() => ({
        ...gradNormHeatmap(t.history, hidden + 1),
        steps: Float64Array.from(t.history.steps()),
      }));
    });
    this.path = $derived(
      t.snapshot?.status === "diverged"
        ? null
        : pathRows(t.snapshot, this.hidden, this.#runSettings?.unit ?? this.settings.unit),
    );
    const points = $derived.by(() => {
      const d = t.data;
      return d ? { train: splitPoints(d.trainX, d.trainLabels), test: splitPoints(d.testX, d.testLabels) } : null;
    });
    this.boundary = $derived.by(() => {
      void boundaryTick;
      const p = points;
      const s = untrack(() => t.snapshot);
      return s?.boundary && p ? { grid: s.boundary, size: s.boundarySize, ...p } : null;
    });
    this.settled = $derived(t.snapshot?.runId === this.#runs && (t.snapshot?.step ?? 0) >= this.#warmedTo);
  }

  /** Every run warms up (the first and each later one), so the bars always show a measured state; a replay runs to its step. */
  protected override warmupSteps(): number {
    return this.#replayTo ?? WARMUP_STEPS;
  }

  /** The learning rate changes the running network (a later replay can no longer be exact); the path unit replays the run. */
  protected override changed(key: keyof VgSettings & string, previous: VgSettings): void {
    if (key === "lr") this.#lrChangedDuringRun = true;
    if (key !== "unit") super.changed(key, previous);
    else if (this.mounted) this.#replay();
  }

  /** Keeps a copy of this run's gradient norms and loss curve to compare the next run with. */
  pinRun(): void {
    const s = this.settings;
    const label = `${describeSettings(s)}, step ${this.training.step}`;
    this.pin = makePin(label, this.hidden, this.grads, this.training.history, this.saturation);
  }

  clearPin(): void {
    this.pin = null;
  }

  /** The live-region sentence, e.g. "step 120: loss 0.69; gradient L1 3×10⁻⁴, output 0.2. The first layer's …". */
  override summary(): string {
    const base = this.training.summary();
    const s = this.training.snapshot;
    if (!s || s.status === "diverged" || this.training.error) return base;
    const first = formatNumber(this.grads[0] ?? Number.NaN, 2);
    const last = formatNumber(this.grads[this.hidden] ?? Number.NaN, 2);
    return `${base}; gradient norm of layer 1 ${first}, of the output layer ${last}. ${this.ratio.text}`;
  }

  protected override spec(): SessionSpec {
    this.#runs++;
    this.#warmedTo = this.#replayTo ?? WARMUP_STEPS;
    this.#lrChangedDuringRun = false;
    this.#runSettings = this.settings;
    return super.spec();
  }

  /** Same run, new path: replay from the same seeds to the same step (exact while the learning rate was not changed mid-run). */
  #replay(): void {
    const t = this.training;
    const step = t.step;
    const exact = !this.#lrChangedDuringRun && t.status !== "diverged" && !t.error && step <= LIMITS.maxStepsPerCommand;
    const wasRunning = t.status === "running";
    this.#replayTo = exact ? step : null;
    try {
      t.restart();
    } finally {
      this.#replayTo = null;
    }
    if (exact && wasRunning) t.play();
  }
}
