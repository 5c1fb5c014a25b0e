import { describe, expect, it } from "vitest";
import type { LabState } from "../../labs/index.ts";
import { AssignmentWork } from "./assignment.svelte.ts";
import { ASSIGNMENT, state } from "./fixtures.ts";
import { progressKey, type ProgressStorage } from "./progress.ts";
import { answerKey } from "./answer-key.ts";
import { readReport } from "./report-reader.ts";

function memoryStorage(): ProgressStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
const live = (over: Partial<LabState>): LabState => ({ ...(state() as LabState), ...over });
const SPEC = { ...ASSIGNMENT, version: answerKey("dying-relu", ASSIGNMENT).version };
const KEYS = { "dying-relu": answerKey("dying-relu", ASSIGNMENT) };
const [q1, q2] = ASSIGNMENT.questions as [(typeof ASSIGNMENT.questions)[0], (typeof ASSIGNMENT.questions)[0]];

describe("an assignment worked through", () => {
  it("locks answers, checks tasks from lab states, keeps it all across a reload and exports a verified report", async () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(storage);
    expect(work.answer(q1, "1")).toBe(true);
    expect(work.answer(q1, "0")).toBe(false); // locked in
    expect(work.answer(q2, "eight")).toBe(false); // unreadable: not locked
    expect(work.answer(q2, "7")).toBe(true);
    work.setStudent("Ada");
    let t = 0;
    // A lab's maxDeadUnits is the peak so far: the teacher's page checks the evidence against it.
    for (const [step, dead, peak] of [
      [100, 3, 3],
      [102, 8, 8],
      [400, 4, 8],
    ] as const) {
      work.labState(live({ step, deadUnits: dead, maxDeadUnits: peak }), (t += 2000));
    }
    work.labState(live({ lab: "vanishing-gradients", deadUnits: 0 })); // another lab: ignored
    expect(work.done("kill")).toBe(true);
    expect(work.done("revive")).toBe(true);
    expect(work.announcement).toMatch(/Task done/);

    const again = new AssignmentWork("dying-relu", SPEC);
    again.load(storage);
    expect(again.notice).toBeNull();
    expect(again.answerOf(q1)).toBe("1");
    expect(again.correct(q2)).toBe(true);
    expect(again.done("revive")).toBe(true);
    expect(again.progress.labs["dying-relu"]?.state.deadUnits).toBe(4);

    const report = await again.report(Date.parse("2025-03-01T00:00:00Z"));
    expect(report.score).toEqual({ correct: 2, questions: 2, tasksDone: 2, tasks: 2 });
    expect(report.tasks[0]?.evidence).toBe("8 of 32 units dead at step 102 (relu, learning rate 0.1)");
    const read = await readReport(JSON.stringify(report), "r.json", KEYS);
    expect(read).toMatchObject({ status: "read", checksum: "unchanged", graded: { mismatches: [] } });
  });

  it("gives defaults and a notice for tampered storage; reset erases the answers but not their history", async () => {
    const storage = memoryStorage();
    storage.setItem(progressKey("dying-relu"), '{"version":1,"answers":"__proto__"}');
    const work = new AssignmentWork("dying-relu", SPEC);
    expect(() => work.load(storage)).not.toThrow();
    expect(work.notice).toMatch(/changed outside this page/);
    expect(work.progress.answers).toEqual({});
    work.answer(q1, "0", Date.parse("2025-01-01T10:00:00Z"));
    work.reset(Date.parse("2025-01-01T10:01:00Z"));
    expect(work.answerOf(q1)).toBeUndefined();
    expect(work.answer(q1, "1", Date.parse("2025-01-01T10:02:00Z"))).toBe(true);
    const again = new AssignmentWork("dying-relu", SPEC);
    again.load(storage);
    const report = await again.report();
    expect(report.answers[0]?.attempts.map((a) => a.value)).toEqual(["0", "1"]);
    expect(report.resets).toEqual(["2025-01-01T10:01:00.000Z"]);
  });

  it("two tabs on one storage keep each other's answers, and a tab takes in the other's saves", () => {
    const storage = memoryStorage();
    const [a, b] = [new AssignmentWork("dying-relu", SPEC), new AssignmentWork("dying-relu", SPEC)];
    a.load(storage);
    b.load(storage);
    a.answer(q1, "1", 1000);
    b.answer(q2, "8", 2000); // b never saw q1: its save must not erase it
    b.setStudent("Ada\u202e", 3000);
    expect(a.answerOf(q2)).toBeUndefined();
    a.sync(storage.getItem(progressKey("dying-relu")));
    expect([a.answerOf(q1), a.answerOf(q2), a.progress.student]).toEqual(["1", "8", "Ada"]);
    const fresh = new AssignmentWork("dying-relu", SPEC);
    fresh.load(storage);
    expect([fresh.answerOf(q1), fresh.answerOf(q2)]).toEqual(["1", "8"]);
  });

  it("with no storage, says it is not saving and keeps the answers for the report", async () => {
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(null);
    expect(work.saving).toBe(false);
    work.answer(q1, "1");
    expect((await work.report()).score.correct).toBe(1);
  });

  it("stores a diverged lab's NaN as null, so saved progress stays readable", () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(storage);
    work.labState(live({ status: "diverged", trainLoss: Number.NaN, firstGradient: Number.POSITIVE_INFINITY }), 5000);
    const again = new AssignmentWork("dying-relu", SPEC);
    again.load(storage);
    expect(again.notice).toBeNull();
    expect(again.progress.labs["dying-relu"]?.state).toMatchObject({
      status: "diverged",
      trainLoss: null,
      firstGradient: null,
    });
  });
});
