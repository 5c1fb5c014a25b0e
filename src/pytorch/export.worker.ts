/// <reference lib="webworker" />
/**
 * The export worker: replays a lab's runs and writes them as PyTorch (export-files.ts), off the page's thread, so a
 * long run's replay never blocks the page. One request per worker; the page ends it once the answer is in.
 */
import { exportFiles } from "./export-files.ts";
import type { ExportReply, ExportRequest } from "./export-protocol.ts";
import { failureMessage } from "./run-export.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Progress goes out at most this often (ms): enough for a smooth percentage. */
const PROGRESS_MS = 100;

scope.onmessage = (event: MessageEvent<ExportRequest>) => {
  const { id, title, records, diverged } = event.data;
  const post = (reply: ExportReply) => scope.postMessage(reply);
  let last = 0;
  try {
    const files = exportFiles(
      records,
      { title },
      {
        diverged,
        progress: (done, total) => {
          const now = performance.now();
          if (now - last < PROGRESS_MS) return;
          last = now;
          post({ type: "progress", id, done, total });
        },
      },
    );
    post({ type: "done", id, files });
  } catch (error) {
    post({ type: "error", id, message: failureMessage(error) });
  }
};
