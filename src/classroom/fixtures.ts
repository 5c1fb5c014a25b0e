/** Small assignments and lab states for the classroom unit tests. */
import { z } from "astro/zod";
import { assignmentSchema, type AssignmentData } from "./assignment-schema.ts";
import type { StoredLabState } from "./lab-state-schema.ts";

/** The assignment schema with lessons as plain strings (as in the lesson schema's tests). */
export const testAssignmentSchema = assignmentSchema(z.string());

/** A two-question, two-task assignment. */
export const ASSIGNMENT: AssignmentData = testAssignmentSchema.parse({
  title: "Dying ReLU",
  summary: "Kill units with a shock and bring them back with Leaky ReLU.",
  lesson: "dying-relu",
  lab: "dying-relu",
  preset: { act: "relu", seed: 3 },
  questions: [
    {
      kind: "choice",
      id: "q1",
      prompt: "Do dead layer-1 units come back under ReLU?",
      choices: ["Yes", "No"],
      answer: 1,
      explanation: "Their gradient is exactly zero.",
    },
    {
      kind: "number",
      id: "q2",
      prompt: "How many units are dead after the shock?",
      answer: 8,
      tolerance: 2,
      explanation: "8 of 32.",
    },
  ],
  tasks: [
    { id: "kill", title: "Make at least six units die.", check: { kind: "dead-units", atLeast: 6 } },
    { id: "revive", title: "Kill six, then revive three.", check: { kind: "kill-and-revive", kill: 6, revive: 3 } },
  ],
});

/** A lab state with sensible defaults, overridden field by field. */
export function state(over: Partial<StoredLabState> = {}): StoredLabState {
  return {
    lab: "dying-relu",
    status: "running",
    step: 100,
    learningRate: 0.1,
    hidden: "relu",
    alpha: 0.2,
    trainLoss: 0.3,
    trainAccuracy: 0.9,
    testAccuracy: 0.88,
    deadUnits: 3,
    hiddenUnits: 32,
    firstGradient: 0.01,
    lastGradient: 0.05,
    maxDeadUnits: 3,
    ...over,
  };
}
