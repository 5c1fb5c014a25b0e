/**
 * The dying-ReLU lab's state: its settings (preset, then URL), the shared TrainingLab, and what the view
 * draws from each snapshot (every hidden unit's state, the counts, the share per layer over time).
 *
 *   Shock ──► one step at learning rate 10…100 ──► units pushed to z ≤ 0 everywhere: dead under ReLU
 *   ReLU → Leaky ReLU (weights kept) ──► those units pass gradient α·δ ──► Train ──► some come back
 */
import { untrack } from "svelte";
import { formatNumber } from "../../src/plots/format.ts";
import type { PlotMark } from "../../src/plots/types.ts";
import type { UrlValues } from "../../src/settings/url-state.ts";
import { TrainingLabController, type TrainingLabOptions } from "../shared/training-lab-controller.svelte.ts";
import { SCHEMA, DR_WARMUP, drSpec, type DrSettings } from "./settings.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import {
  countsText,
  deadUnits,
  revivalText,
  offCounts,
  offFractionSeries,
  unitLayers,
  type UnitLayer,
} from "./units.ts";

/** The most recent events kept for the charts' marks (a reader can press Shock many times). */
const MAX_MARKS = 12;

/** While training, the costliest pictures (decision boundary, dead share over time) redraw at most this often. */
const VIEW_MS = 125;
const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/** Settings, run and derived views of the dying-ReLU lab. */
export class DyingReluLab extends TrainingLabController<typeof SCHEMA> {
  /** Bumped on every snapshot while paused, at most every VIEW_MS while training (plus once after the last). */
  viewTick = $state(0);
  #tickAt = Number.NEGATIVE_INFINITY;
  #tickTimer: ReturnType<typeof setTimeout> | undefined;
  #unitsKey = "";
  #units: UnitLayer[] = [];
  /**
   * The latest switch to Leaky ReLU in this run: the units dead just before it, and those still inactive once the
   * worker had measured the same weights under Leaky ReLU (null until that snapshot arrives).
   */
  #switch = $state.raw<{ runId: number; before: number[]; after: number[] | null } | null>(null);
  /**
   * What the switch did, in two parts: units that stopped counting as dead at the switch itself, with no weight
   * moving (the layer before now passes α·z instead of 0, so their inputs changed), and units inactive right after
   * the switch that have come back since, as training moved the weights. Null before a switch in this run.
   */
  readonly revival = $derived.by((): { atSwitch: number; since: number } | null => {
    const sw = this.#switch;
    const s = this.training.snapshot;
    if (!sw || !sw.after || !s || s.runId !== sw.runId) return null;
    const deadNow = deadUnits(s.deadSince);
    return {
      atSwitch: sw.before.filter((u) => !sw.after!.includes(u)).length,
      since: sw.after.filter((u) => !deadNow.includes(u)).length,
    };
  });
  /** What the reader did to a run and at which step (shocks, activation swaps), newest last. */
  #events = $state.raw<(PlotMark & { runId: number })[]>([]);
  /** The current run's events as chart marks: a loss spike or a change of slope has its cause written beside it. */
  readonly marks = $derived.by((): PlotMark[] => {
    const runId = this.training.snapshot?.runId;
    return this.#events.filter((e) => e.runId === runId).map(({ x, label }) => ({ x, label }));
  });

  /** The hidden units, one block per layer (states: −1 active somewhere, else the step since z ≤ 0 everywhere). */
  readonly units = $derived.by(() => {
    const s = this.training.snapshot;
    const widths = s ? s.layers.slice(0, -1).map((l) => l.units) : [];
    // Most frames change no cell: keep the same object then, so the grid and the counts do not re-render.
    const key = s ? `${widths.join(",")}|${s.deadSince.join(",")}` : "";
    if (key !== this.#unitsKey) {
      this.#unitsKey = key;
      this.#units = s ? unitLayers(s.deadSince, widths) : [];
    }
    return this.#units;
  });
  /** Units with z ≤ 0 on every example, per layer and in all. */
  readonly counts = $derived(offCounts(this.units));
  /** The activation the network runs now (the snapshot's, so the words match the numbers they describe). */
  readonly activation = $derived.by(() => this.training.snapshot?.hidden ?? this.settings.act);
  /** The share of each layer's units with z ≤ 0 everywhere, over the run. */
  readonly fractions = $derived.by(() => {
    void this.viewTick; // the history is mutated in place; the tick says when to re-read it
    return untrack(() => offFractionSeries(this.training.history, this.training.layers));
  });
  /** The decision-boundary grid (P(class 1), row 0 at the top) and its side, or null before the first snapshot. */
  readonly boundary = $derived.by(() => {
    void this.viewTick;
    const s = untrack(() => this.training.snapshot);
    return s?.boundary ? { grid: s.boundary, size: s.boundarySize } : null;
  });

