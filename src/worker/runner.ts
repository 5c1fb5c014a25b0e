/**
 * Drives a TrainingSession from protocol messages: plays at a chosen speed in slices of at most
 * SLICE_MS, yielding between slices so pause and other messages are handled within a slice, and
 * posts a snapshot at most every FRAME_MS (or the run's own, longer frameMs; runs sharing the thread, up to the
 * others' turns sooner, so that a snapshot is not a round of turns late). A slice ends when the next
 * snapshot is due, and a snapshot that came due while the runner waited goes out before the next slice, so
 * snapshots leave on time for the page's next frame instead of up to a slice late. The worker wires it to
 * postMessage; tests wire it to a fake clock and scheduler, so the same code is tested without threads.
 *
 * While playing, the runner stays at most one snapshot ahead of the page: when the next snapshot is due and
 * the page has not yet said it drew the last one ("shown"), it stops training until it does. Why: a worker
 * at full speed keeps a core busy; on a two-core machine the page's main thread, its compositor and its
 * rasteriser then share the other core, and a frame with 15 ms of work took 60–90 ms. Waiting for "shown"
 * hands the core back while the page is drawing, and costs nothing while the page keeps up. When the "shown"
 * comes, the run's next slice goes ahead of the other runs' on the thread (a shared worker takes them in turn),
 * so the snapshot it owes the page is not a frame late.
 */
import { LIMITS } from "../core/index.ts";
import type { FromWorker, Snapshot, ToWorker } from "./protocol.ts";
import { replayRun } from "./replay.ts";
import { readRunChanges } from "./run-record.ts";
import { TrainingSession } from "./session.ts";

/** Longest stretch of training between two looks at the message queue. */
export const SLICE_MS = 12;
/** Shortest interval between two snapshots (about one display frame). */
export const FRAME_MS = 16;
/** Longest interval a run may ask for between two snapshots while playing (4 a second still reads as motion). */
export const MAX_FRAME_MS = 250;
/** Fastest play speed: as many steps as fit in the slices. */
export const MAX_SPEED = Number.POSITIVE_INFINITY;

/** The run's snapshot interval: its spec's frameMs clamped to FRAME_MS…MAX_FRAME_MS, FRAME_MS if absent or not a number. */
export function frameInterval(frameMs: unknown): number {
  const ms = typeof frameMs === "number" && Number.isFinite(frameMs) ? frameMs : FRAME_MS;
  return Math.min(MAX_FRAME_MS, Math.max(FRAME_MS, ms));
}

/** What the runner needs from its environment. */
export interface RunnerHost {
  now(): number;
  /** Calls fn soon, after pending messages (setTimeout(fn, 0) in a worker); `first`: ahead of other runs' slices. */
  schedule(fn: () => void, first?: boolean): void;
  post(message: FromWorker, transfer: Transferable[]): void;
  /**
   * How many runs are playing on this thread, taking turns slice by slice (1 if absent). Each slice is then
   * SLICE_MS shared among them, so every run still gets a turn, and its snapshot out, within a frame.
   */
  sharing?(): number;
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
  #frameMs = FRAME_MS;
  /** A snapshot has gone out that the page has not reported drawn. */
  #unshown = false;
  /** Playing, but holding training until the page reports the last snapshot drawn. */
  #waiting = false;
  /** The step count the last snapshot showed. */
  #postedSteps = -1;

  constructor(host: RunnerHost) {
    this.#host = host;
  }

  /** Whether the run is playing (training slice after slice). */
  get playing(): boolean {
    return this.#playing;
  }

