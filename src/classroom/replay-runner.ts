/**
 * The browser side of the replay check (replay-check.ts): each run sent to a worker of its own
 * (replay.worker.ts), which rebuilds its spec from its settings and trains it, so a class of reports
 * replays without freezing the page. Loaded by the gradebook only when it has runs to replay.
 */
import type { SavedRun } from "./lab-run.ts";
import type { RunNumbers } from "./replay-check.ts";

/** How long one replay may take before it is given up (a busy machine trains a few thousand steps a second). */
const REPLAY_TIMEOUT_MS = 60_000;

/** Replays one lab's run in a worker: the numbers at its step, or why it could not. */
export function replayInWorker(lab: string, run: SavedRun): Promise<RunNumbers | string> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./replay.worker.ts", import.meta.url), { type: "module" });
    const done = (result: RunNumbers | string) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done("the replay took too long"), REPLAY_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ numbers?: RunNumbers; problem?: string }>) =>
      done(event.data.numbers ?? event.data.problem ?? "the replay gave no answer");
    worker.onerror = (event) => {
      event.preventDefault();
      done("the replay worker could not be started");
    };
    worker.postMessage({ id: 0, lab, run });
  });
}
