import { describe, expect, it } from "vitest";
import { overview } from "./progress-overview.ts";
import { emptyProgress, progressKey, type ProgressStorage } from "./progress.ts";
import { state } from "./fixtures.ts";

const T = "2025-01-01T00:00:00.000Z";
const A = { slug: "dying-relu", questions: ["q1", "q2"], tasks: ["kill", "revive"] };
const storageWith = (value: string | null): ProgressStorage => ({
  getItem: (k) => (k === progressKey("dying-relu") ? value : null),
  setItem: () => undefined,
  removeItem: () => undefined,
});

describe("the student's index of assignments", () => {
  it("counts the saved answers and finished tasks of each assignment, ignoring ids it no longer has", () => {
    const saved = {
      ...emptyProgress("dying-relu"),
      answers: { q1: { value: "1", at: T }, gone: { value: "1", at: T } },
      attempts: { q1: [{ value: "1", at: T }] },
      tasks: { kill: { done: true, at: T, evidence: state() }, revive: { done: false, at: null, evidence: null } },
    };
    expect(overview(storageWith(JSON.stringify(saved)), A)).toEqual({
      started: true,
      text: "1 of 2 questions answered, 1 of 2 tasks done",
    });
  });

  it("says not started, unreadable, or storage blocked, and never throws", () => {
    expect(overview(storageWith(null), A)).toEqual({ started: false, text: "Not started" });
    expect(overview(storageWith("{not json"), A).text).toMatch(/could not be read/);
    const blocked: ProgressStorage = {
      ...storageWith(null),
      getItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(overview(blocked, A).text).toMatch(/does not let the site keep progress/);
    expect(overview(null, { ...A, tasks: [] }).text).toMatch(/does not let/);
    expect(overview(storageWith(null), { ...A, questions: ["q1"], tasks: [] })).toEqual({
      started: false,
      text: "Not started",
    });
  });
});