  /** Handles one message from the lab. */
  handle(message: ToWorker): void {
    try {
      if (message.type === "start" || message.type === "replay") {
        this.#runId = message.runId;
        this.#playing = false;
        this.#unshown = false;
        this.#waiting = false;
        this.#session = null;
        this.#session = message.type === "start" ? new TrainingSession(message.spec) : replayed(message);
        this.#frameMs = frameInterval(message.spec.frameMs);
        this.#post(true);
        return;
      }
      // Messages about an older run arrive after a restart: ignore them.
      if (message.runId !== this.#runId || !this.#session) return;
      const session = this.#session;
      if (message.type === "shown") {
        this.#unshown = false;
        if (this.#waiting) {
          this.#waiting = false;
          this.#wake(true);
        }
        return;
      }
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
          session.step(Math.max(0, Math.min(LIMITS.maxStepsPerCommand, Math.floor(message.steps))));
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

  /** Schedules the next slice (`first`: ahead of other runs' slices on this thread). */
  #wake(first = false): void {
    if (this.#scheduled || !this.#playing) return;
    this.#scheduled = true;
    this.#host.schedule(() => {
      this.#scheduled = false;
      this.#tick();
    }, first);
  }

  /** One slice of play: as many steps as the speed allows (and SLICE_MS fits), then maybe a snapshot. */
  #tick(): void {
    const session = this.#session;
    if (!this.#playing || !session) return;
    try {
      const now = this.#host.now();
      if (this.#unshown && now - this.#lastPost >= this.#frameMs) {
        // The page is still drawing the last snapshot and the next is due: let it have the core.
        this.#waiting = true;
        return;
      }
      // A due snapshot of steps already trained goes out before the slice, not after it (up to SLICE_MS late, past
      // the page's next frame).
      if (!this.#unshown && session.trainer.steps !== this.#postedSteps) this.#post(false);
      const elapsed = Math.min(250, now - this.#lastTick);
      this.#lastTick = now;
      // End the slice when the next snapshot is due, so that it goes out on time.
      const untilDue = this.#frameMs - (this.#host.now() - this.#lastPost);
      const turn = SLICE_MS / this.#sharing();
      const sliceMs = untilDue > 0 ? Math.min(turn, untilDue) : turn;
      const budget = Math.max(1, Math.floor(sliceMs / this.#msPerStep));
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
      // Runs sharing the thread take turns: this run's next slice starts after the others' (sharing − 1 turns). A
      // snapshot due before then goes out now, a little early, if the page has drawn the last one. Posted when due,
      // it would leave up to a round of turns late and miss the page's next frame (a leader sharing the thread with
      // two runs drew 46 frames a second, not 60). "shown" still paces it: one snapshot per frame drawn.
      this.#post(!this.#playing, this.#unshown ? 0 : this.#early());
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

  /** How many runs take turns on this thread (1: this one alone). */
  #sharing(): number {
    return Math.max(1, this.#host.sharing?.() ?? 1);
  }

  /** How long the other runs' turns take before this run's next slice (0 alone): how early a snapshot may leave. */
  #early(): number {
    const sharing = this.#sharing();
    return ((sharing - 1) * SLICE_MS) / sharing;
  }

  /**
   * Posts a snapshot, unless one went out less than the run's frame interval ago (force: always; early: that many
   * ms before the interval ends).
   */
  #post(force: boolean, early = 0): void {
    const session = this.#session;
    if (!session) return;
    const now = this.#host.now();
    if (!force && now - this.#lastPost < this.#frameMs - early) return;
    this.#lastPost = now;
    this.#postedSteps = session.trainer.steps;
    const snapshot = session.snapshot(this.#runId, !this.#playing);
    this.#unshown = true;
    this.#host.post({ type: "snapshot", snapshot }, transferables(snapshot));
  }
}

/** The session a replay message asks for, trained to its step; throws a message for changes that do not read. */
function replayed(message: Extract<ToWorker, { type: "replay" }>): TrainingSession {
  const read = readRunChanges(message.changes, message.step);
  if ("error" in read) throw new Error(`The run cannot be replayed: ${read.error}.`);
  if (read.step > LIMITS.maxStepsPerCommand)
    throw new Error(
      `The run cannot be replayed: it is ${read.step} steps long; at most ${LIMITS.maxStepsPerCommand} replay.`,
    );
  return replayRun({ spec: message.spec, ...read });
}

/** The buffers a snapshot can hand over instead of copying. */
export function transferables(s: Snapshot): Transferable[] {
  const out: Transferable[] = [s.history.data.buffer];
  if (s.boundary) out.push(s.boundary.buffer);
  if (s.data) out.push(s.data.trainX.buffer, s.data.trainLabels.buffer, s.data.testX.buffer, s.data.testLabels.buffer);
  return out;
}
