/// <reference lib="webworker" />
/**
 * The teacher page's replay worker: trains a kept run again (its spec rebuilt from its settings by run-spec.ts,
 * its changes at their steps: src/worker/replay.ts) off the page's thread, and answers with the numbers at its step.
 *
 *   { id, lab, run } ──► { id, numbers } | { id, problem }
 */
import { readRunChanges } from "../worker/run-record.ts";
import { replayRun } from "../worker/replay.ts";
import { readKeptSettings } from "./lab-run.ts";
import { runSpec } from "./run-spec.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; lab: string; run: unknown }>) => {
  const { id, lab, run } = event.data;
  const answer = (reply: object) => scope.postMessage({ id, ...reply });
  try {
    const raw = (run ?? {}) as { settings?: unknown; changes?: unknown; step?: unknown };
    const settings = readKeptSettings(raw.settings);
    if (!settings) return answer({ problem: "its settings are not a lab's settings" });
    const read = readRunChanges(raw.changes, raw.step);
    if ("error" in read) return answer({ problem: read.error });
    const spec = runSpec(lab, settings);
    if (typeof spec === "string") return answer({ problem: spec });
    const s = replayRun({ spec, changes: read.changes, step: read.step }).snapshot(0);
    answer({ numbers: { step: s.step, trainLoss: s.trainLoss, trainAccuracy: s.trainAccuracy } });
  } catch (error) {
    answer({ problem: `the replay stopped (${error instanceof Error ? error.message : String(error)})` });
  }
};
