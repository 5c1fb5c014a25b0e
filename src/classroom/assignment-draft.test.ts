import { describe, expect, it } from "vitest";
import { checkCustom } from "./custom-assignment.ts";
import { CUSTOM } from "./custom-fixtures.ts";
import {
  draftAssignment,
  draftOf,
  newAssignmentId,
  newDraft,
  newQuestion,
  newTask,
  readDraft,
} from "./assignment-draft.ts";

describe("a draft", () => {
  it("turns back into the teacher's assignment it was opened from", () => {
    const draft = draftOf(CUSTOM);
    expect(draft.next).toBe(3);
    expect(checkCustom(draftAssignment(draft))).toEqual({ ok: true, assignment: CUSTOM });
  });

  it("reads typed numbers (a decimal comma too) and leaves other text for the schema to name", () => {
    const d = newDraft("custom-0123456789");
    d.title = "  Numbers  ";
    d.fixed = { lr: "0.5", seed: "seven", act: "leaky-relu" };
    d.questions = [
      { ...newQuestion("number", "q1"), prompt: "How many?", answer: "0,5", tolerance: "", explanation: "Half." },
    ];
    const a = draftAssignment(d);
    expect(a).toMatchObject({ title: "Numbers", fixed: { lr: 0.5, seed: "seven", act: "leaky-relu" } });
    expect((a.questions as object[])[0]).toMatchObject({ answer: 0.5, tolerance: "", toleranceKind: "absolute" });
    const checked = checkCustom(a);
    expect(checked.ok ? [] : checked.faults).toEqual([
      "Question 1: Tolerance must be a number ≥ 0.",
      'Fixed settings: Seed: "seven" is not a usable number, so it is 3.',
    ]);
  });

  it("starts a task with a check the schema accepts and a title that says it", () => {
    const t = newTask("kill-and-revive", "t1");
    expect(t.title).toMatch(/^Make at least 6 hidden units die, then bring at least 3/);
    const d = {
      ...newDraft("custom-0123456789"),
      title: "Tasks",
      questions: [{ ...newQuestion("choice", "q1"), prompt: "Which?", choices: ["A", "B"], explanation: "Because A." }],
      tasks: [t],
    };
    expect(checkCustom(draftAssignment(d)).ok).toBe(true);
  });

  it("makes ids this site accepts", () => {
    expect(newAssignmentId()).toMatch(/^custom-[a-z0-9]{10}$/);
    expect(newAssignmentId((b) => b.fill(255))).toBe("custom-dddddddddd");
  });
});

describe("a stored draft", () => {
  it("is read back as it was kept", () => {
    const draft = draftOf(CUSTOM);
    expect(readDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it("is read field by field: what cannot be read starts empty, and unreadable items are dropped one by one", () => {
    const kept = {
      ...draftOf(CUSTOM),
      title: "x".repeat(500),
      intro: 42,
      lab: "nonsense",
      answers: "sometimes",
      questions: [{ ...draftOf(CUSTOM).questions[0], choices: ["only one"] }, { id: "Q 2", kind: "choice" }, "junk"],
      tasks: [
        { id: "t1", kind: "accuracy", params: { atLeast: "80" }, title: "T", hint: "" },
        { id: "t2", kind: "magic" },
      ],
      next: -3,
    };
    const d = readDraft(kept)!;
    expect(d.title).toHaveLength(80);
    expect(d).toMatchObject({ intro: "", lab: "dying-relu", answers: "shown" });
    expect(d.questions.map((q) => [q.id, q.choices])).toEqual([["q1", ["only one", ""]]]);
    expect(d.tasks).toEqual([
      { id: "t1", kind: "accuracy", params: { on: "train", atLeast: "80" }, title: "T", hint: "" },
    ]);
    expect(d.next).toBe(2);
  });

  it("without an id this site makes is not read at all", () => {
    expect(readDraft({ ...newDraft(), id: "dying-relu" })).toBeNull();
    expect(readDraft(null)).toBeNull();
  });
});
