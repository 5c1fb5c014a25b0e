/**
 * The output-loss lab's controller: its settings (preset, then URL), the three binary runs driven
 * together (sigmoid+MSE, sigmoid+BCE, tanh+MSE from the same weights) and the multiclass run, and the
 * numbers the view shows. The view only lays these out.
 *
 *   binary mode:     LinkedTrainingLab(LEADER = sigmoid+BCE) ──► sigmoid+MSE, tanh+MSE   (one set of controls)
 *   multiclass mode: TrainingLab(softmax + cross-entropy)
 */
import { COLUMN } from "../shared/history-views.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import { LabController } from "../shared/lab-controller.svelte.ts";
import type { StaticSnapshot } from "../shared/static-run.ts";
import type { TrainingLabOptions } from "../shared/training-lab-controller.svelte.ts";
import { sharedWorkerFactory, TrainingLab } from "../shared/training-lab.svelte.ts";
import { LinkedTrainingLab } from "./linked-lab.ts";
import { FrameSync } from "./frame-sync.svelte.ts";
import { startLoss, unstableLoss, type LossCurve } from "./loss-compare.ts";
import {
  binarySpec,
  LEADER,
  multiclassSpec,
  PAIRING_IDS,
  PAIRINGS,
  RESTART_KEYS,
  SCHEMA,
  WARMUP_STEPS,
  type PairingId,
  type Settings,
} from "./settings.ts";
import { binarySummary, multiclassSummary } from "./summary.ts";
import { pairingView, pointView, type PairingView, type PointView } from "./views.ts";

/**
 * The binary views in four groups, each redrawn in every fourth frame while training (15 a second at 60 Hz): the
 * loss chart, the boundary, the tables, the logit curves. Drawn in one frame, they made it long enough to miss the
 * next one.
 */
const BINARY_GROUPS = { lossCurves: 0, boundary: 1, pairings: 2, curves: 3 } as const;
/** The multiclass views, in two groups the same way. */
const MULTICLASS_GROUPS = { boundary: 0, point: 1 } as const;

/** Build-time snapshots (see Embed.astro): the binary runs or the multiclass run after WARMUP_STEPS steps. */
export interface InitialSnapshots {
  binary?: Partial<Record<PairingId, StaticSnapshot>>;
  multiclass?: StaticSnapshot;
}

/** How the lab is built: like any training lab, but with a build-time snapshot per run. */
export interface OutputLossOptions extends Omit<TrainingLabOptions, "initial"> {
  initial?: InitialSnapshots | null;
}

type Mode = "binary" | "multiclass";

