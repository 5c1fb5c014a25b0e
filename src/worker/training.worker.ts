/// <reference lib="webworker" />
/** The training worker: a Runner wired to postMessage. All training happens here, off the main thread. */
import type { ToWorker } from "./protocol.ts";
import { Runner } from "./runner.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = new Runner({
  now: () => performance.now(),
  schedule: (fn) => setTimeout(fn, 0),
  post: (message, transfer) => scope.postMessage(message, transfer),
});

scope.onmessage = (event: MessageEvent<ToWorker>) => runner.handle(event.data);
