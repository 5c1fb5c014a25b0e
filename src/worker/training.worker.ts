/// <reference lib="webworker" />
/**
 * The training worker: Runners wired to postMessage. All training happens here, off the main thread.
 * A bare message drives the worker's one run; a channelled one ({ channel, message }, from a
 * SharedTrainingWorker) drives that channel's run, and its replies carry the channel back.
 */
import type { Channelled, ToWorker } from "./protocol.ts";
import { Runner } from "./runner.ts";
import { soonScheduler } from "./soon.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** One scheduler for every runner here, so their slices take turns in order. */
const soon = soonScheduler();

/** Runners by channel; key −1 is the bare (unshared) run. */
const runners = new Map<number, Runner>();

function runner(channel: number | null): Runner {
  const key = channel ?? -1;
  let r = runners.get(key);
  if (!r) {
    r = new Runner({
      now: () => performance.now(),
      schedule: soon,
      post: (message, transfer) => scope.postMessage(channel === null ? message : { channel, message }, transfer),
      sharing: () => [...runners.values()].filter((r) => r.playing).length,
    });
    runners.set(key, r);
  }
  return r;
}

scope.onmessage = (event: MessageEvent<ToWorker | Channelled<ToWorker>>) => {
  const data = event.data;
  if ("channel" in data) runner(data.channel).handle(data.message);
  else runner(null).handle(data);
};
