import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./checksum.ts";
import { ASSIGNMENT, state } from "./fixtures.ts";
import { emptyProgress } from "./progress.ts";
import { buildReport, reportFileName } from "./report.ts";
import { readReport } from "./report-reader.ts";

const progress = {
  ...emptyProgress("dying-relu"),
  student: "Ada Lovelace",
  answers: { q1: { value: "1", at: "2025-01-01T00:00:00.000Z" }, q2: { value: "12", at: "2025-01-01T00:00:00.000Z" } },
  tasks: { kill: { done: true, at: "2025-01-01T00:01:00.000Z", evidence: state({ deadUnits: 8 }) } },
  labs: { "dying-relu": state({ deadUnits: 8 }) },
};
const make = () =>
  buildReport("dying-relu", ASSIGNMENT, progress, (id) => `evidence for ${id}`, Date.parse("2025-01-02T00:00:00Z"));

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
  it("records answers readably, grades them and scores the tasks", async () => {
    const r = await make();
    expect(r.answers).toEqual([
      { id: "q1", prompt: ASSIGNMENT.questions[0]!.prompt, answer: "B: No", correct: true },
      { id: "q2", prompt: ASSIGNMENT.questions[1]!.prompt, answer: "12", correct: false },
    ]);
    expect(r.score).toEqual({ correct: 1, questions: 2, tasksDone: 1, tasks: 2 });
    expect(r.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(reportFileName(r)).toBe("dying-relu-ada-lovelace.json");
  });

  it("verifies an untouched report, whatever order its keys are in", async () => {
    const r = await make();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(r).reverse()), null, 2);
    expect((await readReport(reordered, "a.json")).status).toBe("verified");
  });

  it.each([
    [
      "a changed score",
      (r: Record<string, unknown>) => ({ ...r, score: { correct: 2, questions: 2, tasksDone: 2, tasks: 2 } }),
    ],
    [
      "a changed answer",
      (r: Record<string, unknown>) => ({
        ...r,
        answers: (r.answers as { correct: boolean }[]).map((a) => ({ ...a, correct: true })),
      }),
    ],
    ["an added field", (r: Record<string, unknown>) => ({ ...r, grade: "A" })],
  ])("flags %s as tampered, still showing it", async (_name, edit) => {
    const r = (await make()) as unknown as Record<string, unknown>;
    const result = await readReport(JSON.stringify(edit(r)), "b.json");
    expect(result.status).toBe("tampered");
    expect(result.status !== "invalid" && result.report.student).toBe("Ada Lovelace");
  });

  it("names the lab whose state is not a lab state", async () => {
    const r = { ...(await make()), labs: { "dying-relu": { ...state(), trainAccuracy: 2 } } };
    const result = await readReport(JSON.stringify(r), "d.json");
    expect(result.status === "invalid" && result.error).toMatch(/labs\.dying-relu is wrong/);
  });

  it.each([
    ["not JSON", "<html>", /not a JSON file/],
    ["another JSON file", '{"hello":1}', /not an Activation Labs report/],
    ["a huge file", " ".repeat(300_000), /too large/],
    ["a bad checksum field", JSON.stringify({ checksum: "md5-1" }), /not an Activation Labs report/],
  ])("rejects %s with a reason, without throwing", async (_name, text, error) => {
    const result = await readReport(text, "c.json");
    expect(result.status).toBe("invalid");
    expect(result.status === "invalid" && result.error).toMatch(error);
  });
});
