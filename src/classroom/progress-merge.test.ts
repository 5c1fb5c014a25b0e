import { describe, expect, it } from "vitest";
import { bounded, mergeProgress } from "./progress-merge.ts";
import { emptyProgress, type Progress } from "./progress-schema.ts";
import { state } from "./fixtures.ts";

const at = (minute: number) => `2025-01-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const base = (over: Partial<Progress>): Progress => ({ ...emptyProgress("dying-relu"), ...over });

describe("merging two tabs' progress item by item", () => {
  it("keeps the answers of both tabs, the newer where both answered, and joins the histories", () => {
    const a = base({
      answers: { q1: { value: "1", at: at(0) }, q2: { value: "5", at: at(1) } },
      attempts: { q1: [{ value: "1", at: at(0) }], q2: [{ value: "5", at: at(1) }] },
    });
    const b = base({
      answers: { q2: { value: "8", at: at(5) } },
      attempts: { q2: [{ value: "8", at: at(5) }] },
      student: "Ada",
      studentAt: at(2),
    });
    const merged = mergeProgress(a, b);
    expect(merged.answers).toEqual({ q1: { value: "1", at: at(0) }, q2: { value: "8", at: at(5) } });
    expect(merged.attempts.q2).toEqual([
      { value: "5", at: at(1) },
      { value: "8", at: at(5) },
    ]);
    expect(merged.student).toBe("Ada");
    expect(mergeProgress(b, a)).toEqual({ ...merged, updatedAt: merged.updatedAt });
  });

  it("a reset in one tab removes the other tab's older items, but keeps the attempts", () => {
    const stale = base({
      answers: { q1: { value: "0", at: at(0) } },
      attempts: { q1: [{ value: "0", at: at(0) }] },
      tasks: { kill: { done: true, at: at(1), evidence: state() } },
      labs: { "dying-relu": { state: state(), at: at(1) } },
      student: "Ada",
      studentAt: at(0),
    });
    const reset = base({ attempts: { q1: [{ value: "0", at: at(0) }] }, resets: [at(3)] });
    const merged = mergeProgress(stale, reset);
    expect(merged.answers).toEqual({});
    expect(merged.tasks).toEqual({});
    expect(merged.labs).toEqual({});
    expect(merged.student).toBe("");
    expect(merged.attempts.q1).toEqual([{ value: "0", at: at(0) }]);
    expect(merged.resets).toEqual([at(3)]);
    const after = base({ answers: { q1: { value: "1", at: at(4) } }, attempts: { q1: [{ value: "1", at: at(4) }] } });
    expect(mergeProgress(after, merged).answers).toEqual({ q1: { value: "1", at: at(4) } });
  });

  it("bounds a history, keeping the first and the latest", () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(bounded(items, 5)).toEqual([0, 21, 22, 23, 24]);
  });
});
