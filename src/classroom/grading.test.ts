import { describe, expect, it } from "vitest";
import { acceptedRange, answerText, isAnswerable, isCorrect, parseAnswerNumber } from "./grading.ts";
import type { Question } from "./assignment-schema.ts";
import { testAssignmentSchema } from "./fixtures.ts";

type NumberQuestion = Extract<Question, { kind: "number" }>;

const relative = testAssignmentSchema.parse({
  title: "Tolerance",
  summary: "A relative tolerance question.",
  lesson: "x",
  lab: "vanishing-gradients",
  questions: [
    {
      kind: "number",
      id: "r",
      prompt: "Ratio?",
      answer: 1000,
      tolerance: 0.5,
      toleranceKind: "relative",
      unit: "×",
      explanation: "About 10³.",
    },
  ],
}).questions[0] as NumberQuestion;
const choice: Question = {
  kind: "choice",
  id: "c",
  prompt: "Which?",
  choices: ["a", "b", "c"],
  answer: 2,
  explanation: "c",
} as const;
const absolute: NumberQuestion = {
  kind: "number",
  id: "n",
  prompt: "How many?",
  answer: 8,
  tolerance: 2,
  toleranceKind: "absolute",
  explanation: "8",
};

describe("parseAnswerNumber", () => {
  it.each([
    ["0.5", 0.5],
    [" -2 ", -2],
    ["1e3", 1000],
    ["1 000", 1000],
    ["0,5", 0.5],
    [".25", 0.25],
  ])("reads %j as %d", (raw, value) => expect(parseAnswerNumber(raw)).toBe(value));

  it.each(["", "abc", "0x10", "1e309", "Infinity", "NaN", "1,000,000", "2-3", "1".repeat(40)])("refuses %j", (raw) =>
    expect(parseAnswerNumber(raw)).toBeNull(),
  );
});

describe("isCorrect", () => {
  it("checks a choice by its index only", () => {
    expect(isCorrect(choice, "2")).toBe(true);
    expect(isCorrect(choice, "1")).toBe(false);
    expect(isCorrect(choice, "2.0")).toBe(false);
    expect(isAnswerable(choice, "3")).toBe(false);
  });

  it("accepts numbers within an absolute tolerance, edges included", () => {
    expect(acceptedRange(absolute)).toEqual([6, 10]);
    expect(["6", "8", "10", "9,5"].map((v) => isCorrect(absolute, v))).toEqual([true, true, true, true]);
    expect(["5.99", "10.01", "eight"].map((v) => isCorrect(absolute, v))).toEqual([false, false, false]);
  });

  it("accepts numbers within a relative tolerance", () => {
    expect(acceptedRange(relative)).toEqual([500, 1500]);
    expect(isCorrect(relative, "1e3")).toBe(true);
    expect(isCorrect(relative, "1501")).toBe(false);
    expect(answerText(relative)).toBe("1000 × (±50%)");
    expect(answerText(choice)).toBe("C: c");
  });
});
