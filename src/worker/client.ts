/**
 * The lab side of the training protocol. It owns the run id (so replies about an older run are
 * dropped), coalesces snapshots to one per animation frame (concatenating their history so no
 * measurement is lost), and talks either to a Web Worker or, for tests and as a fallback, to the
 * same Runner in this thread.
 */
import type { FromWorker, SessionSpec, Snapshot, ToWorker } from "./protocol.ts";
import type { Runner } from "./runner.ts";

/** Callbacks a lab gives the client. */
export interface ClientCallbacks {
  onSnapshot(snapshot: Snapshot): void;
  onError(message: string): void;
}

/** Where training runs: a Web Worker (the default in a browser) or this thread (tests, no Worker support). */
export type ClientMode = "worker" | "in-thread";

/** Sends commands for the current run and delivers its snapshots. */
export class TrainingClient {
  readonly mode: ClientMode;
  readonly #callbacks: ClientCallbacks;
  #worker: Worker | null = null;
  #runner: Runner | null = null;
  /** In-thread mode: commands sent before the runner's module has loaded. */
  #queue: ToWorker[] | null = null;
  #runId = 0;
  #pending: Snapshot | null = null;
  #frameRequested = false;
  #disposed = false;

  constructor(callbacks: ClientCallbacks, mode: ClientMode = typeof Worker === "undefined" ? "in-thread" : "worker") {
    this.#callbacks = callbacks;
    this.mode = mode;
    if (mode === "worker") {
      this.#worker = new Worker(new URL("./training.worker.ts", import.meta.url), { type: "module" });
      this.#worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data);
      this.#worker.onerror = (event) => {
        event.preventDefault();
        this.#callbacks.onError(`The training worker stopped: ${event.message || "it could not be loaded"}.`);
      };
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
    this.#disposed = true;
    this.#worker?.terminate();
    this.#worker = null;
    if (this.#runner) this.#runner.handle({ type: "pause", runId: this.#runId });
    this.#runner = null;
  }

  #send(message: ToWorker): void {
    if (this.#disposed) return;
    if (this.#worker) this.#worker.postMessage(message);
    else if (this.#runner) this.#runner.handle(message);
    else this.#queue?.push(message);
  }

  #receive(message: FromWorker): void {
    if (this.#disposed) return;
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
    if (s && s.runId === this.#runId && !this.#disposed) this.#callbacks.onSnapshot(s);
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