/** State and commands of the output-loss lab. */
export class OutputLossLab extends LabController<typeof SCHEMA> {
  /** The three binary runs by pairing; the sigmoid+BCE run leads and forwards commands to the other two. */
  readonly runs: Record<PairingId, TrainingLab>;
  readonly binary: LinkedTrainingLab;
  readonly multiclass: TrainingLab;
  /** The run the shared shell and controls talk to in the current mode. */
  readonly active: TrainingLab = $derived.by(() => this.#lab(this.mode));
  /** Each binary pairing's progress and output-gradient split, in display order. */
  readonly pairings: PairingView[] = $derived.by(() => this.#pairings(BINARY_GROUPS.pairings));
  /** The same, for the logit curves, which redraw in frames of their own. */
  readonly curvePairings: PairingView[] = $derived.by(() => this.#pairings(BINARY_GROUPS.curves));
  /** The three loss histories for the comparison plot, redrawn once per frame. */
  readonly lossCurves: LossCurve[] = $derived.by(() => this.#lossCurves());
  /** The multiclass point the reader picked, with the model's probabilities there. */
  readonly point: PointView | null = $derived.by(() => this.#point());
  /** The multiclass loss far above its start without diverging: {from, to}, or null while it behaves. */
  readonly unstable: { from: number; to: number } | null = $derived.by(() => {
    const lab = this.multiclass;
    void lab.historyVersion; // the history is mutated in place; its version says when to re-read it
    const s = lab.snapshot;
    if (!s || s.status === "diverged") return null;
    return unstableLoss(startLoss(lab.history.column(COLUMN.trainLoss)), s.trainLoss);
  });

  readonly #random: () => number;
  #started = { binary: false, multiclass: false };
  #warm = { binary: true, multiclass: true };
  /** The binary views read three runs: one redraw per group's frame, not one per run's snapshot. */
  readonly #sync = new FrameSync(
    () => PAIRING_IDS.map((id) => this.runs[id].snapshot),
    Object.keys(BINARY_GROUPS).length,
  );
  /** The multiclass views (boundary, probabilities), each in its own frames. */
  readonly #multiSync = new FrameSync(() => [this.multiclass.snapshot], 2);

  constructor(preset: unknown = {}, options: OutputLossOptions = {}) {
    super("output-loss", SCHEMA, preset, options);
    this.#random = options.random ?? Math.random;
    const { factory, initial } = options;
    // Only the first start of each mode warms up, so it reproduces the build-time snapshot; Reset goes to step 0.
    const warmup = (mode: Mode) => () => (this.#warm[mode] ? WARMUP_STEPS : 0);
    // The three binary runs train together, so they share one worker: at full speed, three busy workers
    // would leave a two-core machine's main thread waiting for a core (60–90 ms frames).
    const binaryFactory = factory ?? sharedWorkerFactory();
    const binaryLab = (id: PairingId) => ({
      factory: binaryFactory,
      warmup: warmup("binary"),
      initial: initial?.binary?.[id] ?? null,
    });
    const followers = PAIRING_IDS.filter((id) => id !== LEADER).map(
      (id) => [id, new TrainingLab(() => binarySpec(id, this.settings), binaryLab(id))] as const,
    );
    this.binary = new LinkedTrainingLab(
      () => binarySpec(LEADER, this.settings),
      binaryLab(LEADER),
      followers.map(([, lab]) => lab),
    );
    this.runs = Object.fromEntries([[LEADER, this.binary], ...followers]) as Record<PairingId, TrainingLab>;
    this.multiclass = new TrainingLab(() => multiclassSpec(this.settings), {
      factory,
      warmup: warmup("multiclass"),
      initial: initial?.multiclass ?? null,
    });
  }

  /** After the address was applied: the redraw clocks and the current mode's runs start. */
  protected started(): void {
    this.#sync.start();
    this.#multiSync.start();
    this.#start(this.mode);
  }

  get mode(): Mode {
    return this.settings.mode === "multiclass" ? "multiclass" : "binary";
  }

  /** The pairing whose decision boundary and logit marker are shown. */
  get shown(): PairingId {
    return (PAIRING_IDS as readonly string[]).includes(this.settings.show)
      ? (this.settings.show as PairingId)
      : PAIRING_IDS[0];
  }

  /** Learning rates are live, structural settings start the mode's runs again, the rest are views. */
  protected changed(key: keyof Settings & string): void {
    const v = this.settings[key];
    if (key === "mode") {
      (v === "multiclass" ? this.binary : this.multiclass).pause();
      if (this.mounted && !this.#started[this.mode]) this.#start(this.mode);
    } else if (key === "lr") this.binary.setLearningRate(v as number);
    else if (key === "mlr") this.multiclass.setLearningRate(v as number);
    for (const mode of ["binary", "multiclass"] as const) {
      if ((RESTART_KEYS[mode] as readonly string[]).includes(key) && this.#started[mode]) this.#lab(mode).restart();
    }
  }

  /** New data and weights for both modes: a fresh seed. */
  newSeed(): void {
    this.set("seed", Math.floor(this.#random() * (SCHEMA.seed.max + 1)));
  }

  /** The live summary: progress of each run and the numbers the lab is about. */
  summary(): string {
    const lab = this.active;
    if (lab.error || !lab.snapshot || lab.snapshot.status === "diverged") return lab.summary();
    return this.mode === "multiclass"
      ? multiclassSummary(lab.summary(), this.point, this.unstable)
      : binarySummary(lab.step, this.pairings, this.settings.ex);
  }

  /** Stops every worker (the lab left the page). */
  dispose(): void {
    this.#sync.stop();
    this.#multiSync.stop();
    this.binary.dispose();
    this.multiclass.dispose();
  }

  #pairings(group: number): PairingView[] {
    const ex = this.settings.ex;
    return this.#sync.read(group, () =>
      PAIRING_IDS.map((id) => {
        const lab = this.runs[id];
        void lab.historyVersion; // the history is mutated in place; its version says when to re-read it
        // All three train on the same data (same seeds); the leader's copy is the one always present.
        const start = startLoss(lab.history.column(COLUMN.trainLoss));
        return pairingView(id, lab.snapshot, this.binary.data, start, ex);
      }),
    );
  }

  #lossCurves(): LossCurve[] {
    return this.#sync.read(BINARY_GROUPS.lossCurves, () =>
      PAIRINGS.map((p) => {
        const lab = this.runs[p.id];
        void lab.historyVersion;
        const { label, color, dashed } = p;
        return { label, color, dashed, steps: lab.history.steps(), losses: lab.history.column(COLUMN.trainLoss) };
      }),
    );
  }

  #point(): PointView | null {
    const pt = this.settings.pt;
    return this.#multiSync.read(MULTICLASS_GROUPS.point, () =>
      pointView(this.multiclass.snapshot, this.multiclass.data, pt),
    );
  }

  /** The latest snapshot of a run for charts: the binary runs' and the multiclass run's, at the redraw pace. */
  shownSnapshot(mode: Mode): Snapshot | null {
    if (mode === "multiclass") return this.#multiSync.read(MULTICLASS_GROUPS.boundary, () => this.multiclass.snapshot);
    const id = this.shown;
    return this.#sync.read(BINARY_GROUPS.boundary, () => this.runs[id].snapshot);
  }

  #lab(mode: Mode): TrainingLab {
    return mode === "binary" ? this.binary : this.multiclass;
  }

  #start(mode: Mode): void {
    this.#started[mode] = true;
    this.#lab(mode).restart();
    this.#warm[mode] = false;
  }
}
