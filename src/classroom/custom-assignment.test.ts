import { describe, expect, it } from "vitest";
import { keyVersion } from "./answer-key.ts";
import {
  asStudentAssignment,
  checkCustom,
  customAnswerKey,
  customVersion,
  readCustomCopy,
  studentCopy,
  teacherCopy,
} from "./custom-assignment.ts";
import { labSetup } from "./custom-format.ts";
import { CUSTOM, customWith } from "./custom-fixtures.ts";
import { regrade } from "./regrade.ts";
import type { Report } from "./report.ts";

/** The faults of an assignment as the builder would check it ([] when it is valid). */
function faults(a: unknown): string[] {
  const r = checkCustom(a);
  return r.ok ? [] : r.faults;
}

const withheld = { ...CUSTOM, answers: "withheld" as const };

describe("a teacher-written assignment is checked like a built-in one", () => {
  it("accepts the fixture as it is", () => {
    expect(faults(CUSTOM)).toEqual([]);
    expect(checkCustom(CUSTOM)).toMatchObject({ ok: true, assignment: CUSTOM });
  });

  it.each([
    ["an empty title", { title: "" }, "Title: The title is too short."],
    ["a title past 80 characters", { title: "x".repeat(81) }, "Title: The title is over 80 characters."],
    [
      "an introduction past 2,000 characters",
      { intro: "x".repeat(2001) },
      "Introduction: The introduction is over 2000 characters.",
    ],
    ["an id this site does not make", { id: "dying-relu" }, "Id: The assignment's id is not one this site makes."],
    ["the lab without training", { lab: "activation-explorer" }, 'Lab: Unknown lab "activation-explorer".'],
    ["no lab", { lab: undefined }, "Lab: Choose a lab."],
    ["an unknown preset", { preset: "huge" }, 'Preset: The Dying ReLU lab has no preset "huge". Its presets: shock,'],
    ["an unknown setting", { fixed: { depth: 3 } }, 'Fixed settings: The Dying ReLU lab has no setting "depth".'],
    [
      "a setting out of range",
      { fixed: { lr: 50 } },
      "Fixed settings: Learning rate: 50 is outside 0.001…10, so it is 10.",
    ],
    ["a word for a number", { fixed: { bias: "low" } }, 'Fixed settings: Initial bias: "low" is not a usable number'],
    [
      "a setting name that is not a word",
      { fixed: { __proto__x: 1 } },
      "Fixed settings: A setting's name is not a word",
    ],
    [
      "an unknown control to lock",
      { locked: ["depth"] },
      'Locked controls: The Dying ReLU lab has no control "depth" to lock or hide.',
    ],
    ["an unknown control to hide", { hidden: ["x"] }, 'Hidden controls: The Dying ReLU lab has no control "x"'],
    ["too many controls", { hidden: Array(33).fill("lr") }, "Hidden controls:"],
    ["answers neither shown nor withheld", { answers: "secret" }, "Answers:"],
    ["no question", { questions: [] }, "Questions: An assignment needs at least one question."],
    [
      "21 questions",
      { questions: Array.from({ length: 21 }, (_, i) => ({ ...CUSTOM.questions[0], id: `q${i}` })) },
      "Questions: At most 20 questions.",
    ],
    [
      "13 tasks",
      { tasks: Array.from({ length: 13 }, (_, i) => ({ ...CUSTOM.tasks[0], id: `t${i}` })) },
      "Tasks: At most 12 tasks.",
    ],
  ])("names %s", (_what, change, message) => {
    expect(faults(customWith(change)).join("\n")).toContain(message);
  });

  it("names each fault of a question and a task by its place", () => {
    const bad = customWith({
      questions: [
        { kind: "choice", id: "q1", prompt: "", choices: ["Yes", ""], answer: 0, explanation: "Because." },
        { kind: "number", id: "q2", prompt: "How many?", answer: "eight", tolerance: -1, explanation: "Because." },
        { kind: "essay", id: "q3", prompt: "Why?" },
        { kind: "choice", id: "q4", prompt: "Which?", choices: ["A"], answer: 0, explanation: "" },
      ],
      tasks: [
        { id: "t1", title: "Do it", check: { kind: "dead-units", atLeast: 0 } },
        { id: "t2", title: "Do it", check: { kind: "accuracy", on: "test", atLeast: 1.5 } },
        { id: "t3", title: "Do it", check: { kind: "magic" } },
        { id: "Bad id", title: "Do it", check: { kind: "dead-units", atLeast: 1 } },
      ],
    });
    expect(faults(bad)).toEqual([
      "Question 1: The question is too short.",
      "Question 1, choice 2: The choice is too short.",
      "Question 2: Answer must be a number.",
      "Question 2: The tolerance must be at least 0.",
      "Question 3: A question's kind is choice (multiple choice) or number (a numeric answer with a tolerance).",
      "Question 4: Give at least two choices.",
      "Question 4: The explanation shown after answering is too short.",
      "Task 1: The “at least” number must be at least 1.",
      "Task 2: The “at least” number must be at most 1.",
      "Task 3: A task's check.kind is one of gradient-ratio (within), dead-units (atLeast), kill-and-revive (kill, revive), accuracy (on, atLeast).",
      "Task 4: Id must be lower-case letters, digits and dashes, starting with a letter (at most 32).",
    ]);
  });

  it("applies the built-ins' rules across items: ids used once, the right choice among the choices", () => {
    const dup = customWith({ tasks: [{ ...CUSTOM.tasks[0], id: "q1" }] });
    expect(faults(dup)).toEqual(["The assignment: The id q1 is used twice: ids must be unique."]);
    const past = customWith({ questions: [{ ...CUSTOM.questions[0], answer: 2 }] });
    expect(faults(past)).toEqual(["Question 1: Question q1: answer: 2 but there are only 2 choices (counted from 0)."]);
  });

  it("reads a copy's envelope before its contents, with a message for each", () => {
    const fault = (json: unknown) => {
      const r = readCustomCopy(json);
      return r.ok ? "" : r.faults.join(" ");
    };
    expect(fault(null)).toMatch(/not an Activation Labs assignment/);
    expect(fault({ format: "activation-labs-report" })).toMatch(/not an Activation Labs assignment/);
    expect(fault({ ...teacherCopy(CUSTOM), version: 2 })).toMatch(/another version of this site/);
    expect(fault({ ...teacherCopy(CUSTOM), copy: "pupil" })).toMatch(/neither "teacher" nor "student"/);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(fault({ ...teacherCopy(CUSTOM), assignment: deep })).toMatch(/nested too deep/);
  });
});

