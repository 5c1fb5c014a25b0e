import { describe, expect, it } from "vitest";
import { AssignmentWork } from "./assignment.svelte.ts";
import { asStudentAssignment, customAnswerKey, customVersion, studentCopy, teacherCopy } from "./custom-assignment.ts";
import type { CustomAssignment } from "./custom-format.ts";
import { CUSTOM, MemoryStorage } from "./custom-fixtures.ts";
import { readReport } from "./report-reader.ts";

const withheld = { ...CUSTOM, answers: "withheld" as const };

/** A student's work on a teacher-written assignment, opened from its student copy. */
function work(a: CustomAssignment = withheld) {
  const spec = asStudentAssignment(studentCopy(a));
  const w = new AssignmentWork(spec.id, spec);
  w.load(new MemoryStorage());
  return w;
}

describe("a teacher-written assignment in the student's page and the teacher's", () => {
  it("without its key: answers are locked in but not judged, and the report claims none right", async () => {
    const w = work();
    const [choice, number] = w.spec.questions;
    expect(w.answer(choice!, "1")).toBe(true);
    expect(w.answer(number!, "9")).toBe(true);
    expect(w.correct(choice!)).toBeUndefined();
    const report = await w.report(Date.UTC(2025, 0, 1));
    expect(report.assignment).toEqual({
      slug: CUSTOM.id,
      title: CUSTOM.title,
      version: customVersion(withheld),
    });
    expect(report.answers.map((a) => [a.answer, a.correct])).toEqual([
      ["B: No", false],
      ["9 of 32 units", false],
    ]);
    expect(report.score.correct).toBe(0);
  });

  it("without its key: the teacher's file grades the report, which reads as unchanged and consistent", async () => {
    const w = work();
    w.answer(w.spec.questions[0]!, "1");
    w.answer(w.spec.questions[1]!, "20");
    const { text } = await w.reportFile(Date.UTC(2025, 0, 1));
    const keys = { [CUSTOM.id]: customAnswerKey(teacherCopy(withheld)) };
    const read = await readReport(text, "ada.json", keys);
    expect(read).toMatchObject({ status: "read", checksum: "unchanged" });
    if (read.status !== "read") return;
    expect(read.graded?.score).toMatchObject({ correct: 1, questions: 2 });
    expect(read.graded?.mismatches).toEqual([]);
  });

  it("with its key: the page says right or wrong at once, and the report is graded as a built-in's", async () => {
    const w = work(CUSTOM);
    w.answer(w.spec.questions[0]!, "1");
    expect(w.correct(w.spec.questions[0]!)).toBe(true);
    const read = await readReport((await w.reportFile()).text, "ada.json", {
      [CUSTOM.id]: customAnswerKey(teacherCopy(CUSTOM)),
    });
    expect(read).toMatchObject({ status: "read", graded: { score: { correct: 1 }, mismatches: [] } });
  });

  it("a report from the link without the key, read with a teacher's file that shows the answers, is another version: flagged, not graded", async () => {
    const w = work();
    const read = await readReport((await w.reportFile()).text, "ada.json", {
      [CUSTOM.id]: customAnswerKey(teacherCopy(CUSTOM)),
    });
    expect(read).toMatchObject({ status: "read", graded: null });
  });
});
