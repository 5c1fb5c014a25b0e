/**
 * A lab's runs as the two files "Download as PyTorch" offers: replays each record (run-export.ts), writes the
 * script (python-script.ts) and lays it out as a .py and an .ipynb (files.ts). Synchronous and pure: the export
 * worker calls it off the page's thread, `npm run test:pytorch` and the tests call it directly.
 */
import type { RunRecord } from "../worker/run-record.ts";
import { notebookFile, scriptFile } from "./files.ts";
import { pythonExport, type ExportMeta } from "./python-script.ts";
import { exportRun, type RunExport } from "./run-export.ts";

/** The files, and each run's step (what the reader is told was exported). */
export interface ExportedFiles {
  py: string;
  ipynb: string;
  steps: number[];
}

/** How an export reports and what it is told besides the records. */
export interface ExportOptions {
  /** Per record: where the lab's run stopped diverging (from its snapshot), or null. */
  diverged?: readonly RunExport["diverged"][];
  /** Called as the replays advance: steps replayed so far, of all to replay (each run twice, see run-export.ts). */
  progress?: (done: number, total: number) => void;
}

/** The .py and .ipynb of `records` (one lab's runs, trained side by side). Throws ExportRefusal or ConfigError. */
export function exportFiles(
  records: readonly RunRecord[],
  meta: ExportMeta,
  { diverged = [], progress }: ExportOptions = {},
): ExportedFiles {
  const total = records.reduce((s, r) => s + 2 * r.step, 0);
  let before = 0;
  const runs = records.map((record, i) => {
    const run = exportRun(record, diverged[i] ?? null, (done) => progress?.(before + done, total));
    before += 2 * record.step;
    return run;
  });
  const e = pythonExport(runs, meta);
  return { py: scriptFile(e), ipynb: notebookFile(e), steps: runs.map((r) => r.steps) };
}
