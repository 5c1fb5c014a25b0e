import { describe, expect, it } from "vitest";
import { answerKey } from "./answer-key.ts";
import { canonicalJson, sha256Hex } from "./checksum.ts";
import { ASSIGNMENT, state } from "./fixtures.ts";
import { emptyProgress } from "./progress.ts";
import { buildReport, reportFileName, type Report } from "./report.ts";
import { readReport, type ImportedReport } from "./report-reader.ts";

const T = "2025-01-01T00:00:00.000Z";
const KEY = answerKey("dying-relu", ASSIGNMENT);
const KEYS = { "dying-relu": KEY };
const progress = {
  ...emptyProgress("dying-relu"),
  student: "Ada Lovelace",
  answers: { q1: { value: "1", at: T }, q2: { value: "12", at: T } },
  attempts: { q1: [{ value: "1", at: T }], q2: [{ value: "12", at: T }] },
  tasks: { kill: { done: true, at: "2025-01-01T00:01:00.000Z", evidence: state({ deadUnits: 8, maxDeadUnits: 8 }) } },
  labs: { "dying-relu": { state: state({ deadUnits: 8 }), at: T } },
};
const make = () =>
  buildReport(
    "dying-relu",
    { ...ASSIGNMENT, version: KEY.version },
    progress,
    (id) => `evidence for ${id}`,
    Date.parse("2025-01-02T00:00:00Z"),
  );

/** A report edited, then resealed with a recomputed checksum, as anyone can. */
async function forged(edit: (r: Report) => Report): Promise<string> {
  const { checksum: _old, ...body } = edit(await make());
  return JSON.stringify({ ...body, checksum: `sha256-${await sha256Hex(canonicalJson(body))}` });
}
const read = (text: string): Promise<ImportedReport> => readReport(text, "r.json", KEYS);
const mismatches = (r: ImportedReport) => (r.status === "read" ? (r.graded?.mismatches ?? ["not graded"]) : [r.error]);

describe("canonical JSON and SHA-256", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: null }], n: Number.NaN })).toBe(
      '{"a":[{"d":2,"e":null}],"b":1,"n":null}',
    );
  });
  it("matches the published SHA-256 of 'abc'", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("report", () => {
  it("records answers readably and raw, with their attempts, grades them and scores the tasks", async () => {
    const r = await make();
    expect(r.answers).toEqual([
      {
        id: "q1",
        prompt: ASSIGNMENT.questions[0]!.prompt,
        value: "1",
        answer: "B: No",
        correct: true,
        attempts: [{ value: "1", at: T }],
      },
      {
        id: "q2",
        prompt: ASSIGNMENT.questions[1]!.prompt,
        value: "12",
        answer: "12",
        correct: false,
        attempts: [{ value: "12", at: T }],
      },
    ]);
    expect(r.score).toEqual({ correct: 1, questions: 2, tasksDone: 1, tasks: 2 });
    expect(r.assignment.version).toMatch(/^[0-9a-f]{8}$/);
    expect(r.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(reportFileName(r)).toBe("dying-relu-ada-lovelace.json");
  });

  it("reads an untouched report, whatever order its keys are in, as unchanged and consistent", async () => {
    const r = await make();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(r).reverse()), null, 2);
    const result = await read(reordered);
    expect(result).toMatchObject({ status: "read", checksum: "unchanged", graded: { mismatches: [] } });
    expect(result.status === "read" && result.graded?.score).toEqual(r.score);
  });

  it.each([
    ["a changed score", (r: Report) => ({ ...r, score: { correct: 2, questions: 2, tasksDone: 2, tasks: 2 } })],
    ["a changed mark", (r: Report) => ({ ...r, answers: r.answers.map((a) => ({ ...a, correct: true })) })],
    ["an added field", (r: Report) => ({ ...r, grade: "A" })],
  ])("flags %s as edited after export, still showing it", async (_name, edit) => {
    const r = await make();
    const result = await read(JSON.stringify(edit(r)));
    expect(result).toMatchObject({ status: "read", checksum: "edited", report: { student: "Ada Lovelace" } });
  });

  it("names the lab whose state is not a lab state", async () => {
    const r = { ...(await make()), labs: { "dying-relu": { ...state(), trainAccuracy: 2 } } };
    const result = await read(JSON.stringify(r));
    expect(result.status === "invalid" && result.error).toMatch(/labs\.dying-relu: not a lab state/);
  });

  it.each([
    ["not JSON", "<html>", /not a JSON file/],
    ["another JSON file", '{"hello":1}', /not an Activation Labs report/],
    ["a huge file", " ".repeat(300_000), /too large/],
    ["a bad checksum field", JSON.stringify({ checksum: "md5-1" }), /not an Activation Labs report/],
  ])("rejects %s with a reason, without throwing", async (_name, text, error) => {
    const result = await read(text);
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.error).toMatch(error);
  });
});