describe("the students' copy", () => {
  it("with the answers shown is the teacher's assignment and the key's version", () => {
    const copy = studentCopy(CUSTOM);
    expect(copy.assignment).toEqual({ ...CUSTOM, version: keyVersion(CUSTOM) });
    expect(readCustomCopy(copy)).toEqual({ ok: true, copy });
  });

  it("with the answers withheld carries no answer, tolerance or explanation, only the key's version", () => {
    const copy = studentCopy(withheld);
    const text = JSON.stringify(copy);
    for (const secret of ['"answer"', '"tolerance"', '"toleranceKind"', '"explanation"', "exactly zero", "8 of 32"])
      expect(text).not.toContain(secret);
    expect(copy.assignment.questions).toEqual([
      { kind: "choice", id: "q1", prompt: CUSTOM.questions[0]!.prompt, choices: ["Yes", "No"] },
      { kind: "number", id: "q2", prompt: CUSTOM.questions[1]!.prompt, unit: "of 32 units" },
    ]);
    expect(copy.assignment.version).toBe(`${keyVersion(CUSTOM)}-w`);
    expect(readCustomCopy(JSON.parse(text))).toEqual({ ok: true, copy });
  });

  it("drops answers slipped into a copy that says they are withheld", () => {
    const copy = studentCopy(withheld);
    const tampered = structuredClone(copy) as unknown as { assignment: { questions: Record<string, unknown>[] } };
    tampered.assignment.questions[0]!.answer = 1;
    const read = readCustomCopy(tampered);
    expect(read.ok && JSON.stringify(read.copy)).not.toContain('"answer"');
  });

  it("refuses a copy that says its answers are shown but has none", () => {
    const copy = studentCopy(withheld);
    const read = readCustomCopy({ ...copy, assignment: { ...copy.assignment, answers: "shown" } });
    expect(read.ok ? [] : read.faults).toContain(
      "Question 1: Answer is the number of the right choice, counted from 0.",
    );
  });

  it("gets its version computed when it has the key, and keeps the teacher's when it has not", () => {
    const shown = studentCopy(CUSTOM);
    expect(asStudentAssignment({ ...shown, assignment: { ...shown.assignment, version: "00000000" } }).version).toBe(
      customVersion(CUSTOM),
    );
    expect(asStudentAssignment(studentCopy(withheld)).version).toBe(`${keyVersion(CUSTOM)}-w`);
  });
});

