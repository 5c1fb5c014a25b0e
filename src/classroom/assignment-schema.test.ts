import { describe, expect, it } from "vitest";
import { MAX_REPLAY_STEPS } from "../worker/run-record.ts";
import { ASSIGNMENT, testAssignmentSchema } from "./fixtures.ts";

const base = {
  title: "Vanishing gradients",
  summary: "Measure how the gradient shrinks from layer to layer.",
  lesson: "vanishing-gradients",
  lab: "vanishing-gradients",
  questions: [
    {
      kind: "choice",
      id: "q1",
      prompt: "Which layer?",
      choices: ["First", "Last"],
      answer: 0,
      explanation: "The first.",
    },
  ],
};

function messages(data: unknown): string[] {
  const result = testAssignmentSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("assignment schema", () => {
  it("accepts a complete assignment and fills defaults", () => {
    const a = testAssignmentSchema.parse(base);
    expect(a.tasks).toEqual([]);
    expect(a.lock).toEqual([]);
    expect(a.minutes).toBe(30);
    expect(ASSIGNMENT.questions[1]).toMatchObject({ kind: "number", toleranceKind: "absolute" });
  });

  it("tells the teacher about an unknown lab", () => {
    expect(messages({ ...base, lab: "dead-relu" })[0]).toMatch(/Unknown lab "dead-relu".*dying-relu/);
  });

  it("rejects an answer index past the choices, with the question's id", () => {
    const q = { ...base.questions[0], answer: 2 };
    expect(messages({ ...base, questions: [q] }).join()).toMatch(
      /Question `q1`: `answer: 2` but there are only 2 choices/,
    );
  });

  it("rejects duplicated ids and ids that cannot be storage keys", () => {
    const dup = { ...base, tasks: [{ id: "q1", title: "Again q1", check: { kind: "dead-units", atLeast: 1 } }] };
    expect(messages(dup).join()).toMatch(/`q1` is used twice/);
    expect(messages({ ...base, questions: [{ ...base.questions[0], id: "__proto__" }] }).join()).toMatch(
      /lower-case letters/,
    );
  });

  it("counts a task from a step a kept run can reach (the run records' one step cap)", () => {
    const task = (minStep: number) => ({
      ...base,
      tasks: [{ id: "t", title: "Level", check: { kind: "gradient-ratio", within: 10, minStep } }],
    });
    expect(messages(task(MAX_REPLAY_STEPS))).toEqual([]);
    expect(messages(task(MAX_REPLAY_STEPS + 1))).not.toEqual([]);
  });

  it("names the check kinds when one is unknown", () => {
    const bad = { ...base, tasks: [{ id: "t", title: "Do it", check: { kind: "magic" } }] };
    expect(messages(bad).join()).toMatch(/gradient-ratio.*kill-and-revive/);
  });
});
