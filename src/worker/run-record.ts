/**
 * A run as data: the session it started from and every change the reader made, at the step it took effect.
 * Training is seeded and deterministic, so replaying a record from step 0 gives the run's numbers bit for bit:
 * a hand-in re-shows the run it describes, a teacher's page checks a report's claims, an export rebuilds it.
 *
 *   snapshot.changes  ──►  { spec, changes: [{ step: 120, type: "lr", lr: 0.3 }, …], step: 463 }
 *   replayRun(record)  ──►  a TrainingSession at step 463, as the reader left it (replay.ts)
 *
 * A record from outside (a report file, a stored hand-in) carries the lab's settings, not a spec: the page
 * rebuilds the spec through the lab's schema, and reads the changes with readRunChanges.
 */
import { isIntegerIn, isNumberIn, isPlainObject, LIMITS } from "../core/index.ts";
import type { SessionSpec } from "./protocol.ts";

/** One change a reader made during a run, applied before step `step + 1` (after `step` steps). */
export type RunChange =
  | { step: number; type: "lr"; lr: number }
  | { step: number; type: "activation"; hidden: string; alpha: number }
  | { step: number; type: "shock"; lr: number };

/** A run that can be replayed: what was trained, what changed when, and how far it went. */
export interface RunRecord {
  spec: SessionSpec;
  changes: RunChange[];
  step: number;
}

/**
 * Changes a record keeps at most. A reader who drags a slider while training makes one change per message;
 * past this the run is no longer recorded (RunJournal.complete is false) rather than kept in part.
 */
export const MAX_RUN_CHANGES = 500;

/** Steps a replay may run: a hand-in or a report from a very long run is shown, but not replayed. */
export const MAX_REPLAY_STEPS = 100_000;

/** The changes of the current run, in order; two changes of one kind at one step keep only the later. */
export class RunJournal {
  #changes: RunChange[] = [];
  #complete = true;

  /** The changes so far (a copy), or null once more than MAX_RUN_CHANGES were made. */
  get changes(): RunChange[] | null {
    return this.#complete ? this.#changes.slice() : null;
  }

  /** Whether every change of the run is kept. */
  get complete(): boolean {
    return this.#complete;
  }

  /** Notes a change taking effect after `change.step` steps. */
  add(change: RunChange): void {
    if (!this.#complete) return;
    const last = this.#changes.at(-1);
    // A slider dragged while paused sends many values at one step: only the last one trains.
    if (last && last.step === change.step && last.type === change.type && change.type !== "shock") this.#changes.pop();
    this.#changes.push(change);
    if (this.#changes.length > MAX_RUN_CHANGES) {
      this.#complete = false;
      this.#changes = [];
    }
  }

  /** A new start from step 0, keeping what the reset keeps (the changed rate and activation, as step-0 changes). */
  restart(kept: RunChange[]): void {
    this.#changes = kept.slice();
    this.#complete = true;
  }
}

/**
 * A run's changes and step read from outside (a report file, a stored hand-in): shape, bounds and order
 * checked, or a message saying what is wrong.
 */
export function readRunChanges(
  changes: unknown,
  step: unknown,
): { changes: RunChange[]; step: number } | { error: string } {
  if (!isIntegerIn(step, 0, MAX_REPLAY_STEPS))
    return { error: `the run's step is not a whole number from 0 to ${MAX_REPLAY_STEPS}` };
  if (!Array.isArray(changes) || changes.length > MAX_RUN_CHANGES)
    return { error: `the run's changes are not a list of at most ${MAX_RUN_CHANGES}` };
  const read: RunChange[] = [];
  let previous = 0;
  for (const [i, c] of changes.entries()) {
    const change = readChange(c);
    if (!change || change.step < previous || change.step > step)
      return { error: `the run's change ${i + 1} is not a change in order within the run` };
    previous = change.step;
    read.push(change);
  }
  return { changes: read, step };
}

function readChange(c: unknown): RunChange | null {
  if (!isPlainObject(c) || !isIntegerIn(c.step, 0)) return null;
  const step = c.step;
  if ((c.type === "lr" || c.type === "shock") && isNumberIn(c.lr, 0, LIMITS.maxLearningRate))
    return { step, type: c.type, lr: c.lr };
  if (
    c.type === "activation" &&
    typeof c.hidden === "string" &&
    c.hidden.length <= 20 &&
    isNumberIn(c.alpha, 0, LIMITS.maxAlpha)
  )
    return { step, type: "activation", hidden: c.hidden, alpha: c.alpha };
  return null;
}
