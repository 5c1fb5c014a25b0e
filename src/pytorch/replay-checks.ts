/**
 * The losses a run showed at chosen steps, from one replay of its record. replayRun (src/worker/replay.ts)
 * gives the state at one step; asking it once per step would train the run several times over, so this walks
 * the record once, reading each chosen step where replayRun(record, step) would stop (a test checks the two
 * agree at every step read).
 */
import { createRng, LIMITS, readParameters, writeParameters } from "../core/index.ts";
import type { RunRecord } from "../worker/run-record.ts";
import { TrainingSession } from "../worker/session.ts";

/** What the lab showed at one step: its training loss and, for the step lab, the perceptron's training accuracy. */
export interface ShownAt {
  step: number;
  loss: number;
  perceptronAccuracy: number | null;
}

/** The replayed run: the session where the replay ended, and what it showed at each step asked for that it reached. */
export interface ReplayedChecks {
  session: TrainingSession;
  shown: ShownAt[];
}

/** Steps replayed between two progress reports. */
const PROGRESS_EVERY = 500;

/**
 * Replays `record` from step 0 and reads the shown loss at each of `steps` (each in 0…record.step; read in
 * increasing order, duplicates once). `progress(done, total)` is called as the replay advances. `perturbation`:
 * every starting weight is first moved by this relative amount, up or down at random (seeded), after the loss at
 * step 0 is measured: a second replay with it shows how much the run amplifies rounding (run-export.ts).
 */
export function replayChecks(
  record: RunRecord,
  steps: readonly number[],
  progress: (done: number, total: number) => void = () => {},
  perturbation = 0,
): ReplayedChecks {
  const session = new TrainingSession(record.spec);
  if (perturbation !== 0) perturb(session, perturbation);
  const end = record.step;
  const wanted = [...new Set(steps)].filter((s) => s >= 0 && s <= end).sort((a, b) => a - b);
  const shown: ShownAt[] = [];
  let next = 0;
  const read = () => {
    const t = session.trainer;
    shown.push({
      step: t.steps,
      loss: t.diagnostics.trainLoss,
      perceptronAccuracy: session.perceptron ? session.perceptron.accuracy("train") : null,
    });
    next++;
  };
  // Runs to `target`, reading every wanted step before `end` on the way (at a step, before the changes made there).
  const runTo = (target: number) => {
    while (session.trainer.status.status === "ok") {
      const t = session.trainer;
      // Read the wanted steps reached (skipping, defensively, any the run went past without stopping).
      while (next < wanted.length && wanted[next]! < end && wanted[next]! <= t.steps) {
        if (wanted[next] === t.steps) read();
        else next++;
      }
      if (t.steps >= target) return;
      const stop = Math.min(target, next < wanted.length && wanted[next]! < end ? wanted[next]! : target);
      const n = Math.min(stop - t.steps, PROGRESS_EVERY, LIMITS.maxStepsPerCommand);
      if (session.step(n) === 0) return;
      progress(t.steps, end);
    }
  };
  for (const change of record.changes) {
    // As replayRun: a change at the end applies only if it is not a shock (a shock is a step past the end).
    if (!(change.step < end || (change.step === end && change.type !== "shock"))) break;
    runTo(change.step);
    if (session.trainer.steps !== change.step) return { session, shown };
    if (change.type === "lr") session.setLearningRate(change.lr);
    else if (change.type === "activation") session.setActivation(change.hidden, change.alpha);
    else session.shock(change.lr);
  }
  runTo(end);
  if (session.trainer.steps === end && next < wanted.length && wanted[next] === end) read();
  progress(session.trainer.steps, end);
  return { session, shown };
}

/** Moves every parameter θ to θ·(1 ± ε), the sign drawn from a fixed seed. */
function perturb(session: TrainingSession, epsilon: number): void {
  const rng = createRng(1);
  const theta = readParameters(session.trainer);
  for (let i = 0; i < theta.length; i++) theta[i]! *= 1 + (rng.next() < 0.5 ? -epsilon : epsilon);
  writeParameters(session.trainer, theta);
}
