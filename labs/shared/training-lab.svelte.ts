/**
 * The part every training lab shares: it owns the TrainingClient, the run's status, the latest
 * snapshot, the bounded history and the play/pause/step/reset/new-seed/speed/learning-rate
 * commands. A lab's own controller composes it with its settings and derived views.
 *
 *   idle ──Train──► running ──Pause──► paused ──Train──► running
 *     ▲                 │ (non-finite loss)                  │
 *     └──Reset──── diverged ◄────────────────────────────────┘
 */
import { LIMITS } from "../../src/core/index.ts";
import { BoundedHistory } from "../../src/plots/downsample.ts";
import { mergeSnapshots, SharedTrainingWorker, TrainingClient, type ClientMode } from "../../src/worker/client.ts";
import type { DataSnapshot, SessionSpec, Snapshot } from "../../src/worker/protocol.ts";
import type { RunRecord } from "../../src/worker/run-record.ts";
import { formatNumber } from "../../src/plots/format.ts";
import { unflatten, type StaticSnapshot } from "./static-snapshot.ts";

/** What the lab's root element reports in data-status. */
export type LabStatus = "idle" | "running" | "paused" | "diverged";

/** Play speeds offered to the reader, in steps per second (Infinity: as fast as the machine allows). */
export const SPEEDS = [
  { label: "Slow (5 steps/s)", value: 5 },
  { label: "Normal (60 steps/s)", value: 60 },
  { label: "Fast (600 steps/s)", value: 600 },
  { label: "Fastest", value: Number.POSITIVE_INFINITY },
] as const;

/** History points kept per run: enough for a smooth curve, bounded however long the run. */
export const HISTORY_CAPACITY = 512;

/**
 * How long a lab waits for its worker to answer a command (or, while training, to send anything) before it
 * takes the worker for dead: a worker that was terminated or crashed without an error event sends nothing
 * ever again. Generous, because a worker's first answer includes loading it on a busy machine.
 */
export const WORKER_SILENCE_MS = 10_000;

/** Builds the client a lab talks to; tests pass one that runs in-thread. */
export type ClientFactory = (callbacks: ConstructorParameters<typeof TrainingClient>[0]) => TrainingClient;

/** The default factory: a Web Worker in the browser, this thread where Worker does not exist. */
export const defaultClientFactory: ClientFactory = (callbacks) => {
  const mode: ClientMode = typeof Worker === "undefined" ? "in-thread" : "worker";
  return new TrainingClient(callbacks, mode);
};

/**
 * A factory whose clients all train in one Web Worker, for runs that always train together (a lab
 * comparing several networks): one busy thread for all of them, so the page's main thread keeps a core.
 */
export function sharedWorkerFactory(): ClientFactory {
  if (typeof Worker === "undefined") return defaultClientFactory;
  const shared = new SharedTrainingWorker();
  return (callbacks) => new TrainingClient(callbacks, "worker", shared);
}

/** Labs that have started and not been disposed: the page's lifecycle reaches them all (see TrainingLab's static block). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for page events, never rendered
const live = new Set<TrainingLab>();

/** Run state and commands shared by every training lab. */
export class TrainingLab {
  status = $state<LabStatus>("idle");
  snapshot = $state.raw<Snapshot | null>(null);
  data = $state.raw<DataSnapshot | null>(null);
  error = $state<string | null>(null);
  speed = $state<number>(60);
  /** Bumped whenever history changes, so views that read it re-render (the history itself is not reactive). */
  historyVersion = $state(0);
  /** Every measurement of the run (bounded: older points merge as it grows). Rows: see history-views.ts. */
  history = new BoundedHistory(HISTORY_CAPACITY, 2);
  #historyWidth = 3;
  /** How many layers the history rows describe (weight layers). */
  layers = $state(0);
  /**
   * True once a snapshot from the worker is shown. Until then the lab shows the build-time picture; a
   * warm-up snapshot held back does not count, since the picture on screen is still the build-time one.
   */
  live = $state(false);
  /** The kernels the worker trains with ("simd" or "js"), from its latest snapshot; null until live. */
  kernels = $state<Snapshot["kernels"] | null>(null);
  /**
   * True when what is on screen is final until the next command: the lab is not running and the snapshot shown
   * was sent by the worker at rest (its answer to Pause, Step, Reset, …). After Pause, a snapshot sent while the
   * run was still playing can land before the worker's answer; until that answer, the step may still move.
   */
  readonly settled = $derived(this.status !== "running" && this.snapshot?.atRest === true);

