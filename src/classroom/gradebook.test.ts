import { describe, expect, it } from "vitest";
import { answerKey, keyBook } from "./answer-key.ts";
import { ASSIGNMENT, state } from "./fixtures.ts";
import { buildGradebook, shownRows, type GradebookTable } from "./gradebook.ts";
import { csvCell, gradebookCsv } from "./gradebook-csv.ts";
import { emptyProgress, type Progress } from "./progress.ts";
import { buildReport } from "./report.ts";
import { readReport, type ReadReport } from "./report-reader.ts";

const T = "2025-01-01T00:00:00.000Z";
const KEY = answerKey("dying-relu", ASSIGNMENT);
const BOOK = keyBook({ "dying-relu": KEY });

/** A report read back by the teacher's page, for a student's answers to q1 and q2. */
async function reportOf(student: string, q1: string, q2: string, file: string, made = 0): Promise<ReadReport> {
  const progress: Progress = {
    ...emptyProgress("dying-relu"),
    student,
    answers: { q1: { value: q1, at: T }, q2: { value: q2, at: T } },
    attempts: { q1: [{ value: q1, at: T }], q2: [{ value: q2, at: T }] },
    tasks: { kill: { done: true, at: T, evidence: state({ deadUnits: 8, maxDeadUnits: 8 }) } },
    labs: { "dying-relu": { state: state({ step: 300, trainLoss: 0.2011, trainAccuracy: 0.94 }), at: T } },
  };
  const spec = { ...ASSIGNMENT, version: KEY.version };
  const report = await buildReport("dying-relu", spec, progress, () => "", Date.parse(T) + made);
  const read = await readReport(JSON.stringify(report), file, BOOK);
  if (read.status !== "read") throw new Error(read.error);
  return read;
}

async function classOf(...reads: Promise<ReadReport>[]): Promise<GradebookTable> {
  const tables = buildGradebook(
    (await Promise.all(reads)).map((read, key) => ({ key, read })),
    BOOK,
  );
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe("the gradebook", () => {
  it("has a column per question and task, headed by its text, and a row per report graded by this page", async () => {
    const table = await classOf(reportOf("Ada", "1", "8", "ada.json"), reportOf("Grace", "0", "20", "grace.json", 1));
    expect(table.columns.map((c) => c.label)).toEqual([
      "Do dead layer-1 units come back under ReLU?",
      "How many units are dead after the shock?",
      "Make at least six units die.",
      "Kill six, then revive three.",
    ]);
    const [ada, grace] = table.rows;
    expect(ada!.cells).toEqual([
      { text: "B: No", ok: true },
      { text: "8", ok: true },
      { text: "done", ok: true },
      { text: "not done", ok: false },
    ]);
    expect(grace!.cells.slice(0, 2)).toEqual([
      { text: "A: Yes", ok: false },
      { text: "20", ok: false },
    ]);
    expect([ada!.correct, grace!.correct, ada!.tasksDone]).toEqual([2, 0, 1]);
    expect(ada!.labs).toEqual(["step 300, loss 0.2011, training accuracy 94%, test accuracy 88%"]);
    expect(ada!.flags).toEqual([]);
  });

  it("flags the same student twice and the same file twice, naming the other file", async () => {
    const ada = reportOf("Ada Lovelace", "1", "8", "ada.json");
    const table = await classOf(
      ada,
      ada.then((r) => ({ ...r, file: "ada (1).json" })),
      reportOf(" ada  lovelace", "0", "8", "ada-2.json", 5),
    );
    expect(table.rows.map((r) => r.flags)).toEqual([
      ["the same file twice (also ada (1).json)", "the same student twice (also ada-2.json)"],
      ["the same file twice (also ada.json)", "the same student twice (also ada-2.json)"],
      ["the same student twice (also ada.json, ada (1).json)"],
    ]);
  });

  it("flags a report of another version, and neither grades it nor counts its claims", async () => {
    const old = await reportOf("Ada", "1", "8", "ada.json");
    const other: ReadReport = { ...old, graded: null };
    const table = await classOf(Promise.resolve(other));
    expect(table.rows[0]!.flags).toEqual(["made for another version of this assignment: not graded"]);
    expect(table.rows[0]!.cells.map((c) => c.ok)).toEqual([null, null, null, null]);
    expect(table.rows[0]!.correct).toBeNull();
  });

  it("sorts by name, score or time made, and filters by name and by what needs a look", async () => {
    const table = await classOf(
      reportOf("grace", "0", "20", "g.json", 2),
      reportOf("Ada", "1", "8", "a.json", 3),
      reportOf("Émile", "1", "20", "e.json", 1),
    );
    const names = (sort: Parameters<typeof shownRows>[1], student = "", flaggedOnly = false) =>
      shownRows(table, sort, { student, flaggedOnly }).map((r) => r.student);
    expect(names("imported")).toEqual(["grace", "Ada", "Émile"]);
    expect(names("student")).toEqual(["Ada", "Émile", "grace"]);
    expect(names("score")).toEqual(["Ada", "Émile", "grace"]);
    expect(names("made")).toEqual(["Émile", "grace", "Ada"]);
    expect(names("imported", "  GRA")).toEqual(["grace"]);
    expect(names("imported", "", true)).toEqual([]);
  });
});

describe("the gradebook as CSV", () => {
  it("makes a cell that could be a formula inert, and quotes commas, quotes and line breaks", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    for (const start of ["+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(start).replace(/^"/, "")[0]).toBe("'");
    expect(csvCell("Lovelace, Ada")).toBe('"Lovelace, Ada"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(null)).toBe("");
  });

  it("is UTF-8 with a byte-order mark, one header row, a row per report and ISO times", async () => {
    const table = await classOf(
      reportOf("=cmd|' /C calc'!A0", "1", "8", "evil.json"),
      reportOf("Zoë", "0", "8", "z.json", 1),
    );
    const csv = gradebookCsv(table);
    expect(csv.startsWith("\uFEFFAssignment,Version,Student,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("Do dead layer-1 units come back under ReLU?,");
    expect(lines[0]).toContain("Task: Make at least six units die.");
    expect(lines[1]).toContain(`,'=cmd|' /C calc'!A0,2,2,1,2,B: No,8,done,not done,`);
    expect(lines[1]).toContain(",2025-01-01T00:00:00.000Z,sha256-");
    expect(lines[2]).toContain(",Zoë,");
  });
});