  constructor(preset: unknown = {}, options: TrainingLabOptions = {}) {
    super("dying-relu", SCHEMA, preset, options, {
      spec: drSpec,
      warmup: DR_WARMUP,
      restartKeys: ["bias", "data", "seed", "prec"],
    });
  }

  /** The shock's learning rate. */
  get shockRate(): number {
    return Number(this.settings.shock);
  }

  /** One step at the shock's learning rate; the worker then measures the weights it left, so the grid changes at once. */
  shock(): void {
    this.#mark("shock");
    this.training.shock(this.shockRate);
  }

  /**
   * The activation swaps in place (ReLU ↔ Leaky ReLU: the weights stay, only the slope for z ≤ 0 changes, 0 ↔ α),
   * and so does α while Leaky ReLU runs; the rest is the shared rule (bias, data, seed, prec restart; lr is live).
   */
  protected override changed(key: keyof DrSettings & string, previous: UrlValues<typeof SCHEMA>): void {
    const { act, alpha } = this.settings;
    if (key === "act") {
      this.#mark(act === "relu" ? "ReLU" : `Leaky ReLU (α = ${formatNumber(alpha)})`);
      const s = this.training.snapshot;
      this.#switch = act === "leaky-relu" && s ? { runId: s.runId, before: deadUnits(s.deadSince), after: null } : null;
      this.training.setActivation(act, alpha);
    } else if (key === "alpha") {
      if (act === "leaky-relu") this.training.setActivation(act, alpha);
    } else super.changed(key, previous);
  }

  protected override shown(s: Snapshot): void {
    const sw = this.#switch;
    // The worker answers a switch with the same weights measured under the new activation (same step).
    if (sw && !sw.after && s.runId === sw.runId && s.hidden === "leaky-relu")
      this.#switch = { ...sw, after: deadUnits(s.deadSince) };
    this.#tick();
  }

  override dispose(): void {
    clearTimeout(this.#tickTimer);
    super.dispose();
  }

  /** The live region, e.g. "step 120: loss 0.31; 5 of 32 units dead (layer 1: 3 of 16, layer 2: 2 of 16)". */
  override summary(): string {
    const s = this.training.snapshot;
    const base = this.training.summary();
    if (!s || s.status === "diverged" || this.training.error) return base;
    const slope = this.activation === "leaky-relu" ? `; Leaky ReLU, slope α = ${formatNumber(s.alpha)} for z ≤ 0` : "";
    const revival = this.revival ? `; ${revivalText(this.revival)}` : "";
    return `${base}; ${countsText(this.counts, this.activation)}${slope}${revival}`;
  }

  /** Notes an event at the run's current step. */
  #mark(label: string): void {
    const s = this.training.snapshot;
    if (!s) return;
    this.#events = [...this.#events, { runId: s.runId, x: s.step, label }].slice(-MAX_MARKS);
  }

  /** Redraws the costly pictures now, or (while training) once VIEW_MS has passed since the last redraw. */
  #tick(): void {
    clearTimeout(this.#tickTimer);
    const wait = this.#tickAt + VIEW_MS - now();
    if (this.training.status !== "running" || wait <= 0) {
      this.#tickAt = now();
      this.viewTick++;
    } else {
      this.#tickTimer = setTimeout(() => this.#tick(), wait);
    }
  }
}
