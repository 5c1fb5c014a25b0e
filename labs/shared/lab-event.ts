/**
 * What a training lab tells the page about itself: a `lab-state` DOM event from the lab's root element with
 * each snapshot it shows. Kept apart from the summariser (lab-state.ts) so lesson pages do not ship it.
 */
import type { Snapshot } from "../../src/worker/protocol.ts";
import type { RunRecord } from "../../src/worker/run-record.ts";

/** The event name labs dispatch (bubbles, so a page can listen on document); its detail is a LabEvent. */
export const LAB_STATE_EVENT = "lab-state";

/**
 * What a lab dispatches with each snapshot it shows: its id, its status, the snapshot itself, its settings (the
 * values its schema reads) and the run on screen as a replayable record (null until the worker answers). A page
 * that wants the plain summary (an assignment's task checker) makes it with labState, so pages that do not listen
 * do not load the summariser.
 */
export interface LabEvent {
  lab: string;
  status: string;
  snapshot: Snapshot;
  settings: Readonly<Record<string, unknown>>;
  record: RunRecord | null;
}
