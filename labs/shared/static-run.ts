/**
 * A lab's build-time snapshot: the same TrainingSession the worker runs, stepped in Node while the
 * site builds, then flattened to plain arrays (static-snapshot.ts). The lab renders it before its
 * worker answers, so printed pages and readers without JavaScript see the phenomenon, and the live
 * run reproduces it (same seeds, same steps). Build-time only: it imports the whole training code.
 */
import type { SessionSpec } from "../../src/worker/protocol.ts";
import { TrainingSession } from "../../src/worker/session.ts";
import { flatten, type StaticSnapshot } from "./static-snapshot.ts";

export {
  decodeStatic,
  encodeStatic,
  flatten,
  unflatten,
  type Encoded,
  type StaticSnapshot,
} from "./static-snapshot.ts";

/** Trains `steps` steps of `spec` in this thread and returns the snapshot, flattened for props. */
export function runStatic(spec: SessionSpec, steps: number): StaticSnapshot {
  const session = new TrainingSession(spec);
  session.step(steps);
  return flatten(session.snapshot(0));
}