  readonly #factory: ClientFactory;
  readonly #spec: () => SessionSpec;
  /** The spec the current run started from (the record's spec). */
  #runSpec: SessionSpec | null = null;
  readonly #warmup: () => number;
  readonly #onShow: (snapshot: Snapshot) => void;
  #client: TrainingClient | null = null;
  #pausedByVisibility = false;
  /** Paused because the reader switched to another tab (see the static block). */
  #pausedByHiddenPage = false;
  #awaitingFirst = false;
  /** The warm-up being held back: the run, the step it ends at, and its snapshots so far (merged). */
  #hold: { runId: number; until: number; held: Snapshot | null } | null = null;
  /** Its worker was stopped when the page was hidden (see the static block). */
  #suspended = false;
  /** A command was sent that the worker has not answered yet. */
  #awaiting = false;
  /** When the worker was last heard from, or last asked something while quiet (see WORKER_SILENCE_MS). */
  #heardAt = 0;
  #watchdog: ReturnType<typeof setInterval> | null = null;

  /**
   * `spec` builds the session from the lab's current settings; it is read at each (re)start.
   * `warmup` steps run silently after each (re)start, so a lab can open on a state that already shows
   * its phenomenon; `initial` is the build-time snapshot of exactly that state, shown until the worker answers.
   * `onShow` is called with every snapshot from the worker as it goes on screen (after the warm-up hold and
   * merging), so a lab can pace its own instruments; it is not called for `initial`.
   */
  constructor(
    spec: () => SessionSpec,
    options: {
      factory?: ClientFactory;
      warmup?: () => number;
      initial?: StaticSnapshot | null;
      onShow?: (snapshot: Snapshot) => void;
    } = {},
  ) {
    this.#spec = spec;
    this.#factory = options.factory ?? defaultClientFactory;
    this.#warmup = options.warmup ?? (() => 0);
    this.#onShow = options.onShow ?? (() => {});
    if (options.initial) this.#show(unflatten(options.initial));
  }

  /** Completed steps of the current run. */
  get step(): number {
    return this.snapshot?.step ?? 0;
  }

