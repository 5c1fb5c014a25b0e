/**
 * A lab's state as the classroom keeps it (in saved progress and in hand-in reports): the LabState
 * a lab publishes, with every number finite or null (JSON has no NaN or Infinity), every string short.
 */
import type { LabState } from "../../labs/index.ts";
import { isIntegerIn, isNumberIn, isObject, isText } from "./validate.ts";

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
const WORD = 40;
const MAX_COUNT = 1_000_000;
/** Steps: a lab at full speed for a long class passes a million. */
const MAX_STEP = 1e9;

const orNullIn = (v: unknown, min?: number, max?: number): number | null | undefined =>
  v === null ? null : isNumberIn(v, min, max) ? v : undefined;

/** Reads a stored lab state from untrusted JSON: a copy with exactly its fields, or null if one is missing or wrong. */
export function readStoredLabState(v: unknown): StoredLabState | null {
  if (!isObject(v)) return null;
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

const orNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const orZero = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v) : 0);
const short = (v: unknown): string => (typeof v === "string" ? v.slice(0, WORD) : "");

/** Turns a live LabState (which may hold NaN after a divergence) into its stored form. Never throws. */
export function storeLabState(s: LabState): StoredLabState {
  const acc = (v: unknown) => {
    const n = orNull(v);
    return n === null ? null : Math.min(1, Math.max(0, n));
  };
  return {
    lab: short(s.lab),
    status: short(s.status),
    step: Math.min(orZero(s.step), MAX_STEP),
    learningRate: orNull(s.learningRate),
    hidden: short(s.hidden),
    alpha: orNull(s.alpha),
    trainLoss: orNull(s.trainLoss),
    trainAccuracy: acc(s.trainAccuracy),
    testAccuracy: acc(s.testAccuracy),
    deadUnits: Math.min(orZero(s.deadUnits), MAX_COUNT),
    hiddenUnits: Math.min(orZero(s.hiddenUnits), MAX_COUNT),
    firstGradient: orNull(s.firstGradient),
    lastGradient: orNull(s.lastGradient),
    maxDeadUnits: Math.min(orZero(s.maxDeadUnits), MAX_COUNT),
  };
}