describe("runs in reports (format 3), and reports from before them (format 2)", () => {
  const run = {
    settings: { act: "relu", lr: 0.1 },
    changes: [{ step: 100, type: "shock" as const, lr: 50 }],
    step: 100,
  };
  const withRun = () =>
    buildReport(
      "dying-relu",
      { ...ASSIGNMENT, version: KEY.version },
      { ...progress, labs: { "dying-relu": { state: state(), at: T, run: { ...run, current: run.settings } } } },
      () => "",
      0,
    );

  it("carries the run behind each lab's numbers, and reads it back", async () => {
    const report = await withRun();
    expect(report.runs).toEqual({ "dying-relu": run });
    const result = await read(JSON.stringify(report));
    expect(result).toMatchObject({ status: "read", checksum: "unchanged", runProblems: {} });
    expect(result.status === "read" && result.report.runs).toEqual({ "dying-relu": run });
  });

  it("reads a format-2 report, graded as before, its labs marked as not replayable", async () => {
    const { runs: _runs, checksum: _c, ...body } = { ...(await make()), version: 2 as const };
    const v2 = { ...body, checksum: `sha256-${await sha256Hex(canonicalJson(body))}` };
    const result = await read(JSON.stringify(v2));
    expect(result).toMatchObject({
      status: "read",
      checksum: "unchanged",
      runProblems: { "dying-relu": "made before reports carried their run" },
      graded: { mismatches: [] },
    });
  });

  it("a run that is not one is a reason it cannot be replayed, not a refused report", async () => {
    const text = await forged((r) => ({ ...r, runs: { "dying-relu": { ...run, step: 1e9 } } }));
    const result = await read(text);
    expect(result.status).toBe("read");
    expect(result.status === "read" && result.runProblems["dying-relu"]).toMatch(/^the run's step is not/);
    const none = await read(JSON.stringify(await make()));
    expect(none.status === "read" && none.runProblems).toEqual({
      "dying-relu": "its run was not kept (more changes than a run keeps, or a lab that trains several runs at once)",
    });
  });
});

describe("a forged report, resealed with a recomputed checksum, is graded by the page's own key", () => {
  it("every answer marked right and every task ticked: the page's own score, and why not", async () => {
    const result = await read(
      await forged((r) => ({
        ...r,
        answers: r.answers.map((a) => ({ ...a, correct: true })),
        tasks: r.tasks.map((t) => ({ ...t, done: true })),
        score: { correct: 2, questions: 2, tasksDone: 2, tasks: 2 },
      })),
    );
    expect(result).toMatchObject({ status: "read", checksum: "unchanged" });
    expect(result.status === "read" && result.graded?.score).toEqual({
      correct: 1,
      questions: 2,
      tasksDone: 1,
      tasks: 2,
    });
    expect(mismatches(result)).toEqual([
      "q2: marked right, but is not",
      "task revive: marked done, but its lab state does not show it",
      "its score says 2 / 2; its answers give 1 / 2",
      "its tasks say 2 / 2 done; its lab states show 1 / 2",
    ]);
  });

  it("a score of 999", async () => {
    const result = await read(await forged((r) => ({ ...r, score: { ...r.score, correct: 999 } })));
    expect(mismatches(result)).toEqual(["its score says 999 / 2; its answers give 1 / 2"]);
  });

  it("a task ticked with a lab state that does not show it", async () => {
    const weak = state({ deadUnits: 2, maxDeadUnits: 2 });
    const result = await read(await forged((r) => ({ ...r, tasks: r.tasks.map((t) => ({ ...t, state: weak })) })));
    expect(mismatches(result)[0]).toBe("task kill: marked done, but its lab state does not show it");
  });

  it("an answer shown as another", async () => {
    const result = await read(
      await forged((r) => ({ ...r, answers: r.answers.map((a) => ({ ...a, answer: "A: Yes" })) })),
    );
    expect(mismatches(result)).toContain("q1: the answer shown is not the answer given");
  });

  it("an assignment this site does not have is refused; another version of it is read, flagged and not graded", async () => {
    const unknown = await read(await forged((r) => ({ ...r, assignment: { ...r.assignment, slug: "magic" } })));
    expect(unknown).toMatchObject({ status: "invalid", error: expect.stringMatching(/does not have \("magic"\)/) });
    const proto = await read(await forged((r) => ({ ...r, assignment: { ...r.assignment, slug: "toString" } })));
    expect(proto.status).toBe("invalid");
    const older = await read(await forged((r) => ({ ...r, assignment: { ...r.assignment, version: "00000000" } })));
    expect(older).toMatchObject({
      status: "read",
      graded: null,
      assignment: { slug: "dying-relu", title: "Dying ReLU", version: KEY.version },
    });
    const v1 = await read(await forged((r) => ({ ...r, version: 1 }) as unknown as Report));
    expect(v1).toMatchObject({ status: "invalid", error: expect.stringMatching(/another version of this site/) });
  });
});
