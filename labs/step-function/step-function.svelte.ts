/**
 * The step-function lab's state: its settings (preset, then URL), the shared TrainingLab running the
 * step unit and the perceptron side by side, and what the view draws from each snapshot (the
 * perceptron's regions, both accuracies over time, the starting weights both rules share).
 */
import { formatNumber } from "../../src/plots/format.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import { COLUMN } from "../shared/history-views.ts";
import { percentText } from "../shared/run-readout.ts";
import { TrainingLabController, type TrainingLabOptions } from "../shared/training-lab-controller.svelte.ts";
import { initialWeights } from "./initial-weights.ts";
import { perceptronGrid, ruleAccuracy } from "./perceptron-grid.ts";
import { SCHEMA, STEP_BOUNDARY_SIZE, STEP_WARMUP, stepSpec } from "./settings.ts";

/** While training runs, the accuracy chart redraws at most this often. */
const CHART_INTERVAL_MS = 100;

/** Settings, run and derived views of the step-function lab. */
export class StepFunctionLab extends TrainingLabController<typeof SCHEMA> {
  /** Bumped when the accuracy chart should re-read the run's history (at most every CHART_INTERVAL_MS while training). */
  accuracyVersion = $state(0);
  #chartAt = Number.NEGATIVE_INFINITY;

  /** θ₀: where both rules start (and, since its gradient is 0, where the step unit stays). */
  readonly start = $derived(initialWeights(this.settings));
  /** The step unit's decision regions; replaced only when they change, so an unchanged picture is not repainted. */
  gdGrid = $state.raw<Float64Array | null>(null);
  /** Side of gdGrid: STEP_BOUNDARY_SIZE live, coarser in the build-time snapshot (see coarsenBoundary). */
  gdGridSize = $state(0);
  /** The perceptron's decision regions (1 where it predicts class 1), recomputed only when its weights change. */
  perceptronGrid = $state.raw<Float64Array | null>(null);
  #perceptronAt = "";
  /** Both rules' training accuracy over the run (the warm-up included), re-read on each accuracy version. */
  readonly accuracySeries = $derived.by(() => {
    void this.accuracyVersion; // the history is mutated in place; the version says when to look again
    const h = this.training.history;
    const L = this.training.layers;
    return {
      steps: Float64Array.from(h.steps()),
      perceptron: Float64Array.from(h.column(COLUMN.perceptronAccuracy(L))),
      gd: Float64Array.from(h.column(COLUMN.trainAccuracy(L))),
    };
  });
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

  constructor(preset: unknown = {}, options: TrainingLabOptions = {}) {
    super("step-function", SCHEMA, preset, options, {
      spec: stepSpec,
      warmup: STEP_WARMUP,
      // The learning rate reaches the step unit at once and the perceptron at its next start (see Reset).
      restartKeys: ["seed", "noise", "points"],
    });
    if (this.training.snapshot) this.shown(this.training.snapshot);
  }

  /** Everything the live region says, e.g. "step 300: step unit loss 0.467, moved 0; perceptron accuracy 99%". */
  override summary(): string {
    const s = this.training.snapshot;
    const base = this.training.summary();
    if (!s || s.status === "diverged" || this.training.error) return base;
    const p = s.perceptron;
    return (
      `${base} for the step unit, which moved ${formatNumber(s.distanceFromStart)} from its start ` +
      `(accuracy ${percentText(s.trainAccuracy)}); the perceptron rule reached ${percentText(p?.trainAccuracy ?? null)} ` +
      `after ${p?.updates ?? 0} steps (one example each).`
    );
  }

  /** Updates the pictures that changed: both rules' regions, and (paced while training) the accuracy chart. */
  protected override shown(s: Snapshot): void {
    if (!sameValues(this.gdGrid, s.boundary)) this.gdGrid = s.boundary;
    this.gdGridSize = s.boundary ? s.boundarySize : 0;
    const p = s.perceptron;
    const at = p ? `${p.w[0]} ${p.w[1]} ${p.b}` : "";
    if (at !== this.#perceptronAt) {
      this.#perceptronAt = at;
      this.perceptronGrid = p ? perceptronGrid(p.w, p.b, STEP_BOUNDARY_SIZE) : null;
    }
    const t = typeof performance === "undefined" ? Date.now() : performance.now();
    if (this.training.status !== "running" || t - this.#chartAt >= CHART_INTERVAL_MS) {
      this.#chartAt = t;
      this.accuracyVersion++;
    }
  }
}

/** Whether two arrays hold the same numbers (both null counts as the same). */
export function sameValues(a: ArrayLike<number> | null, b: ArrayLike<number> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
