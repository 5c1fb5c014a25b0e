/**
 * The page's side of an export: asks a worker of its own for the files of a lab's runs (export.worker.ts), with
 * progress, and saves a file as a download. Where there are no workers (unit tests in Node) the export runs in this
 * thread instead.
 */
import type { ExportedFiles } from "./export-files.ts";
import type { ExportReply, ExportRequest } from "./export-protocol.ts";

/** A running export: its result, and a way to stop it (the worker is ended; the result never settles). */
export interface PendingExport {
  result: Promise<ExportedFiles>;
  cancel(): void;
}

let nextId = 1;

/** Exports `request` (its id is filled in); `progress(done, total)` follows the replay. Rejects with a sentence. */
export function startExport(
  request: Omit<ExportRequest, "id">,
  progress: (done: number, total: number) => void,
): PendingExport {
  const message: ExportRequest = { ...request, id: nextId++ };
  if (typeof Worker === "undefined") return { result: inThread(message, progress), cancel: () => {} };
  const worker = new Worker(new URL("./export.worker.ts", import.meta.url), { type: "module" });
  const result = new Promise<ExportedFiles>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (reply.id !== message.id) return;
      if (reply.type === "progress") return progress(reply.done, reply.total);
      worker.terminate();
      if (reply.type === "done") resolve(reply.files);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The export stopped: ${event.message || "its worker could not be loaded"}.`));
    };
  });
  worker.postMessage(message);
  return { result, cancel: () => worker.terminate() };
}

async function inThread(
  request: ExportRequest,
  progress: (done: number, total: number) => void,
): Promise<ExportedFiles> {
  const [{ exportFiles }, { failureMessage }] = await Promise.all([
    import("./export-files.ts"),
    import("./run-export.ts"),
  ]);
  try {
    return exportFiles(request.records, { title: request.title }, { diverged: request.diverged, progress });
  } catch (error) {
    throw new Error(failureMessage(error));
  }
}

/** Saves `text` as a file called `name`, as the browser saves downloads. */
export function saveFile(name: string, text: string, type: string): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
