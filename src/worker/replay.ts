/** Replays a RunRecord (run-record.ts): the same session, the same changes at the same steps, the same numbers. */
import { LIMITS } from "../core/index.ts";
import type { RunRecord } from "./run-record.ts";
import { TrainingSession } from "./session.ts";

/**
 * Trains a record's run again from step 0 and returns the session at `upTo` steps (the record's step when
 * absent), or the first diverged step if the run diverged. Throws the core's ConfigError for a bad spec; a
 * record from outside is rebuilt through its lab's schema and readRunChanges first.
 */
export function replayRun(record: RunRecord, upTo: number = record.step): TrainingSession {
  const session = new TrainingSession(record.spec);
  const end = Math.min(upTo, record.step);
  for (const change of record.changes) {
    // A change at `end` belongs to the state after it only at the run's own end (where the reader left it), and
    // never a shock there: a shock is a step, and would run past the end.
    const applies = change.step < end || (change.step === end && end === record.step && change.type !== "shock");
    if (!applies) break;
    runTo(session, change.step);
    if (session.trainer.steps !== change.step) return session; // diverged before the change
    if (change.type === "lr") session.setLearningRate(change.lr);
    else if (change.type === "activation") session.setActivation(change.hidden, change.alpha);
    else session.shock(change.lr);
  }
  runTo(session, end);
  return session;
}

/** Steps the session until it has run `target` steps (or diverged), in chunks the core accepts. */
function runTo(session: TrainingSession, target: number): void {
  while (session.trainer.steps < target && session.trainer.status.status === "ok") {
    if (session.step(Math.min(target - session.trainer.steps, LIMITS.maxStepsPerCommand)) === 0) break;
  }
}
