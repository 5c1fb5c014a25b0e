/**
 * A lab's build-time snapshot: the same TrainingSession the worker runs, stepped in Node while the
 * site builds, then flattened to plain arrays (static-snapshot.ts). The lab renders it before its
 * worker answers, so printed pages and readers without JavaScript see the phenomenon, and the live
 * run reproduces it (same seeds, same steps). Build-time only: it imports the whole training code.
 */
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { TrainingSession } from "../../src/worker/session.ts";
import { encodeStatic, flatten, type Encoded, type StaticSnapshot } from "./static-snapshot.ts";

export {
  decodeStatic,
  encodeStatic,
  flatten,
  unflatten,
  type Encoded,
  type StaticSnapshot,
} from "./static-snapshot.ts";

/** The encoded build-time snapshot of a lab's first run (its session trained for its warm-up), for the view's props. */
export function firstRunSnapshot(lab: { firstRun: { spec: SessionSpec; steps: number } }): Encoded<StaticSnapshot> {
  return encodeStatic(runStatic(lab.firstRun.spec, lab.firstRun.steps));
}

/** Trains `steps` steps of `spec` in this thread and returns the snapshot, flattened for props. */
export function runStatic(spec: SessionSpec, steps: number): StaticSnapshot {
  const session = new TrainingSession(spec);
  session.step(steps);
  return flatten(session.snapshot(0));
}
