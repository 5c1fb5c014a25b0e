/**
 * A lab's state as the classroom keeps it (in saved progress and in hand-in reports): the LabState
 * a lab publishes, with every number finite or null (JSON has no NaN or Infinity), every string short.
 * Its reader is here; a live state is made into one by lab-follower.ts (loaded with the lab's first state).
 */
import { isIntegerIn, isNumberIn, isPlainObject, isText } from "./validate.ts";

/** A lab's state as saved: plain, finite, bounded. */
export interface StoredLabState {
  lab: string;
  status: string;
  step: number;
  learningRate: number | null;
  hidden: string;
  alpha: number | null;
  trainLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  deadUnits: number;
  hiddenUnits: number;
  firstGradient: number | null;
  lastGradient: number | null;
  maxDeadUnits: number;
}

/** Longest word (lab id, status, activation name) and largest unit count a stored state holds. */
export const WORD = 40;
export const MAX_COUNT = 1_000_000;
/** Steps: a lab at full speed for a long class passes a million. */
export const MAX_STEP = 1e9;

const orNullIn = (v: unknown, min?: number, max?: number): number | null | undefined =>
  v === null ? null : isNumberIn(v, min, max) ? v : undefined;

/** Reads a stored lab state from untrusted JSON: a copy with exactly its fields, or null if one is missing or wrong. */
export function readStoredLabState(v: unknown): StoredLabState | null {
  if (!isPlainObject(v)) return null;
  const s = {
    lab: isText(v.lab, WORD) ? v.lab : undefined,
    status: isText(v.status, WORD) ? v.status : undefined,
    step: isIntegerIn(v.step, 0, MAX_STEP) ? v.step : undefined,
    learningRate: orNullIn(v.learningRate),
    hidden: isText(v.hidden, WORD) ? v.hidden : undefined,
    alpha: orNullIn(v.alpha),
    trainLoss: orNullIn(v.trainLoss),
    trainAccuracy: orNullIn(v.trainAccuracy, 0, 1),
    testAccuracy: orNullIn(v.testAccuracy, 0, 1),
    deadUnits: isIntegerIn(v.deadUnits, 0, MAX_COUNT) ? v.deadUnits : undefined,
    hiddenUnits: isIntegerIn(v.hiddenUnits, 0, MAX_COUNT) ? v.hiddenUnits : undefined,
    firstGradient: orNullIn(v.firstGradient),
    lastGradient: orNullIn(v.lastGradient),
    maxDeadUnits: isIntegerIn(v.maxDeadUnits, 0, MAX_COUNT) ? v.maxDeadUnits : undefined,
  };
  return Object.values(s).includes(undefined) ? null : (s as StoredLabState);
}
