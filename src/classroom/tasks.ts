/**
 * Task checkers: each folds the lab states a lab publishes (lab-state events) into "done or not".
 * Pure functions of (check, memory, state), so they are tested without a browser. A task once done
 * stays done; the memory only carries what a sequence needs ("killed, at this learning rate").
 *
 *   kill-and-revive:  dead rises to ≥ kill ──(same lr, no reset)──► dead ≤ peak − revive ──► done
 *                          │ lr changed or step went back (Reset, restart): forget the peak
 *   Only a rise starts the sequence, so units that were dead when the lab opened, or when the
 *   learning rate was changed, do not count as "made to die".
 */
import { activationName, offWord, percent } from "./lab-words.ts";
import type { TaskCheck } from "./assignment-schema.ts";
import type { StoredLabState } from "./lab-state-schema.ts";

/** What a checker remembers between states (kept in memory only: a reload restarts the lab). */
export interface TaskMemory {
  /** Highest dead count since the sequence started, or null before `kill` was reached. */
  peak: number | null;
  /** The activation at that peak (the word for its units: dead under ReLU, inactive under Leaky ReLU). */
  peakHidden: string | null;
  /** The learning rate when the sequence started. */
  learningRate: number | null;
  /** The step of the last state seen, to notice a reset. */
  lastStep: number;
  /** The dead count of the last state seen (null before the first), so only a rise starts a sequence. */
  lastDead: number | null;
}

/** A fresh memory. */
export function freshMemory(): TaskMemory {
  return { peak: null, peakHidden: null, learningRate: null, lastStep: -1, lastDead: null };
}

/** The ratio between the first and the last weight layer's gradient norms, ≥ 1 (null when not measurable). */
export function gradientSpread(s: StoredLabState): number | null {
  const a = s.firstGradient;
  const b = s.lastGradient;
  if (a === null || b === null || !(a > 0) || !(b > 0)) return null;
  return Math.max(a / b, b / a);
}

/** Whether two learning rates are the same setting (the slider rounds to two significant digits). */
function sameRate(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Folds one lab state into a task: returns whether it is now done and the memory to keep. */
export function checkTask(
  check: TaskCheck,
  memory: TaskMemory,
  s: StoredLabState,
): { done: boolean; memory: TaskMemory } {
  const stepWentBack = s.step < memory.lastStep;
  const rose = memory.lastDead !== null && s.deadUnits > memory.lastDead && !stepWentBack;
  const next: TaskMemory = { ...memory, lastStep: s.step, lastDead: s.deadUnits };
  switch (check.kind) {
    case "gradient-ratio": {
      const spread = gradientSpread(s);
      return { done: s.step >= check.minStep && spread !== null && spread <= check.within, memory: next };
    }
    case "dead-units":
      return { done: s.deadUnits >= check.atLeast, memory: next };
    case "accuracy": {
      const acc = check.on === "test" ? s.testAccuracy : s.trainAccuracy;
      return { done: acc !== null && acc >= check.atLeast, memory: next };
    }
    case "kill-and-revive": {
      if (next.peak !== null && (stepWentBack || !sameRate(next.learningRate, s.learningRate))) {
        next.peak = null;
        next.peakHidden = null;
        next.learningRate = null;
      }
      if (next.peak === null && rose && s.deadUnits >= check.kill) {
        next.peak = s.deadUnits;
        next.peakHidden = s.hidden;
        next.learningRate = s.learningRate;
      } else if (next.peak !== null && s.deadUnits > next.peak) {
        next.peak = s.deadUnits;
        next.peakHidden = s.hidden;
      }
      const done = next.peak !== null && next.peak - s.deadUnits >= check.revive;
      return { done, memory: next };
    }
  }
}

/**
 * One line for the teacher and the report: what the state shows for this check. A unit with z ≤ 0 on every
 * example is "dead" under ReLU and "inactive" under Leaky ReLU (it still learns), as in the labs.
 */
export function describeEvidence(check: TaskCheck, s: StoredLabState): string {
  switch (check.kind) {
    case "gradient-ratio": {
      const spread = gradientSpread(s);
      return spread === null
        ? "gradients not measured"
        : `first and last layer gradients ${spread.toPrecision(3)}× apart at step ${s.step}`;
    }
    case "dead-units":
    case "kill-and-revive":
      return `${s.deadUnits} of ${s.hiddenUnits} units ${offWord(s.hidden)} at step ${s.step} (${activationName(s.hidden)}, learning rate ${s.learningRate ?? "?"})`;
    case "accuracy": {
      const acc = check.on === "test" ? s.testAccuracy : s.trainAccuracy;
      return `${check.on === "test" ? "test" : "training"} accuracy ${percent(acc)} at step ${s.step}`;
    }
  }
}

/**
 * What completed a task, in words, from the state that completed it and the checker's memory then, e.g.
 * "completed at step 214: 8 dead → 4 inactive" (the peak under ReLU, the count now under Leaky ReLU).
 */
export function completionNote(check: TaskCheck, memory: TaskMemory, s: StoredLabState): string {
  const at = `completed at step ${s.step}`;
  switch (check.kind) {
    case "gradient-ratio":
      return `${at}: first and last layer gradients ${gradientSpread(s)?.toPrecision(3) ?? "?"}× apart`;
    case "dead-units":
      return `${at}: ${s.deadUnits} of ${s.hiddenUnits} units ${offWord(s.hidden)}`;
    case "kill-and-revive": {
      const [from, to] = [offWord(memory.peakHidden ?? s.hidden), offWord(s.hidden)];
      const counts =
        from === to
          ? `${memory.peak ?? "?"} → ${s.deadUnits} ${to}`
          : `${memory.peak ?? "?"} ${from} → ${s.deadUnits} ${to}`;
      return `${at}: ${counts} (learning rate ${s.learningRate ?? "?"})`;
    }
    case "accuracy":
      return `${at}: ${check.on === "test" ? "test" : "training"} accuracy ${percent(check.on === "test" ? s.testAccuracy : s.trainAccuracy)}`;
  }
}
