import { describe, expect, it } from "vitest";
import type { LabState } from "../../labs/index.ts";
import { AssignmentWork } from "./assignment.svelte.ts";
import { ASSIGNMENT, state } from "./fixtures.ts";
import { progressKey, type ProgressStorage } from "./progress.ts";
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
const [q1, q2] = ASSIGNMENT.questions as [(typeof ASSIGNMENT.questions)[0], (typeof ASSIGNMENT.questions)[0]];

describe("an assignment worked through", () => {
  it("locks answers, checks tasks from lab states, keeps it all across a reload and exports a verified report", async () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", ASSIGNMENT);
    work.load(storage);
    expect(work.answer(q1, "1")).toBe(true);
    expect(work.answer(q1, "0")).toBe(false); // locked in
    expect(work.answer(q2, "eight")).toBe(false); // unreadable: not locked
    expect(work.answer(q2, "7")).toBe(true);
    work.setStudent("Ada");
    let t = 0;
    for (const [step, dead] of [
      [100, 3],
      [102, 8],
      [400, 4],
    ] as const) {
      work.labState(live({ step, deadUnits: dead }), (t += 2000));
    }
    work.labState(live({ lab: "vanishing-gradients", deadUnits: 0 })); // another lab: ignored
    expect(work.done("kill")).toBe(true);
    expect(work.done("revive")).toBe(true);
    expect(work.announcement).toMatch(/Task done/);

    const again = new AssignmentWork("dying-relu", ASSIGNMENT);
    again.load(storage);
    expect(again.notice).toBeNull();
    expect(again.answerOf(q1)).toBe("1");
    expect(again.correct(q2)).toBe(true);
    expect(again.done("revive")).toBe(true);
    expect(again.progress.labs["dying-relu"]?.deadUnits).toBe(4);

    const report = await again.report(Date.parse("2025-03-01T00:00:00Z"));
    expect(report.score).toEqual({ correct: 2, questions: 2, tasksDone: 2, tasks: 2 });
    expect(report.tasks[0]?.evidence).toBe("8 of 32 units dead at step 102 (relu, learning rate 0.1)");
    expect((await readReport(JSON.stringify(report), "r.json")).status).toBe("verified");
  });

  it("gives defaults and a notice for tampered storage, and reset erases it", () => {
    const storage = memoryStorage();
    storage.setItem(progressKey("dying-relu"), '{"version":1,"answers":"__proto__"}');
    const work = new AssignmentWork("dying-relu", ASSIGNMENT);
    expect(() => work.load(storage)).not.toThrow();
    expect(work.notice).toMatch(/changed outside this page/);
    expect(work.progress.answers).toEqual({});
    work.answer(q1, "0");
    work.reset();
    expect(storage.map.size).toBe(0);
    expect(work.answerOf(q1)).toBeUndefined();
  });

  it("stores a diverged lab's NaN as null, so saved progress stays readable", () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", ASSIGNMENT);
    work.load(storage);
    work.labState(live({ status: "diverged", trainLoss: Number.NaN, firstGradient: Number.POSITIVE_INFINITY }), 5000);
    const again = new AssignmentWork("dying-relu", ASSIGNMENT);
    again.load(storage);
    expect(again.notice).toBeNull();
    expect(again.progress.labs["dying-relu"]).toMatchObject({
      status: "diverged",
      trainLoss: null,
      firstGradient: null,
    });
  });
});
