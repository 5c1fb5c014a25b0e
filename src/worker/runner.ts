/**
 * Drives a TrainingSession from protocol messages: plays at a chosen speed in slices of at most
 * SLICE_MS, yielding between slices so pause and other messages are handled within a slice, and
 * posts a snapshot at most every FRAME_MS. The worker wires it to postMessage; tests wire it to a
 * fake clock and scheduler, so the same code is tested without threads.
 */
import type { FromWorker, Snapshot, ToWorker } from "./protocol.ts";
import { TrainingSession } from "./session.ts";

/** Longest stretch of training between two looks at the message queue. */
export const SLICE_MS = 12;
/** Shortest interval between two snapshots (about one display frame). */
export const FRAME_MS = 16;
/** Fastest play speed: as many steps as fit in the slices. */
export const MAX_SPEED = Number.POSITIVE_INFINITY;

/** What the runner needs from its environment. */
export interface RunnerHost {
  now(): number;
  /** Calls fn soon, after pending messages (setTimeout(fn, 0) in a worker). */
  schedule(fn: () => void): void;
  post(message: FromWorker, transfer: Transferable[]): void;
}

/** One worker's state: the current run, whether it plays, and how fast. */
export class Runner {
  readonly #host: RunnerHost;
  #session: TrainingSession | null = null;
  #runId = -1;
  #playing = false;
  #stepsPerSecond = 60;
  #lastTick = 0;
  #lastPost = -Infinity;
  #credit = 0;
  #scheduled = false;
  #msPerStep = 0.05;

  constructor(host: RunnerHost) {
    this.#host = host;
  }

  /** Handles one message from the lab. */
  handle(message: ToWorker): void {
    try {
      if (message.type === "start") {
        this.#runId = message.runId;
        this.#playing = false;
        this.#session = null;
        this.#session = new TrainingSession(message.spec);
        this.#post(true);
        return;
      }
      // Messages about an older run arrive after a restart: ignore them.
      if (message.runId !== this.#runId || !this.#session) return;
      const session = this.#session;
      switch (message.type) {
        case "play":
          this.#stepsPerSecond = message.stepsPerSecond > 0 ? message.stepsPerSecond : 60;
          this.#playing = session.trainer.status.status === "ok";
          this.#lastTick = this.#host.now();
          this.#credit = 0;
          this.#wake();
          return;
        case "pause":
          this.#playing = false;
          this.#post(true);
          return;
        case "step":
          this.#playing = false;
          session.step(Math.max(0, Math.min(10_000, Math.floor(message.steps))));
          break;
        case "reset":
          this.#playing = false;
          session.reset();
          break;
        case "set-lr":
          session.setLearningRate(message.lr);
          break;
        case "set-activation":
          session.setActivation(message.hidden, message.alpha);
          break;
        case "shock":
          session.shock(message.lr);
          break;
      }
      this.#post(true);
    } catch (error) {
      this.#playing = false;
      this.#host.post(
        { type: "error", runId: this.#runId, message: error instanceof Error ? error.message : String(error) },
        [],
      );
    }
  }

  #wake(): void {
    if (this.#scheduled || !this.#playing) return;
    this.#scheduled = true;
    this.#host.schedule(() => {
      this.#scheduled = false;
      this.#tick();
    });
  }

  /** One slice of play: as many steps as the speed allows (and SLICE_MS fits), then maybe a snapshot. */
  #tick(): void {
    const session = this.#session;
    if (!this.#playing || !session) return;
    try {
      const now = this.#host.now();
      const elapsed = Math.min(250, now - this.#lastTick);
      this.#lastTick = now;
      const budget = Math.max(1, Math.floor(SLICE_MS / this.#msPerStep));
      let want: number;
      if (this.#stepsPerSecond === MAX_SPEED) want = budget;
      else {
        this.#credit += (elapsed * this.#stepsPerSecond) / 1000;
        want = Math.min(budget, Math.floor(this.#credit));
        this.#credit -= want;
      }
      if (want > 0) {
        const started = this.#host.now();
        const done = session.step(want);
        const took = this.#host.now() - started;
        // Learn the cost of a step, so the next slice stays near SLICE_MS.
        if (done > 0 && took > 0) this.#msPerStep = 0.7 * this.#msPerStep + 0.3 * (took / done);
      }
      if (session.trainer.status.status !== "ok") this.#playing = false;
      this.#post(!this.#playing);
    } catch (error) {
      this.#playing = false;
      this.#host.post(
        { type: "error", runId: this.#runId, message: error instanceof Error ? error.message : String(error) },
        [],
      );
      return;
    }
    this.#wake();
  }

  /** Posts a snapshot, unless one went out less than FRAME_MS ago (force: always). */
  #post(force: boolean): void {
    const session = this.#session;
    if (!session) return;
    const now = this.#host.now();
    if (!force && now - this.#lastPost < FRAME_MS) return;
    this.#lastPost = now;
    const snapshot = session.snapshot(this.#runId);
    this.#host.post({ type: "snapshot", snapshot }, transferables(snapshot));
  }
}

/** The buffers a snapshot can hand over instead of copying. */
export function transferables(s: Snapshot): Transferable[] {
  const out: Transferable[] = [s.history.data.buffer];
  if (s.boundary) out.push(s.boundary.buffer);
  if (s.data) out.push(s.data.trainX.buffer, s.data.trainLabels.buffer, s.data.testX.buffer, s.data.testLabels.buffer);
  return out;
}
