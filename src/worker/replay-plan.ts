/**
 * A run's replay as a list of commands: train so many steps, change the learning rate, swap the activation,
 * shock. replayRun follows it on a session in this thread; a lab sends the same commands to its worker to
 * re-show a saved run. One plan for both, so a hand-in restored on the page and a teacher's replay check
 * train exactly the same run. No training code here: a lab's page imports it.
 *
 *   changes [{ step: 120, lr: 0.3 }], step 463  ──►  train 120 · lr 0.3 · train 343
 */
import { LIMITS } from "../core/index.ts";
import type { RunChange } from "./run-record.ts";

/** One command of a replay: train `steps` more steps (at most LIMITS.maxStepsPerCommand), or apply a change. */
export type ReplayCommand = { type: "train"; steps: number } | RunChange;

/**
 * The commands that take a fresh run to `upTo` steps (the run's own `step` when absent): training in chunks a
 * command may ask for, each change at its step. A change at the end belongs to the state after it only at the
 * run's own end (where the reader left it), and never a shock there: a shock is a step, and would run past it.
 */
export function replayPlan(changes: readonly RunChange[], step: number, upTo: number = step): ReplayCommand[] {
  const end = Math.min(upTo, step);
  const plan: ReplayCommand[] = [];
  let at = 0;
  const trainTo = (target: number) => {
    while (at < target) {
      const steps = Math.min(target - at, LIMITS.maxStepsPerCommand);
      plan.push({ type: "train", steps });
      at += steps;
    }
  };
  for (const change of changes) {
    const applies = change.step < end || (change.step === end && end === step && change.type !== "shock");
    if (!applies) break;
    // A change at a step already passed (after a shock at the same step) cannot take effect where it says.
    if (change.step < at) return plan;
    trainTo(change.step);
    plan.push(change);
    if (change.type === "shock") at += 1;
  }
  trainTo(end);
  return plan;
}
