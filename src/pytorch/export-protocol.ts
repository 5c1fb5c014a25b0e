/**
 * What the page and the export worker say to each other, and what a lab hands the export panel. Types only, so
 * the lab's eager shell (labs/shared/PyTorchExport.svelte) can name them without loading any of the export.
 *
 *   panel ──{id, title, records, diverged}──► export.worker ──progress…, then done(files) or error(message)──► panel
 */
import type { Snapshot } from "../worker/protocol.ts";
import type { RunRecord } from "../worker/run-record.ts";
import type { ExportedFiles } from "./export-files.ts";

/** One run a lab shows, as the export reads it (a TrainingLab is one): the record replays it. */
export interface ExportSource {
  readonly record: RunRecord | null;
  readonly snapshot: Snapshot | null;
}

/** The export panel's props: the lab's runs (several for output-loss's binary mode) and the lab's title. */
export interface ExportPanelProps {
  runs: readonly ExportSource[];
  title: string;
}

/** Asks the worker for the files of one lab's runs. */
export interface ExportRequest {
  id: number;
  title: string;
  records: RunRecord[];
  /** Per record: where the lab's run stopped diverging, from its snapshot. */
  diverged: ({ step: number; reason: string } | null)[];
}

/** The worker's answers: progress while it replays, then the files or a sentence for the reader. */
export type ExportReply =
  | { type: "progress"; id: number; done: number; total: number }
  | { type: "done"; id: number; files: ExportedFiles }
  | { type: "error"; id: number; message: string };
