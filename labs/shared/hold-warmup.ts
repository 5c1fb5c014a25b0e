/**
 * The first run of a lab warms up (runs `warmup` steps at once) so it opens on its phenomenon. The worker
 * still reports step 0 first, and if that snapshot lands in its own frame the page would flash the untrained
 * state between the build-time picture and the warmed-up one. This wrapper holds the first run's snapshots
 * back until the warm-up is done (or the run diverged), then delivers them merged, dataset and history included.
 */
import { mergeSnapshots } from "../../src/worker/client.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import type { ClientFactory } from "./training-lab.svelte.ts";

/** A factory whose client delivers nothing of the first run before step `warmup` (a diverged snapshot always passes). */
export function holdWarmup(factory: ClientFactory, warmup: number): ClientFactory {
  return (callbacks) => {
    // The first run started through this client is the warm one; its id is known when it starts.
    let warmRun: number | null = null;
    let held: Snapshot | null = null;
    const client = factory({
      onError: callbacks.onError,
      onSnapshot: (s) => {
        if (s.runId === warmRun && s.status === "ok" && s.step < warmup) {
          held = held ? mergeSnapshots(held, s) : s;
          return;
        }
        const out = held && held.runId === s.runId ? mergeSnapshots(held, s) : s;
        held = null;
        if (s.runId === warmRun) warmRun = -1; // later snapshots of that run (Step, Train) pass straight through
        callbacks.onSnapshot(out);
      },
    });
    const start = client.start.bind(client);
    client.start = (spec) => {
      const runId = start(spec);
      warmRun ??= runId;
      if (runId !== warmRun) held = null;
      return runId;
    };
    return client;
  };
}
