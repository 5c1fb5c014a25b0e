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
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import type { StaticSnapshot } from "../shared/static-snapshot.ts";
import { defaultClientFactory, TrainingLab, type ClientFactory } from "../shared/training-lab.svelte.ts";
import { readUrl, readValues, writeUrl } from "../../src/settings/url-state.ts";
import { DR_DEFAULTS, DR_SCHEMA, DR_WARMUP, drSpec, LR_RANGE, SHOCK_SIZES, type DrSettings } from "./settings.ts";
import { countsText, offCounts, offFractionSeries, unitLayers, type UnitLayer } from "./units.ts";

/** How the lab is built: where its settings come from and how it talks to the trainer. */
export interface DyingReluOptions {
  /** URL prefix (the catalog's "dr" unless a page embeds the lab twice). */
  urlKey?: string;
  /** The build-time snapshot of the preset after DR_WARMUP steps. */
  initial?: StaticSnapshot | null;
  factory?: ClientFactory;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The most recent events kept for the charts' marks (a reader can press Shock many times). */
const MAX_MARKS = 12;

/** While training, the costliest pictures (decision boundary, dead share over time) redraw at most this often. */
const VIEW_MS = 125;
const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/** Settings, run and derived views of the dying-ReLU lab. */
export class DyingReluLab {
  settings = $state<DrSettings>({ ...DR_DEFAULTS });
  notices = $state.raw<SettingNotice[]>([]);
  readonly training: TrainingLab;
  /** The settings the URL is written against (defaults overridden by the lesson's preset). */
  readonly base: DrSettings;
  readonly urlKey: string;
  #started = false;
  #unitsKey = "";
  #units: UnitLayer[] = [];
  /** Bumped on every snapshot while paused, at most every VIEW_MS while training (plus once after the last). */
  viewTick = $state(0);
  #tickAt = Number.NEGATIVE_INFINITY;
  #tickTimer: ReturnType<typeof setTimeout> | undefined;
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

  constructor(preset: Record<string, unknown> = {}, options: DyingReluOptions = {}) {
    this.urlKey = options.urlKey ?? "dr";
    const notices: SettingNotice[] = [];
    // Defaults and the lesson's preset only: the same at build time and at hydration, so the server-rendered
    // lab and the hydrated one agree. The address is applied in mount().
    this.base = readValues(DR_SCHEMA, preset, DR_DEFAULTS, notices);
    this.settings = { ...this.base };
    this.notices = notices;
    this.training = new TrainingLab(() => drSpec(this.settings), {
      // Warm up only for the first run, so the page opens on a trained network and Reset goes back to step 0.
      warmup: () => (this.#started ? 0 : DR_WARMUP),
      initial: options.initial ?? null,
      factory: (cb) =>
        (options.factory ?? defaultClientFactory)({
          onSnapshot: (snapshot) => {
            cb.onSnapshot(snapshot);
            this.#tick();
          },
          onError: cb.onError,
        }),
    });
    this.viewTick++;
  }

  /**
   * Applies the address's settings (`search`, e.g. "?dr.bias=-2"; the page's own by default) and starts the
   * first run. Call once, when the lab is on the page. Until the run answers, the build-time picture stays.
   */
  mount(search: string = typeof location === "undefined" ? "" : location.search): void {
    const fromUrl = readUrl(DR_SCHEMA, search, this.urlKey, this.base);
    this.settings = fromUrl.values;
    if (fromUrl.notices.length > 0) this.notices = [...this.notices, ...fromUrl.notices];
    this.training.restart();
    this.#started = true;
  }

  /** The shock's learning rate. */
  get shockRate(): number {
    return Number(this.settings.shock);
  }

  /** Changes the learning rate of the running network (no reset). */
  setLearningRate(lr: number): void {
    this.settings.lr = clamp(lr, LR_RANGE.min, LR_RANGE.max);
    this.training.setLearningRate(this.settings.lr);
    this.#writeUrl();
  }

  /** Swaps ReLU ↔ Leaky ReLU in place: the weights stay, only the slope for z ≤ 0 changes (0 ↔ α). */
  setActivation(act: DrSettings["act"]): void {
    const next = act === "leaky-relu" ? "leaky-relu" : "relu";
    if (next !== this.settings.act)
      this.#mark(next === "relu" ? "ReLU" : `Leaky ReLU (α = ${formatNumber(this.settings.alpha)})`);
    this.settings.act = next;
    this.training.setActivation(this.settings.act, this.settings.alpha);
    this.#writeUrl();
  }

  /** Leaky ReLU's slope for z ≤ 0; applied at once when Leaky ReLU is running. */
  setAlpha(alpha: number): void {
    this.settings.alpha = clamp(alpha, DR_SCHEMA.alpha.min, DR_SCHEMA.alpha.max);
    if (this.settings.act === "leaky-relu") this.training.setActivation("leaky-relu", this.settings.alpha);
    this.#writeUrl();
  }

  /** Every bias starts at this value (a new network: restarts the run). */
  setBias(bias: number): void {
    this.settings.bias = Math.round(clamp(bias, DR_SCHEMA.bias.min, DR_SCHEMA.bias.max) * 100) / 100;
    this.#restart();
  }

  /** Two moons or two circles (restarts the run). */
  setDataset(data: DrSettings["data"]): void {
    this.settings.data = data === "circles" ? "circles" : "moons";
    this.#restart();
  }

  /** Which learning rate the Shock button uses. */
  setShockSize(size: string): void {
    this.settings.shock = (SHOCK_SIZES as readonly string[]).includes(size) ? (size as DrSettings["shock"]) : "50";
    this.#writeUrl();
  }

  /** One step at the shock's learning rate; the worker then measures the weights it left, so the grid changes at once. */
  shock(): void {
    this.#mark("shock");
    this.training.shock(this.shockRate);
  }

  /** New data and new starting weights. */
  newSeed(seed = Math.floor(Math.random() * DR_SCHEMA.seed.max)): void {
    this.settings.seed = clamp(Math.floor(seed), 0, DR_SCHEMA.seed.max);
    this.#restart();
  }

  /** The live region, e.g. "step 120: loss 0.31; 5 of 32 units dead (layer 1: 3 of 16, layer 2: 2 of 16)". */
  summary(): string {
    const s = this.training.snapshot;
    const base = this.training.summary();
    if (!s || s.status === "diverged" || this.training.error) return base;
    const slope = this.activation === "leaky-relu" ? `; Leaky ReLU, slope α = ${formatNumber(s.alpha)} for z ≤ 0` : "";
    return `${base}; ${countsText(this.counts, this.activation)}${slope}`;
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

  #restart(): void {
    this.#writeUrl();
    this.training.restart();
  }

  #writeUrl(): void {
    if (typeof window === "undefined" || typeof history === "undefined") return;
    const search = writeUrl(DR_SCHEMA, this.settings, this.base, window.location.search, this.urlKey);
    history.replaceState(history.state, "", `${window.location.pathname}${search}${window.location.hash}`);
  }
}
