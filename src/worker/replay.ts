/** Replays a RunRecord (run-record.ts): the same session, the same changes at the same steps, the same numbers. */
import type { RunRecord } from "./run-record.ts";
import { replayPlan } from "./replay-plan.ts";
import { TrainingSession } from "./session.ts";

/**
 * Trains a record's run again from step 0 and returns the session at `upTo` steps (the record's step when
 * absent), or the first diverged step if the run diverged. Throws the core's ConfigError for a bad spec; a
 * record from outside is rebuilt through its lab's schema and readRunChanges first.
 */
export function replayRun(record: RunRecord, upTo: number = record.step): TrainingSession {
  const session = new TrainingSession(record.spec);
  for (const command of replayPlan(record.changes, record.step, upTo)) {
    if (command.type === "train") {
      if (session.step(command.steps) < command.steps) break; // diverged: nothing after it applies
    } else if (command.type === "lr") session.setLearningRate(command.lr);
    else if (command.type === "activation") session.setActivation(command.hidden, command.alpha);
    else session.shock(command.lr);
  }
  return session;
}
