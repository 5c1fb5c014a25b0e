/**
 * Verified by replay: the teacher's page trains each run a report carries again, from its settings and changes,
 * and compares the step, loss and accuracy the report claims with what the replay gives. The spec is rebuilt
 * from the settings by the lab's own schema, rules and spec function (run-spec.ts), never taken from the file, and a
 * setting the schema would correct makes the run "not replayable". The checksum only catches accidental
 * edits (anyone can recompute it); a number that does not follow from the run is what a replay makes visible.
 *
 *   report.runs[lab] ──worker: spec from settings (run-spec.ts), train, changes at their steps──► numbers ──► verdict
 */
import type { StoredLabState } from "./lab-state-schema.ts";
import type { SavedRun } from "./lab-run.ts";

/**
 * Steps the reports page replays at most per run, to keep a class's check to seconds (a record may hold up to
 * MAX_REPLAY_STEPS): a longer run is shown, marked as not checked.
 */
export const MAX_CHECKED_STEPS = 20_000;

/** The numbers a run shows, as a report claims them and as a replay gives them. */
export interface RunNumbers {
  step: number;
  trainLoss: number | null;
  trainAccuracy: number | null;
}

/** What the replay of one lab's run says. */
export type ReplayVerdict =
  { status: "verified" } | { status: "differs"; text: string } | { status: "not-replayable"; text: string };

/** Losses agree when within this relative difference (the same code on the same kind of machine gives the same bits). */
const LOSS_TOLERANCE = 1e-9;

/** Compares a report's claimed numbers with a replay's: verified, or what differs in words. */
export function compareRun(claimed: RunNumbers, replay: RunNumbers): ReplayVerdict {
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= LOSS_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  const show = (v: number | null) => (v === null ? "none" : Number(v.toPrecision(4)).toString());
  const differences: string[] = [];
  if (claimed.step !== replay.step) differences.push(`step: claimed ${claimed.step}, replay gives ${replay.step}`);
  if (!close(claimed.trainLoss, replay.trainLoss))
    differences.push(`loss: claimed ${show(claimed.trainLoss)}, replay gives ${show(replay.trainLoss)}`);
  if (!close(claimed.trainAccuracy, replay.trainAccuracy))
    differences.push(`accuracy: claimed ${show(claimed.trainAccuracy)}, replay gives ${show(replay.trainAccuracy)}`);
  return differences.length === 0 ? { status: "verified" } : { status: "differs", text: differences.join("; ") };
}

/** Trains a kept run again (its spec rebuilt from its settings) and gives the numbers at its step, or why not. */
export type RunTrainer = (lab: string, run: SavedRun) => Promise<RunNumbers | string>;

/** Replays one lab's run of a report and compares it with the report's state of that lab. */
export async function replayLab(
  lab: string,
  run: SavedRun,
  claimed: StoredLabState | undefined,
  train: RunTrainer,
): Promise<ReplayVerdict> {
  if (!claimed) return { status: "not-replayable", text: "the report has no results for this lab" };
  if (run.step > MAX_CHECKED_STEPS)
    return {
      status: "not-replayable",
      text: `its ${run.step} steps are more than the ${MAX_CHECKED_STEPS} this page replays`,
    };
  const numbers = await train(lab, run);
  if (typeof numbers === "string") return { status: "not-replayable", text: numbers };
  return compareRun(claimed, numbers);
}
