/**
 * What a lab's lab-state events become on an assignment page: each event summarised (the labs' labState, with
 * the highest dead count so far) and stored (every number finite or null, every word short), folded into the
 * tasks (the checkers and their memory, the evidence in words, what completed a task), with the run behind it.
 * The assignment page loads this module with the lab's first event, or with a saved run to show again, so a
 * student who never scrolls to the lab does not load it.
 */
import type { LabEvent, LabState, RestoreRun } from "../../labs/index.ts";
// Straight from its module (see lab-words.ts): labs/index.ts would bring the labs' interface chunk along.
import { labState } from "../../labs/shared/lab-state.ts";
import type { Task } from "./assignment-schema.ts";
import { readSavedLabRun, runOfEvent, type SavedLabRun } from "./lab-run.ts";
import type { SavedLab } from "./progress-schema.ts";
import { MAX_COUNT, MAX_STEP, WORD, type StoredLabState } from "./lab-state-schema.ts";
import { checkTask, completionNote, describeEvidence, freshMemory, type TaskMemory } from "./tasks.ts";

const orNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const orZero = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v) : 0);
const short = (v: unknown): string => (typeof v === "string" ? v.slice(0, WORD) : "");

/** Turns a live LabState (which may hold NaN after a divergence) into its stored form. Never throws. */
export function storeLabState(s: LabState): StoredLabState {
  const acc = (v: unknown) => {
    const n = orNull(v);
    return n === null ? null : Math.min(1, Math.max(0, n));
  };
  return {
    lab: short(s.lab),
    status: short(s.status),
    step: Math.min(orZero(s.step), MAX_STEP),
    learningRate: orNull(s.learningRate),
    hidden: short(s.hidden),
    alpha: orNull(s.alpha),
    trainLoss: orNull(s.trainLoss),
    trainAccuracy: acc(s.trainAccuracy),
    testAccuracy: acc(s.testAccuracy),
    deadUnits: Math.min(orZero(s.deadUnits), MAX_COUNT),
    hiddenUnits: Math.min(orZero(s.hiddenUnits), MAX_COUNT),
    firstGradient: orNull(s.firstGradient),
    lastGradient: orNull(s.lastGradient),
    maxDeadUnits: Math.min(orZero(s.maxDeadUnits), MAX_COUNT),
  };
}

/** What one state shows: the state as stored, each task's evidence now, and the tasks it completes. */
export interface Followed {
  state: StoredLabState;
  evidence: Record<string, string>;
  /** Tasks this state completes, each with what completed it ("completed at step 214: 8 dead → 4 inactive"). */
  done: { id: string; note: string }[];
}

/** One lab followed through its states: the task checkers' memory and the highest dead count it has shown. */
export class LabFollower {
  readonly #tasks: readonly Pick<Task, "id" | "check">[];
  #memory: Record<string, TaskMemory> = {};
  #maxDead = 0;

  constructor(tasks: readonly Pick<Task, "id" | "check">[]) {
    this.#tasks = tasks;
  }

  /** Forgets what the checkers remembered (the student erased their answers and tasks). */
  forget(): void {
    this.#memory = {};
  }

  /** Counts a peak shown before this page opened (a saved run shown again): kill-then-revive needs the peak. */
  raisePeak(dead: number): void {
    this.#maxDead = Math.max(this.#maxDead, dead);
  }

  /**
   * Shows a saved run again with the lab's `restore` (null: the lab cannot), counting the peak it had shown.
   * Returns null when the replay has started, or the notice for the student when it cannot.
   */
  async restore(saved: SavedLab | undefined, restore: RestoreRun | null): Promise<string | null> {
    const run = readSavedLabRun(saved?.run);
    this.raisePeak(saved?.state.maxDeadUnits ?? 0);
    let problem: string | null;
    try {
      problem = !run ? "it could not be read." : !restore ? "this lab does not replay runs." : await restore(run);
    } catch {
      problem = "the code that replays it could not be loaded.";
    }
    return problem === null
      ? null
      : `Your saved run could not be shown again: ${problem} The lab starts afresh; your report keeps the saved results until you run the lab again.`;
  }

  /** The notice when a replayed run does not show what was saved (null when it does). */
  replayed(saved: StoredLabState | undefined, live: LabState): string | null {
    if (!saved || (saved.step === live.step && saved.trainLoss === live.trainLoss)) return null;
    return `Your saved run was replayed, but shows step ${live.step} and loss ${live.trainLoss ?? "?"}, not step ${saved.step} and loss ${saved.trainLoss ?? "?"}: your report now describes the run on screen.`;
  }

  /** A lab-state event as the live state and the run it shows (null when the lab cannot say). */
  read(event: LabEvent): { state: LabState; run: SavedLabRun | null } {
    const state = labState(event.lab, event.status, event.snapshot, this.#maxDead);
    this.#maxDead = state.maxDeadUnits;
    return { state, run: runOfEvent(event) };
  }

  /** Folds a live state into the tasks: what it shows for each, and which it completes (once each). */
  follow(live: LabState, alreadyDone: (id: string) => boolean): Followed {
    const state = storeLabState(live);
    const evidence: Record<string, string> = {};
    const done: Followed["done"] = [];
    for (const task of this.#tasks) {
      const result = checkTask(task.check, this.#memory[task.id] ?? freshMemory(), state);
      this.#memory[task.id] = result.memory;
      evidence[task.id] = describeEvidence(task.check, state);
      if (result.done && !alreadyDone(task.id))
        done.push({ id: task.id, note: completionNote(task.check, result.memory, state) });
    }
    return { state, evidence, done };
  }
}