describe("grading a teacher-written assignment's reports", () => {
  const report = (correct: boolean, value: string, version: string): Report => ({
    format: "activation-labs-report",
    version: 2,
    assignment: { slug: CUSTOM.id, title: CUSTOM.title, version },
    student: "Ada",
    createdAt: "2025-01-01T00:00:00.000Z",
    answers: [
      { id: "q1", prompt: "", value, answer: `B: No`, correct, attempts: [{ value, at: "2025-01-01T00:00:00.000Z" }] },
      { id: "q2", prompt: "", value: "", answer: "", correct: false, attempts: [] },
    ],
    resets: [],
    tasks: [{ id: "t1", title: "", done: false, at: null, evidence: "", state: null }],
    labs: {},
    runs: {},
    score: { correct: correct ? 1 : 0, questions: 2, tasksDone: 0, tasks: 1 },
    checksum: "",
  });

  it("has the teacher's key under the assignment's id and version", () => {
    const key = customAnswerKey(teacherCopy(withheld));
    expect(key).toMatchObject({ slug: CUSTOM.id, version: `${keyVersion(CUSTOM)}-w`, withheld: true });
    expect(key.questions[0]).toEqual({
      kind: "choice",
      id: "q1",
      prompt: "Do dead layer-1 units come back under ReLU?",
      choices: ["Yes", "No"],
      answer: 1,
    });
  });

  it("grades a report made without the key: its answers marked wrong by the page are not a mismatch", () => {
    const graded = regrade(report(false, "1", customVersion(withheld)), customAnswerKey(teacherCopy(withheld)));
    expect(graded.score.correct).toBe(1);
    expect(graded.mismatches).toEqual([]);
  });

  it("still flags a report without the key that claims an answer right", () => {
    const graded = regrade(report(true, "1", customVersion(withheld)), customAnswerKey(teacherCopy(withheld)));
    expect(graded.mismatches).toContain("q1: marked right, but is not");
  });

  it("checks the claims of a report made with the key as for a built-in assignment", () => {
    const key = customAnswerKey(teacherCopy(CUSTOM));
    expect(key.withheld).toBe(false);
    expect(regrade(report(true, "1", customVersion(CUSTOM)), key).mismatches).toEqual([]);
    expect(regrade(report(false, "1", customVersion(CUSTOM)), key).mismatches).toContain(
      "q1: marked wrong, but is not",
    );
  });
});

describe("the lab's setup", () => {
  it("is the preset's settings with the fixed ones on top, and the preset's intro", () => {
    expect(labSetup(CUSTOM).settings).toMatchObject({ act: "relu", lr: 0.2, shock: "50", seed: 3 });
    expect(labSetup({ ...CUSTOM, preset: "negative-bias" }).intro).toMatch(/Every bias starts at −0.5/);
    expect(labSetup({ ...CUSTOM, preset: null, fixed: {} })).toEqual({ settings: {}, intro: undefined });
  });
});
