/** A teacher-written assignment for the unit tests of the custom-assignment modules. */
import type { CustomAssignment } from "./custom-format.ts";

/** Two questions (a choice and a number) and one task on the dying-ReLU lab, with its answers shown. */
export const CUSTOM: CustomAssignment = {
  id: "custom-abcde12345",
  title: "Shock and recover",
  intro: "Predict first.\n\nThen run the lab.",
  lab: "dying-relu",
  preset: "shock",
  fixed: { lr: 0.2 },
  locked: ["shock", "seed"],
  hidden: ["data"],
  answers: "shown",
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
      unit: "of 32 units",
      answer: 8,
      tolerance: 2,
      toleranceKind: "absolute",
      explanation: "8 of 32.",
    },
  ],
  tasks: [{ id: "t1", title: "Make at least 6 hidden units die at once.", check: { kind: "dead-units", atLeast: 6 } }],
};

/** A copy of CUSTOM with some fields replaced (for fault tests). */
export function customWith(change: Partial<Record<keyof CustomAssignment, unknown>>): Record<string, unknown> {
  return { ...structuredClone(CUSTOM), ...change };
}

/** A Map-backed stand-in for localStorage, with the whole Storage surface the custom modules use. */
export class MemoryStorage {
  map = new Map<string, string>();
  /** Set true to make every write throw, as a full or blocked storage does. */
  refuse = false;
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.refuse) throw new DOMException("quota", "QuotaExceededError");
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}
