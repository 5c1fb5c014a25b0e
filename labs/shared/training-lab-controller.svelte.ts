/**
 * The controller every training lab extends: its settings (LabController) and its run (TrainingLab). The
 * first run warms up so the lab opens on its phenomenon (the build-time snapshot shows exactly that state
 * until the worker answers); Reset and later runs start at step 0. A changed setting either starts a new
 * run (the lab's restart keys) or reaches the running network (the learning rate); the rest only redraw.
 *
 *   mount ──► restart (warm-up, held back) ──► first snapshot shown ──► Train / Pause / Step / Reset
 *   set(restart key) ──► new run (step 0)        set("lr") ──► same run, new learning rate
 */
import type { UrlSchema, UrlValues } from "../../src/settings/url-state.ts";
import type { SessionSpec, Snapshot } from "../../src/worker/protocol.ts";
import type { LabId } from "../catalog.ts";
import type { LabSessionSpec } from "../index.ts";
import { LabController, type LabOptions } from "./lab-controller.svelte.ts";
import type { RestorableRun } from "./lab-event.ts";
import type { StaticSnapshot } from "./static-snapshot.ts";
import { TrainingLab, type ClientFactory } from "./training-lab.svelte.ts";

/** How a training lab is built: besides its address, the build-time snapshot and how it reaches a trainer. */
export interface TrainingLabOptions extends LabOptions {
  /** The build-time snapshot of the preset after the warm-up, shown until the worker answers. */
  initial?: StaticSnapshot | null;
  /** Builds the client; tests pass one that trains in this thread. */
  factory?: ClientFactory;
  /** Picks new seeds in [0, 1): Math.random by default. */
  random?: () => number;
}

/** What a training lab trains: its session for given settings, its warm-up, and which settings start a new run. */
export interface RunDefinition<S extends UrlSchema> {
  spec(settings: UrlValues<S>): LabSessionSpec;
  /** Steps the first run trains before it is shown (the build-time snapshot trains the same). */
  warmup: number;
  /** Settings that change which network trains: changing one starts a new run. */
  restartKeys: readonly (keyof S & string)[];
}

/** A lab whose settings describe one training run (most labs). */
export abstract class TrainingLabController<S extends UrlSchema> extends LabController<S> {
  readonly training: TrainingLab;
  protected readonly run: RunDefinition<S>;
  readonly #random: () => number;
  /** Whether the next run is the first (it warms up). */
  #first = true;
  /** The settings the latest run was built from (see runSettings; read with each snapshot, so not reactive). */
  #runSettings: UrlValues<S> | null = null;

  constructor(id: LabId, schema: S, preset: unknown, options: TrainingLabOptions, run: RunDefinition<S>) {
    super(id, schema, preset, options);
    this.run = run;
    this.#random = options.random ?? Math.random;
    this.training = new TrainingLab(() => this.spec(), {
      factory: options.factory,
      initial: options.initial ?? null,
      warmup: () => this.warmupSteps(this.#first),
      onShow: (s) => this.shown(s),
    });
  }

  /** The first run as the page opens on it: its session and warm-up (Embed.astro trains it at build time). */
  get firstRun(): { spec: SessionSpec; steps: number } {
    return { spec: this.run.spec(this.base), steps: this.warmupSteps(true) };
  }

  /** The steps a new run trains before it is shown: the lab's warm-up for the first run, none after. */
  protected warmupSteps(first: boolean): number {
    return first ? this.run.warmup : 0;
  }

  /**
   * The settings the run on screen started from: its record's spec is this lab's for them. The learning rate and
   * an activation swapped in place change `settings` but not the run's start (the record keeps them as changes).
   * Null before the first run.
   */
  get runSettings(): UrlValues<S> | null {
    return this.#runSettings;
  }

  /** The session the next run trains (read at each restart). */
  protected spec(): SessionSpec {
    this.#runSettings = this.settings;
    return this.run.spec(this.settings);
  }

  /**
   * Shows a kept run again (an assignment's hand-in after a reload): its start settings and the settings since,
   * each read through the schema, then the run trained in the worker to its step with the reader's changes at
   * theirs. Call after mount(). Resolves to why it cannot (a setting the schema would correct, or one this page
   * locks to another value), changing nothing then, or to null once the replay has started. The work is in
   * kept-run.ts, loaded only by a page that has a run to restore.
   */
  restore(run: RestorableRun): Promise<string | null> {
    return import("./kept-run.ts").then((m) =>
      m.restoreRun(
        this,
        run,
        (v, keys, notices) => this.consistent(v as UrlValues<S>, keys, notices),
        () => this.writeAddress(),
      ),
    );
  }

  /** Called with every snapshot from the worker as it goes on screen: labs pace their instruments here. */
  protected shown(_snapshot: Snapshot): void {}

  protected started(): void {
    this.restart();
  }

  /** Starts a new run from the current settings (the first one warms up). */
  protected restart(): void {
    this.training.restart();
    this.#first = false;
  }

  protected changed(key: keyof S & string, _previous: UrlValues<S>): void {
    if (this.run.restartKeys.includes(key)) {
      if (this.mounted) this.restart();
    } else if (key === "lr") {
      this.training.setLearningRate(this.settings[key] as number);
    }
  }

  /** New data and new starting weights: a new seed, different from the current one. */
  newSeed(): void {
    const spec = this.schema.seed;
    if (!spec || spec.kind !== "number") return;
    const current = (this.settings as Record<string, unknown>).seed;
    let seed = Math.floor(this.#random() * (spec.max + 1));
    if (seed === current) seed = (seed + 1) % (spec.max + 1);
    this.set("seed" as keyof S & string, seed as UrlValues<S>[keyof S & string]);
  }

  /** The live region's sentence; labs append what their instruments show. */
  summary(): string {
    return this.training.summary();
  }

  /** Stops the worker (the lab left the page). */
  dispose(): void {
    this.training.dispose();
  }
}
