/**
 * A training lab's state for classroom tasks ("make three units die", "bring the first layer's gradient
 * within 10× of the last"): a compact, plain summary of the snapshot a lab dispatched (see lab-event.ts).
 */
import type { Snapshot } from "../../src/worker/protocol.ts";

/** A lab's observable state: plain numbers only. */
export interface LabState {
  lab: string;
  status: string;
  step: number;
  learningRate: number;
  hidden: string;
  alpha: number;
  trainLoss: number | null;
  testAccuracy: number | null;
  trainAccuracy: number | null;
  /** Dead hidden units in all. */
  deadUnits: number;
  /** Hidden units in all. */
  hiddenUnits: number;
  /** ‖∂L/∂W‖ of the first and the last weight layer. */
  firstGradient: number;
  lastGradient: number;
  /** Highest dead-unit count seen since the lab started (so "make three die, then revive them" can be checked). */
  maxDeadUnits: number;
}

/** Summarises a snapshot (and the run's highest dead count so far) as a LabState. */
export function labState(lab: string, status: string, s: Snapshot, maxDeadUnits: number): LabState {
  const hidden = s.layers.slice(0, -1);
  const deadUnits = hidden.reduce((sum, l) => sum + l.deadUnits, 0);
  return {
    lab,
    status,
    step: s.step,
    learningRate: s.learningRate,
    hidden: s.hidden,
    alpha: s.alpha,
    trainLoss: s.trainLoss,
    testAccuracy: s.testAccuracy,
    trainAccuracy: s.trainAccuracy,
    deadUnits,
    hiddenUnits: hidden.reduce((sum, l) => sum + l.units, 0),
    firstGradient: s.layers[0]?.gradNormW ?? 0,
    lastGradient: s.layers.at(-1)?.gradNormW ?? 0,
    maxDeadUnits: Math.max(maxDeadUnits, deadUnits),
  };
}
