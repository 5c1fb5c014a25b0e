import { describe, expect, it } from "vitest";
import { AssignmentBuilder, DRAFT_KEY } from "./assignment-builder.svelte.ts";
import { teacherCopy } from "./custom-assignment.ts";
import { CUSTOM, MemoryStorage } from "./custom-fixtures.ts";

/** A builder whose draft is a complete two-question, one-task assignment. */
function filled(storage = new MemoryStorage()): AssignmentBuilder {
  const b = new AssignmentBuilder();
  b.load(storage);
  b.draft.title = "Shock";
  b.addQuestion("choice");
  b.addQuestion("number");
  const [choice, number] = b.draft.questions;
  Object.assign(choice!, {
    prompt: "Do they come back?",
    choices: ["Yes", "No"],
    right: 1,
    explanation: "No gradient.",
  });
  Object.assign(number!, { prompt: "How many die?", answer: "8", tolerance: "2", explanation: "Eight." });
  b.addTask("dead-units");
  return b;
}

describe("the assignment builder", () => {
  it("says what is missing until the draft is an assignment, then gives both copies", () => {
    const b = new AssignmentBuilder();
    expect(b.checked).toMatchObject({
      ok: false,
      faults: ["Title: The title is too short.", "Questions: An assignment needs at least one question."],
    });
    expect(b.copies).toBeNull();
    const full = filled();
    expect(full.checked.ok).toBe(true);
    expect(full.copies?.teacher.assignment.questions.map((q) => q.id)).toEqual(["q1", "q2"]);
    expect(full.copies?.student.assignment.version).toMatch(/^[0-9a-f]{8}$/);
  });

  it("keeps the draft in the browser and reads it back after a reload", () => {
    const storage = new MemoryStorage();
    const b = filled(storage);
    expect(b.save()).toBe(true);
    const again = new AssignmentBuilder();
    again.load(storage);
    expect(again.draft).toEqual(b.draft);
    expect(again.checked).toEqual(b.checked);
  });

  it("starts afresh, and says so, when the kept draft cannot be read", () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, "{broken");
    const b = new AssignmentBuilder();
    b.load(storage);
    expect(b.notice).toMatch(/could not be read/);
    expect(b.draft.questions).toEqual([]);
  });

  it("says when the browser keeps nothing", () => {
    const storage = new MemoryStorage();
    const b = filled(storage);
    storage.refuse = true;
    expect(b.save()).toBe(false);
    expect(b.saving).toBe(false);
  });

  it("gives new items ids never used before in the draft, moves and removes them", () => {
    const b = filled();
    b.remove("questions", 0);
    b.addQuestion("choice");
    expect(b.draft.questions.map((q) => q.id)).toEqual(["q2", "q4"]);
    b.move("questions", 1, -1);
    b.move("questions", 0, -1);
    expect(b.draft.questions.map((q) => q.id)).toEqual(["q4", "q2"]);
  });

  it("keeps the right option when options are removed, and between two and six options", () => {
    const b = filled();
    const q = b.draft.questions[0]!;
    b.removeChoice(q, 0);
    expect(q.choices).toEqual(["Yes", "No"]);
    for (let i = 0; i < 6; i++) b.addChoice(q);
    expect(q.choices).toHaveLength(6);
    b.removeChoice(q, 0);
    expect([q.choices[q.right], q.right]).toEqual(["No", 0]);
  });

  it("lets a task's title follow its parameters until the teacher edits it", () => {
    const b = filled();
    const t = b.draft.tasks[0]!;
    b.setParam(t, "atLeast", "4");
    expect(t.title).toBe("Make at least 4 hidden units die at once.");
    t.title = "Kill four.";
    b.setParam(t, "atLeast", "5");
    expect(t.title).toBe("Kill four.");
    b.setTaskKind(t, "accuracy");
    expect(t).toMatchObject({
      params: { on: "train", atLeast: "90" },
      title: "Reach a training accuracy of at least 90%.",
    });
  });

  it("starts the lab's setup over when the lab changes", () => {
    const b = filled();
    b.setFixed("lr", "0.5");
    b.setControl("locked", "lr", true);
    b.setControl("hidden", "seed", true);
    b.setControl("hidden", "seed", false);
    expect(b.draft).toMatchObject({ fixed: { lr: "0.5" }, locked: ["lr"], hidden: [] });
    b.setLab("sandbox");
    expect(b.draft).toMatchObject({ lab: "sandbox", preset: "", fixed: {}, locked: [], hidden: [] });
  });

  it("opens a teacher's file to edit, and refuses anything else with the reason", () => {
    const b = new AssignmentBuilder();
    expect(b.openTeacherFile(JSON.stringify(teacherCopy(CUSTOM)), "shock.json")).toBe(true);
    expect(b.assignment).toEqual(CUSTOM);
    expect(b.openTeacherFile("[]", "list.json")).toBe(false);
    expect(b.notice).toMatch(/^list.json could not be opened. This is not an Activation Labs assignment/);
    expect(b.assignment).toEqual(CUSTOM);
  });
});