  /**
   * The run on screen as a record that replays it (run-record.ts): its spec, the reader's changes and its step.
   * Null until the worker's first snapshot is shown, while a new run has not shown its first (the picture is still
   * the old run's), and for a run with more changes than a record keeps.
   */
  get record(): RunRecord | null {
    const s = this.snapshot;
    if (!this.live || this.#awaitingFirst || !s || !this.#runSpec || s.changes === null) return null;
    return { spec: this.#runSpec, changes: s.changes, step: s.step };
  }

  /** The runs this lab trains side by side: itself (a lab that drives several runs adds the others). */
  get all(): TrainingLab[] {
    return [this];
  }

  /** Rows the history holds now (reactive; never more than HISTORY_CAPACITY however long the run). */
  get historyRows(): number {
    void this.historyVersion;
    return this.history.length;
  }

  /** The latest training loss, or null before the first measurement. */
  get loss(): number | null {
    return this.snapshot?.trainLoss ?? null;
  }

  /**
   * Starts a fresh run from the current settings (new network, step 0). Safe to call repeatedly. With `replay`
   * (kept-run.ts), the run is trained instead to `replay.steps` by the commands it sends (a kept run's changes at
   * their steps), held back like the warm-up, so the lab goes straight to where the kept run was.
   */
  restart(replay?: { steps: number; send(client: TrainingClient): void }): void {
    const client = this.#beginRun();
    this.status = "idle";
    try {
      this.#runSpec = this.#spec();
      const runId = client.start(this.#runSpec);
      const warmup = replay ? 0 : Math.max(0, Math.floor(this.#warmup()));
      const until = replay ? replay.steps : Math.min(warmup, LIMITS.maxStepsPerCommand);
      // The worker reports step 0 before the warm-up; shown alone, it would flash between the build-time
      // picture (already at step `warmup`) and the warmed-up run. Held back, the lab goes straight there.
      this.#hold = until > 0 ? { runId, until, held: null } : null;
      if (warmup > 0) client.step(warmup);
      replay?.send(client);
    } catch (error) {
      this.#fail(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Shows a recorded run (from a file): a new run that the worker trains again from step 0 with the record's
   * changes, to its step (replay.ts), then paused there. Reset afterwards starts the lab's own spec at step 0.
   */
  replay(record: RunRecord): void {
    const client = this.#beginRun();
    this.#hold = null;
    this.status = "paused";
    this.#runSpec = record.spec;
    client.replay(record);
  }

  /**
   * What every new run starts with (restart and replay): errors cleared, the lab live again, the worker client made on
   * first use, and the old picture kept on screen until the new run's first snapshot replaces it (no flash of empty
   * charts). Returns the client.
   */
  #beginRun(): TrainingClient {
    this.error = null;
    this.#suspended = false;
    live.add(this);
    this.#client ??= this.#factory({ onSnapshot: (s) => this.#receive(s), onError: (m) => this.#fail(m) });
    this.#expectAnswer();
    this.#awaitingFirst = true;
    return this.#client;
  }

  /** Train (play) or pause. */
  toggle(): void {
    if (this.status === "running") this.pause();
    else this.play();
  }

  play(): void {
    if (!this.#client || this.status === "diverged" || this.error) return;
    this.#pausedByVisibility = false;
    this.#pausedByHiddenPage = false;
    this.status = "running";
    this.#expectAnswer();
    this.#client.play(this.speed);
  }

  pause(): void {
    if (this.status !== "running") return;
    this.status = "paused";
    this.#expectAnswer();
    this.#client?.pause();
  }

  /** One training step (pauses first). */
  stepOnce(): void {
    if (this.status === "diverged" || this.error) return;
    if (this.status === "running") this.pause();
    else if (this.status === "idle") this.status = "paused";
    this.#expectAnswer();
    this.#client?.step(1);
  }

  /**
   * Back to the same initial weights, step 0. Implemented as a fresh run from the same seeds (the core
   * makes identical weights), so a snapshot still in flight from before the reset is dropped by run id.
   */
  reset(): void {
    this.restart();
  }

  /** Changes the speed; a running lab continues at the new speed. */
  setSpeed(stepsPerSecond: number): void {
    this.speed = stepsPerSecond;
    if (this.status === "running") this.#client?.play(stepsPerSecond);
  }

  /** Changes the learning rate of the running network without resetting it. */
  setLearningRate(lr: number): void {
    this.#client?.setLearningRate(lr);
  }

  /** Swaps the hidden activation in place (weights kept). */
  setActivation(hidden: string, alpha: number): void {
    this.#client?.setActivation(hidden, alpha);
  }

  /** One step at a huge learning rate. */
  shock(lr: number): void {
    if (this.status === "running") this.pause();
    this.#expectAnswer();
    this.#client?.shock(lr);
  }

  /** Pauses while the lab is scrolled out of view, and resumes when it comes back if that was the reason. */
  setVisible(visible: boolean): void {
    if (!visible && this.status === "running") {
      this.pause();
      this.#pausedByVisibility = true;
    } else if (visible && this.#pausedByVisibility) {
      this.play();
    }
  }

  /** Stops the worker (when the lab leaves the page). */
  dispose(): void {
    this.#client?.dispose();
    this.#client = null;
    this.#suspended = false;
    this.#stopWatchdog();
    live.delete(this);
  }

  /**
   * Notes that the worker owes an answer, and watches for one: a worker that stays silent past WORKER_SILENCE_MS
   * while owing one (or while training, when it sends snapshots all the time) is taken for dead, shown as the
   * lab's error, and Reset starts a new one.
   */
  #expectAnswer(): void {
    if (!this.#awaiting) this.#heardAt = Date.now();
    this.#awaiting = true;
    if (this.#watchdog !== null || typeof setInterval === "undefined") return;
    this.#watchdog = setInterval(() => {
      const owed = this.#awaiting || this.status === "running";
      if (!owed || !this.#client) return;
      if (Date.now() - this.#heardAt > WORKER_SILENCE_MS)
        this.#fail("The training worker stopped answering (it may have been closed or crashed).");
    }, 1000);
    // In Node (tests, the build) the watchdog must not keep the process alive.
    (this.#watchdog as { unref?: () => void }).unref?.();
  }

  #stopWatchdog(): void {
    if (this.#watchdog !== null) clearInterval(this.#watchdog);
    this.#watchdog = null;
    this.#awaiting = false;
  }

  /**
   * Leaving the page (pagehide) stops the worker: a page kept in the back/forward cache must not keep a
   * worker alive. Coming back to it (pageshow, persisted) starts a fresh run from the same settings; the
   * last picture stays until that run's first snapshot.
   *
   * A hidden tab pauses its running labs and resumes them when shown again. Why: the browser draws no
   * frames in a hidden tab, so the worker, which waits for the page to draw (see Runner), would stop
   * anyway while the lab still said "running".
   */
  static {
    if (typeof addEventListener === "function") {
      addEventListener("pagehide", () => {
        for (const lab of live) lab.#suspend();
      });
      addEventListener("pageshow", (event) => {
        if (!(event as PageTransitionEvent).persisted) return;
        for (const lab of live) if (lab.#suspended) lab.restart();
      });
    }
    if (typeof document !== "undefined") {
      document.addEventListener("visibilitychange", () => {
        for (const lab of live) lab.#pageVisibility(document.visibilityState !== "hidden");
      });
    }
  }

  #pageVisibility(visible: boolean): void {
    if (!visible && this.status === "running") {
      this.pause();
      this.#pausedByHiddenPage = true;
    } else if (visible && this.#pausedByHiddenPage) {
      this.#pausedByHiddenPage = false;
      this.play();
    }
  }

  #suspend(): void {
    if (!this.#client) return;
    this.#client.dispose();
    this.#client = null;
    this.#stopWatchdog();
    this.#suspended = true;
    if (this.status === "running") this.status = "paused";
  }

  /** A one-line summary of the run for the live region, e.g. "step 120: loss 0.31". Labs append their own instruments. */
  summary(): string {
    const s = this.snapshot;
    if (this.error) return `The lab stopped: ${this.error}`;
    if (!s) return "Not started.";
    if (s.status === "diverged")
      return `Diverged at step ${s.divergedAt}: ${s.reason}; the charts stop at step ${s.step}. Reset to try a smaller learning rate.`;
    const loss = s.trainLoss === null ? "not measured yet" : formatNumber(s.trainLoss, 3);
    return `step ${s.step}: loss ${loss}`;
  }

  #receive(snapshot: Snapshot): void {
    this.#heardAt = Date.now();
    this.#awaiting = false;
    let s = snapshot;
    const hold = this.#hold;
    if (hold && s.runId === hold.runId) {
      // A diverged warm-up is shown at once: there is nothing more to wait for.
      if (s.status === "ok" && s.step < hold.until) {
        hold.held = hold.held ? mergeSnapshots(hold.held, s) : s;
        return;
      }
      if (hold.held) s = mergeSnapshots(hold.held, s);
      this.#hold = null;
    }
    this.#show(s);
    this.live = true;
    this.kernels = s.kernels;
    this.#onShow(s);
  }

  /** Puts a snapshot on screen: its data, its history rows, its status. */
  #show(s: Snapshot): void {
    if (this.#awaitingFirst) {
      this.#awaitingFirst = false;
      this.history.clear();
      this.data = null;
    }
    if (s.data) this.data = s.data;
    const h = s.history;
    if (h.width !== this.#historyWidth && h.rows > 0) {
      // A different network depth means a different row layout: start a new history.
      this.#historyWidth = h.width;
      this.history = new BoundedHistory(HISTORY_CAPACITY, h.width - 1);
    }
    for (let r = 0; r < h.rows; r++) {
      const row = h.data.subarray(r * h.width, (r + 1) * h.width);
      this.history.push(row[0]!, row.subarray(1));
    }
    if (h.rows > 0) this.historyVersion++;
    this.layers = s.layers.length;
    this.snapshot = s;
    if (s.status === "diverged") this.status = "diverged";
    else if (this.status === "diverged") this.status = "idle";
  }

  #fail(message: string): void {
    this.#hold = null;
    this.#stopWatchdog();
    // The worker may be dead (a crash, an unreadable message): Reset starts a fresh one.
    this.#client?.dispose();
    this.#client = null;
    this.error = message;
    this.status = "paused";
  }
}
