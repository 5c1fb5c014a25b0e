/**
 * What a training lab tells the page about itself: a `lab-state` DOM event from the lab's root element with
 * each snapshot it shows. Kept apart from the summariser (lab-state.ts) so lesson pages do not ship it.
 *
 * And what a page can give a lab as it mounts: a `lab-restore` request, answered with a run the page kept
 * (an assignment's saved hand-in), which the lab replays in its worker instead of starting fresh.
 *
 *   lab mounts ──lab-restore { lab }──► page sets answer ──► lab: answer(restore) ──► page: restore(run)
 *   ──► lab replays the run in its worker ──lab-state…──► page
 */
import type { Snapshot } from "../../src/worker/protocol.ts";
import type { SettingValue } from "../../src/settings/url-state.ts";
import type { RunChange, RunRecord } from "../../src/worker/run-record.ts";

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
  settings: Readonly<Record<string, SettingValue>>;
  record: RunRecord | null;
  /**
   * The settings the run on screen started from (the record's spec is the lab's for them; `settings` holds the
   * learning rate or activation changed since), or null for a lab that trains several runs at once. With the
   * record's changes and step, they replay the run: what a file carries instead of a spec.
   */
  runSettings: Readonly<Record<string, SettingValue>> | null;
}

/** The event a lab dispatches from its root as it mounts (bubbles); its detail is a LabRestoreRequest. */
export const LAB_RESTORE_EVENT = "lab-restore";

/** A run a page kept, as a lab can replay it: the settings it started from, the changes, the step, and the settings now. */
export interface RestorableRun {
  settings: Readonly<Record<string, unknown>>;
  changes: readonly RunChange[];
  step: number;
  /** The settings when the run was kept (the controls show them). */
  current: Readonly<Record<string, unknown>>;
}

/** How a lab replays a kept run: resolves to null once the replay has started, or to why it cannot. */
export type RestoreRun = (run: RestorableRun) => Promise<string | null>;

/**
 * A lab asking its page for a run to show again. A listener that has one sets `answer`, which the lab calls at
 * once with its way of replaying a run (null for a lab that cannot): the page then reads its kept run and
 * replays it when it likes. Until then the lab shows its usual start.
 */
export interface LabRestoreRequest {
  readonly lab: string;
  answer: ((restore: RestoreRun | null) => void) | null;
}
