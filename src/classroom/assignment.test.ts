import { describe, expect, it, vi } from "vitest";
import type { LabEvent, LabState } from "../../labs/index.ts";
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
    await work.loadFollower();
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
      work.labState(live({ step, deadUnits: dead, maxDeadUnits: peak }), null, (t += 2000));
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
    expect(report.tasks[0]?.evidence).toBe("completed at step 102: 8 of 32 units dead");
    expect(report.tasks[1]?.evidence).toBe("completed at step 400: 8 → 4 dead (learning rate 0.1)");
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

  it("stores a diverged lab's NaN as null, so saved progress stays readable", async () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(storage);
    await work.loadFollower();
    work.labState(
      live({ status: "diverged", trainLoss: Number.NaN, firstGradient: Number.POSITIVE_INFINITY }),
      null,
      5000,
    );
    const again = new AssignmentWork("dying-relu", SPEC);
    again.load(storage);
    expect(again.notice).toBeNull();
    expect(again.progress.labs["dying-relu"]?.state).toMatchObject({
      status: "diverged",
      trainLoss: null,
      firstGradient: null,
    });
  });

  it("saves a lab's state at once when its status changes (a pause), and at most once a second while it runs", async () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(storage);
    await work.loadFollower();
    const saved = () => JSON.parse(storage.map.get(progressKey("dying-relu"))!).labs["dying-relu"].state;
    vi.useFakeTimers();
    work.labState(live({ step: 10, status: "running" }), null, 5000);
    work.labState(live({ step: 20, status: "running" }), null, 5100);
    expect(saved()).toMatchObject({ step: 10, status: "running" });
    work.labState(live({ step: 21, status: "paused" }), null, 5200);
    expect(saved()).toMatchObject({ step: 21, status: "paused" });
    // The settled snapshot after the pause, with nothing after it: saved a moment later all the same.
    work.labState(live({ step: 24, status: "paused" }), null, 5300);
    expect(saved()).toMatchObject({ step: 21 });
    vi.advanceTimersByTime(1000);
    expect(saved()).toMatchObject({ step: 24, status: "paused" });
    // Or at once, when the page goes away first.
    work.labState(live({ step: 25, status: "paused" }), null, 5400);
    expect(saved()).toMatchObject({ step: 24 });
    work.flush();
    expect(saved()).toMatchObject({ step: 25 });
    vi.useRealTimers();
  });

  it("after a reload, hands the lab its saved run and keeps the saved state until the replayed run is back", async () => {
    const storage = memoryStorage();
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(storage);
    await work.loadFollower();
    const run = { settings: { act: "relu" }, changes: [], step: 463, current: { act: "relu" } };
    work.labState(live({ step: 463, trainLoss: 0.12, trainAccuracy: 0.97, maxDeadUnits: 9 }), run, 1000);

    const again = new AssignmentWork("dying-relu", SPEC);
    again.load(storage);
    expect(again.wantsRestore("vanishing-gradients")).toBe(false);
    expect(again.wantsRestore("dying-relu")).toBe(true);
    const asked: unknown[] = [];
    let replayed = false;
    const restoring = again.restoreWith("dying-relu", async (r) => {
      asked.push(r);
      return null;
    });
    await again.loadFollower();
    // The lab's usual start, before it says it replays (even with a run): not taken in.
    again.labState(live({ step: 100, trainLoss: 0.3, trainAccuracy: 0.87 }), { ...run, step: 100 }, 1500);
    await restoring;
    replayed = true;
    expect(asked).toEqual([{ settings: run.settings, changes: [], step: 463, current: run.current }]);
    // The old picture (no run) while the lab replays: not taken in.
    again.labState(live({ step: 100, trainLoss: 0.3, trainAccuracy: 0.87 }), null, 2000);
    expect(again.progress.labs["dying-relu"]?.state).toMatchObject({ step: 463, trainAccuracy: 0.97 });
    // The replayed run, at its step: taken in, and the lab is followed as usual from then on.
    again.labState(live({ step: 463, trainLoss: 0.12, trainAccuracy: 0.97 }), run, 3000);
    expect(again.notice).toBeNull();
    again.labState(live({ step: 470, trainLoss: 0.11 }), { ...run, step: 470 }, 4000);
    expect(again.progress.labs["dying-relu"]?.state.step).toBe(470);
    expect(replayed).toBe(true);
  });

  it("says so when the saved run cannot be shown again, or replays to other numbers", async () => {
    const run = { settings: { act: "relu" }, changes: [], step: 463, current: { act: "relu" } };
    const saved = async (keptRun: unknown = run) => {
      const storage = memoryStorage();
      const work = new AssignmentWork("dying-relu", SPEC);
      work.load(storage);
      await work.loadFollower();
      work.labState(live({ step: 463, trainLoss: 0.12 }), keptRun as typeof run, 1000);
      return storage;
    };

    const refused = new AssignmentWork("dying-relu", SPEC);
    refused.load(await saved());
    refused.wantsRestore("dying-relu");
    await refused.restoreWith("dying-relu", async () => "seed is set by this page to another value.");
    expect(refused.notice).toMatch(/could not be shown again: seed is set by this page/);
    refused.labState(live({ step: 100 }), { ...run, step: 100 }, 2000);
    expect(refused.progress.labs["dying-relu"]?.state.step).toBe(100);

    const unreadable = new AssignmentWork("dying-relu", SPEC);
    unreadable.load(await saved({ ...run, step: -1 }));
    unreadable.wantsRestore("dying-relu");
    await unreadable.restoreWith("dying-relu", async () => null);
    expect(unreadable.notice).toMatch(/could not be shown again: it could not be read/);

    const other = new AssignmentWork("dying-relu", SPEC);
    other.load(await saved());
    other.wantsRestore("dying-relu");
    await other.restoreWith("dying-relu", async () => null);
    other.labState(live({ step: 463, trainLoss: 0.5 }), run, 3000);
    expect(other.notice).toMatch(/shows step 463 and loss 0.5, not step 463 and loss 0.12/);
  });

  it("the report carries each lab's run, and the print and a download after it are the same report", async () => {
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(memoryStorage());
    await work.loadFollower();
    const run = {
      settings: { act: "relu" },
      changes: [{ step: 100, type: "shock" as const, lr: 50 }],
      step: 150,
      current: { act: "leaky-relu" },
    };
    work.labState(live({ step: 150 }), run, 1000);
    const printed = await work.refreshReport(Date.parse("2025-03-01T00:00:00Z"));
    expect(printed.version).toBe(3);
    expect(printed.runs).toEqual({ "dying-relu": { settings: run.settings, changes: run.changes, step: 150 } });
    const file = await work.reportFile(Date.parse("2025-03-01T00:05:00Z"));
    expect(JSON.parse(file.text)).toEqual(printed);
    work.answer(q1, "1", Date.parse("2025-03-01T00:06:00Z"));
    const changed = await work.refreshReport(Date.parse("2025-03-01T00:07:00Z"));
    expect(changed.checksum).not.toBe(printed.checksum);
    expect(work.handIn).toBe(changed);
  });

  it("lab events that arrive before the follower has loaded are taken in, in order, once it has", async () => {
    const work = new AssignmentWork("dying-relu", SPEC);
    work.load(memoryStorage());
    /** A lab-state event whose snapshot has two hidden layers of 16 with `dead` dead units in all. */
    const event = (step: number, dead: number): LabEvent => ({
      lab: "dying-relu",
      status: "paused",
      snapshot: {
        step,
        learningRate: 0.1,
        hidden: "relu",
        alpha: 0.2,
        trainLoss: 0.3,
        trainAccuracy: 0.9,
        testAccuracy: 0.88,
        layers: [
          { units: 16, deadUnits: dead, gradNormW: 0.01 },
          { units: 16, deadUnits: 0, gradNormW: 0.02 },
          { units: 1, deadUnits: 0, gradNormW: 0.05 },
        ],
      } as never,
      settings: { act: "relu" },
      record: { spec: {} as never, changes: [], step },
      runSettings: { act: "relu" },
    });
    for (const [step, dead] of [
      [100, 3],
      [101, 8],
      [300, 4],
    ] as const)
      work.labEvent(event(step, dead), step * 10);
    expect(work.done("kill")).toBe(false);
    await work.loadFollower();
    expect(work.done("kill")).toBe(true);
    expect(work.done("revive")).toBe(true);
    expect(work.progress.tasks.revive?.note).toBe("completed at step 300: 8 → 4 dead (learning rate 0.1)");
    expect(work.progress.labs["dying-relu"]).toMatchObject({
      state: { step: 300, maxDeadUnits: 8 },
      run: { step: 300 },
    });
  });
});
