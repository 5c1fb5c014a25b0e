/**
 * The lab side of the training protocol. It owns the run id (so replies about an older run are
 * dropped), coalesces snapshots to one per animation frame (concatenating their history so no
 * measurement is lost), and talks either to a Web Worker (its own, or a channel of one shared with
 * runs that train together) or, for tests and as a fallback, to the same Runner in this thread.
 */
import {
  malformed,
  type Channelled,
  type FromWorker,
  type SessionSpec,
  type Snapshot,
  type ToWorker,
} from "./protocol.ts";
import type { RunRecord } from "./run-record.ts";
import type { Runner } from "./runner.ts";

/** Callbacks a lab gives the client. */
export interface ClientCallbacks {
  onSnapshot(snapshot: Snapshot): void;
  onError(message: string): void;
}

/** Where training runs: a Web Worker (the default in a browser) or this thread (tests, no Worker support). */
export type ClientMode = "worker" | "in-thread";

/** How a client reaches its worker: post a command, or let go of the worker. */
interface WorkerPort {
  post(message: ToWorker): void;
  close(): void;
}

/** What a worker port reports back to its client. */
interface PortListener {
  receive(message: FromWorker): void;
  fail(message: string): void;
}

/** Starts the training worker (the one place that names its script, so the bundler emits it once). */
function spawnWorker(listener: { message(data: unknown): void; fail(message: string): void }): Worker {
  const worker = new Worker(new URL("./training.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<unknown>) => listener.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    listener.fail(`The training worker stopped: ${event.message || "it could not be loaded"}.`);
  };
  worker.onmessageerror = () => listener.fail("The training worker sent a message that could not be read.");
  return worker;
}

/** A worker of one's own: terminated when the client lets go. */
function dedicatedPort(listener: PortListener): WorkerPort {
  const worker = spawnWorker({ message: (data) => listener.receive(data as FromWorker), fail: listener.fail });
  return { post: (message) => worker.postMessage(message), close: () => worker.terminate() };
}

/**
 * One Web Worker that trains several runs side by side, one Runner per channel, for a lab whose runs
 * always train together. Each worker at full speed keeps a CPU core busy, so three runs in three workers
 * on a two-core machine leave the page's main thread waiting for a core (its frames then take 60–90 ms
 * of wall time for 10 ms of work); in one worker they take turns, slice by slice, on one core. The worker
 * starts with the first channel and is terminated when the last one closes.
 */
export class SharedTrainingWorker {
  #worker: Worker | null = null;
  readonly #channels = new Map<number, PortListener>();
  #nextChannel = 0;

  /** A port on this worker for one client. */
  open(listener: PortListener): WorkerPort {
    const channel = this.#nextChannel++;
    this.#channels.set(channel, listener);
    this.#worker ??= spawnWorker({
      message: (data) => {
        const { channel: to, message } = data as Channelled<FromWorker>;
        this.#channels.get(to)?.receive(message);
      },
      // A crash stops every run in the worker: each client shows it.
      fail: (message) => {
        for (const l of [...this.#channels.values()]) l.fail(message);
      },
    });
    const worker = this.#worker;
    return {
      post: (message) => worker.postMessage({ channel, message } satisfies Channelled<ToWorker>),
      // The client pauses its run before it lets go, so a channel closed early costs the others nothing.
      close: () => {
        this.#channels.delete(channel);
        if (this.#channels.size === 0 && this.#worker === worker) {
          worker.terminate();
          this.#worker = null;
        }
      },
    };
  }
}

/** Sends commands for the current run and delivers its snapshots. */
export class TrainingClient {
  readonly mode: ClientMode;
  readonly #callbacks: ClientCallbacks;
  #port: WorkerPort | null = null;
  #runner: Runner | null = null;
  /** In-thread mode: commands sent before the runner's module has loaded. */
  #queue: ToWorker[] | null = null;
  #runId = 0;
  #pending: Snapshot | null = null;
  #frameRequested = false;
  #disposed = false;

  /** `shared`: train in a channel of that worker instead of a worker of this client's own (worker mode only). */
  constructor(
    callbacks: ClientCallbacks,
    mode: ClientMode = typeof Worker === "undefined" ? "in-thread" : "worker",
    shared: SharedTrainingWorker | null = null,
  ) {
    this.#callbacks = callbacks;
    this.mode = mode;
    if (mode === "worker") {
      const listener: PortListener = {
        receive: (message) => this.#receive(message),
        fail: (message) => {
          if (!this.#disposed) this.#callbacks.onError(message);
        },
      };
      this.#port = shared ? shared.open(listener) : dedicatedPort(listener);
    } else {
      // Imported on demand, so a page whose browser has workers never loads the training code itself.
      this.#queue = [];
      void import("./runner.ts").then(({ Runner }) => {
        if (this.#disposed) return;
        const runner = new Runner({
          now: () => (typeof performance === "undefined" ? Date.now() : performance.now()),
          schedule: (fn) => setTimeout(fn, 0),
          post: (message) => queueMicrotask(() => this.#receive(message)),
        });
        for (const message of this.#queue ?? []) runner.handle(message);
        this.#queue = null;
        this.#runner = runner;
      });
    }
  }

  /** The id of the current run. */
  get runId(): number {
    return this.#runId;
  }

  /** Starts a new run (a new network from the spec); any older run's replies are ignored from now on. */
  start(spec: SessionSpec): number {
    this.#runId++;
    this.#pending = null;
    this.#send({ type: "start", runId: this.#runId, spec });
    return this.#runId;
  }

  /** Starts a new run that trains `record` again to its step (replay.ts, in the worker); older replies are ignored. */
  replay(record: RunRecord): number {
    this.#runId++;
    this.#pending = null;
    this.#send({ type: "replay", runId: this.#runId, spec: record.spec, changes: record.changes, step: record.step });
    return this.#runId;
  }

  /** Plays at the given speed (steps per second; Infinity = as fast as possible). */
  play(stepsPerSecond: number): void {
    this.#send({ type: "play", runId: this.#runId, stepsPerSecond });
  }

  pause(): void {
    this.#send({ type: "pause", runId: this.#runId });
  }

  step(steps: number): void {
    this.#send({ type: "step", runId: this.#runId, steps });
  }

  /** Back to the same initial weights. */
  reset(): void {
    this.#send({ type: "reset", runId: this.#runId });
  }

  setLearningRate(lr: number): void {
    this.#send({ type: "set-lr", runId: this.#runId, lr });
  }

  setActivation(hidden: string, alpha: number): void {
    this.#send({ type: "set-activation", runId: this.#runId, hidden, alpha });
  }

  /** One step at a huge learning rate. */
  shock(lr: number): void {
    this.#send({ type: "shock", runId: this.#runId, lr });
  }

  /** Stops the worker; the client cannot be used afterwards. */
  dispose(): void {
    if (this.#port) this.pause();
    this.#disposed = true;
    this.#port?.close();
    this.#port = null;
    if (this.#runner) this.#runner.handle({ type: "pause", runId: this.#runId });
    this.#runner = null;
  }

  #send(message: ToWorker): void {
    if (this.#disposed) return;
    if (this.#port) this.#port.post(message);
    else if (this.#runner) this.#runner.handle(message);
    else this.#queue?.push(message);
  }

  #receive(message: FromWorker): void {
    if (this.#disposed) return;
    const problem = malformed(message);
    if (problem !== null) {
      // Nothing more from this worker can be trusted: stop it and let the lab offer a reset.
      this.#callbacks.onError(`The training worker sent a message the lab cannot read (${problem}).`);
      this.dispose();
      return;
    }
    if (message.type === "error") {
      if (message.runId === this.#runId) this.#callbacks.onError(message.message);
      return;
    }
    const snapshot = message.snapshot;
    if (snapshot.runId !== this.#runId) return;
    this.#pending = this.#pending ? mergeSnapshots(this.#pending, snapshot) : snapshot;
    if (typeof requestAnimationFrame === "undefined") {
      this.#flush();
    } else if (!this.#frameRequested) {
      this.#frameRequested = true;
      requestAnimationFrame(() => {
        this.#frameRequested = false;
        this.#flush();
      });
    }
  }

  #flush(): void {
    const s = this.#pending;
    this.#pending = null;
    if (!s || s.runId !== this.#runId || this.#disposed) return;
    try {
      this.#callbacks.onSnapshot(s);
    } catch (error) {
      // Called from an animation frame, a throw would reach the window: it is this lab's failure.
      this.#callbacks.onError(
        `The lab could not show the latest step: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.#reportShown(s.runId);
  }

  /**
   * Tells the runner the snapshot is on screen, so it may train past the next one (see Runner). In a page the
   * message goes from a task queued in the animation frame, which runs once the frame's style, layout, paint
   * and commit are done: the runner waits for the whole frame, not only for the callback.
   */
  #reportShown(runId: number): void {
    if (typeof requestAnimationFrame === "undefined") this.#send({ type: "shown", runId });
    else setTimeout(() => this.#send({ type: "shown", runId }), 0);
  }
}

/** The newer snapshot, carrying the older one's history rows first and its dataset if the newer has none. */
export function mergeSnapshots(older: Snapshot, newer: Snapshot): Snapshot {
  const a = older.history;
  const b = newer.history;
  const data = new Float64Array(a.data.length + b.data.length);
  data.set(a.data, 0);
  data.set(b.data, a.data.length);
  return { ...newer, data: newer.data ?? older.data, history: { width: b.width, rows: a.rows + b.rows, data } };
}
