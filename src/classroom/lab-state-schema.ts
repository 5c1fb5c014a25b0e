/**
 * A lab's state as the classroom keeps it (in saved progress and in hand-in reports): the LabState
 * a lab publishes, with every number finite or null (JSON has no NaN or Infinity), every string short.
 */
import { z } from "./zod.ts";
import type { LabState } from "../../labs/shared/lab-state.ts";

// zod 4 numbers are finite: NaN and ±Infinity fail.
const finite = z.number();
const count = z.number().int().min(0).max(1_000_000);
const word = z.string().max(40);

/** The stored form of a LabState. */
export const storedLabStateSchema = z.object({
  lab: word,
  status: word,
  step: count.max(1e9),
  learningRate: finite.nullable(),
  hidden: word,
  alpha: finite.nullable(),
  trainLoss: finite.nullable(),
  trainAccuracy: finite.min(0).max(1).nullable(),
  testAccuracy: finite.min(0).max(1).nullable(),
  deadUnits: count,
  hiddenUnits: count,
  firstGradient: finite.nullable(),
  lastGradient: finite.nullable(),
  maxDeadUnits: count,
});

/** A lab's state as saved: plain, finite, bounded. */
export type StoredLabState = z.infer<typeof storedLabStateSchema>;

const orNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const orZero = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v) : 0);
const short = (v: unknown): string => (typeof v === "string" ? v.slice(0, 40) : "");

/** Turns a live LabState (which may hold NaN after a divergence) into its stored form. Never throws. */
export function storeLabState(s: LabState): StoredLabState {
  const acc = (v: unknown) => {
    const n = orNull(v);
    return n === null ? null : Math.min(1, Math.max(0, n));
  };
  return {
    lab: short(s.lab),
    status: short(s.status),
    step: orZero(s.step),
    learningRate: orNull(s.learningRate),
    hidden: short(s.hidden),
    alpha: orNull(s.alpha),
    trainLoss: orNull(s.trainLoss),
    trainAccuracy: acc(s.trainAccuracy),
    testAccuracy: acc(s.testAccuracy),
    deadUnits: orZero(s.deadUnits),
    hiddenUnits: orZero(s.hiddenUnits),
    firstGradient: orNull(s.firstGradient),
    lastGradient: orNull(s.lastGradient),
    maxDeadUnits: orZero(s.maxDeadUnits),
  };
}
