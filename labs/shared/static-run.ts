/**
 * A lab's build-time snapshot: the same TrainingSession the worker runs, stepped in Node while the
 * site builds, then flattened to plain arrays (Astro serialises component props as JSON-like data).
 * The lab renders it before its worker answers, so printed pages and readers without JavaScript
 * see the phenomenon, and the live run reproduces it exactly (same seeds, same steps).
 */
import type { SessionSpec, Snapshot } from "../../src/worker/protocol.ts";
import { TrainingSession } from "../../src/worker/session.ts";

/** A Snapshot whose typed arrays are plain number arrays. */
export type StaticSnapshot = Omit<Snapshot, "boundary" | "history" | "data"> & {
  boundary: number[] | null;
  history: { width: number; rows: number; data: number[] };
  data: { classes: number; trainX: number[]; trainLabels: number[]; testX: number[]; testLabels: number[] } | null;
};

/** Trains `steps` steps of `spec` in this thread and returns the snapshot, flattened for props. */
export function runStatic(spec: SessionSpec, steps: number): StaticSnapshot {
  const session = new TrainingSession(spec);
  session.step(steps);
  return flatten(session.snapshot(0));
}

/** Typed arrays → plain arrays. */
export function flatten(s: Snapshot): StaticSnapshot {
  return {
    ...s,
    boundary: s.boundary ? Array.from(s.boundary) : null,
    history: { width: s.history.width, rows: s.history.rows, data: Array.from(s.history.data) },
    data: s.data
      ? {
          classes: s.data.classes,
          trainX: Array.from(s.data.trainX),
          trainLabels: Array.from(s.data.trainLabels),
          testX: Array.from(s.data.testX),
          testLabels: Array.from(s.data.testLabels),
        }
      : null,
  };
}

/** Plain arrays → typed arrays, so a static snapshot reads like a live one. */
export function unflatten(s: StaticSnapshot): Snapshot {
  return {
    ...s,
    boundary: s.boundary ? Float64Array.from(s.boundary) : null,
    history: { width: s.history.width, rows: s.history.rows, data: Float64Array.from(s.history.data) },
    data: s.data
      ? {
          classes: s.data.classes,
          trainX: Float64Array.from(s.data.trainX),
          trainLabels: Int32Array.from(s.data.trainLabels),
          testX: Float64Array.from(s.data.testX),
          testLabels: Int32Array.from(s.data.testLabels),
        }
      : null,
  };
}
