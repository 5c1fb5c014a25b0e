import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASSIGNMENT, state } from "./fixtures.ts";
import {
  emptyProgress,
  MAX_PROGRESS_CHARS,
  progressKey,
  readProgress,
  saveProgress,
  type Progress,
  type ProgressStorage,
} from "./progress.ts";

/** A Map-backed stand-in for localStorage. */
function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const slug = "dying-relu";
const T = "2025-01-01T00:00:00.000Z";
const good = {
  ...emptyProgress(slug),
  student: "Ada",
  studentAt: T,
  answers: { q1: { value: "1", at: T } },
  attempts: {
    q1: [
      { value: "0", at: "2024-12-31T00:00:00.000Z" },
      { value: "1", at: T },
    ],
  },
  resets: ["2024-12-31T12:00:00.000Z"],
  labs: { "dying-relu": { state: state(), at: T } },
};

describe("progress store", () => {
  it("starts fresh and quietly when nothing is saved", () => {
    expect(readProgress(memoryStorage(), ASSIGNMENT, slug)).toEqual({
      progress: emptyProgress(slug),
      notice: null,
      saving: true,
    });
  });

  it("round-trips what it saved", () => {
    const storage = memoryStorage();
    expect(saveProgress(storage, good, Date.parse("2025-02-03T04:05:06Z"))).toEqual({
      ...good,
      updatedAt: "2025-02-03T04:05:06.000Z",
    });
    const { progress, notice } = readProgress(storage, ASSIGNMENT, slug);
    expect(notice).toBeNull();
    expect(progress).toEqual({ ...good, updatedAt: "2025-02-03T04:05:06.000Z" });
  });

  it("reads progress saved by the first version, each answer its own first attempt", () => {
    const v1 = {
      version: 1,
      assignment: slug,
      student: "Ada",
      answers: { q1: { value: "1", at: T } },
      tasks: {},
      labs: { "dying-relu": state() },
      updatedAt: T,
    };
    const { progress, notice } = readProgress(
      memoryStorage({ [progressKey(slug)]: JSON.stringify(v1) }),
      ASSIGNMENT,
      slug,
    );
    expect(notice).toBeNull();
    expect(progress).toEqual({
      ...emptyProgress(slug),
      student: "Ada",
      studentAt: T,
      answers: { q1: { value: "1", at: T } },
      attempts: { q1: [{ value: "1", at: T }] },
      labs: { "dying-relu": { state: state(), at: T } },
      updatedAt: T,
    });
  });

  it.each([
    ["not JSON", "{answers: 1", /damaged/],
    ["a wrong shape", JSON.stringify({ ...good, answers: { q1: { value: 7 } } }), /changed outside this page/],
    [
      "an injected key",
      JSON.stringify({ ...good, answers: { __proto__x: { value: "1", at: "" } } }),
      /changed outside/,
    ],
    ["another assignment's progress", JSON.stringify({ ...good, assignment: "other" }), /changed outside/],
    ["an unknown version", JSON.stringify({ ...good, version: 0 }), /another version/],
    ["a newer version", JSON.stringify({ ...good, version: 3 }), /another version/],
    ["a huge value", JSON.stringify({ ...good, student: "x".repeat(MAX_PROGRESS_CHARS) }), /too large/],
    ["JSON null", "null", /changed outside/],
    ["a NaN in a lab state", JSON.stringify(good).replace('"trainLoss":0.3', '"trainLoss":"NaN"'), /changed outside/],
  ])("gives defaults and a notice for %s", (_name, raw, notice) => {
    const result = readProgress(memoryStorage({ [progressKey(slug)]: raw }), ASSIGNMENT, slug);
    expect(result.progress).toEqual(emptyProgress(slug));
    expect(result.notice).toMatch(notice);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [
      "too many answers",
      { answers: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`q${i}`, { value: "1", at: "" }])) },
    ],
    ["a task without its evidence field", { tasks: { kill: { done: true, at: null } } }],
    [
      "a lab state with a missing field",
      { labs: { "dying-relu": { state: { ...state(), deadUnits: undefined }, at: T } } },
    ],
    ["a history past its bound", { attempts: { q1: Array.from({ length: 21 }, () => ({ value: "1", at: T })) } }],
    ["a reset that is not a time", { resets: [42] }],
    ["a student name that is not text", { student: 42 }],
  ])("starts fresh on %s", (_name, change) => {
    const raw = JSON.stringify({ ...good, ...change });
    const result = readProgress(memoryStorage({ [progressKey(slug)]: raw }), ASSIGNMENT, slug);
    expect(result.progress).toEqual(emptyProgress(slug));
    expect(result.notice).toMatch(/changed outside this page/);
  });

  it("reads only the fields it knows, and keeps a run past a million steps", () => {
    const saved = { ...good, theme: "dark", labs: { "dying-relu": { state: state({ step: 2_000_000 }), at: T } } };
    const { progress, notice } = readProgress(
      memoryStorage({ [progressKey(slug)]: JSON.stringify(saved) }),
      ASSIGNMENT,
      slug,
    );
    expect(notice).toBeNull();
    expect(progress).not.toHaveProperty("theme");
    expect(progress.labs["dying-relu"]?.state.step).toBe(2_000_000);
  });

  it("drops answers to questions the assignment no longer has, keeping the rest", () => {
    const raw = JSON.stringify({ ...good, answers: { ...good.answers, q9: { value: "3", at: "" } } });
    const { progress, notice } = readProgress(memoryStorage({ [progressKey(slug)]: raw }), ASSIGNMENT, slug);
    expect(Object.keys(progress.answers)).toEqual(["q1"]);
    expect(notice).toBe("1 saved answer belonged to a question or task this assignment no longer has and was dropped.");
  });

  it("survives a browser that refuses storage, and says it is not saving", () => {
    const refusing: ProgressStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceeded");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readProgress(refusing, ASSIGNMENT, slug)).toMatchObject({ saving: false, notice: null });
    expect(readProgress(null, ASSIGNMENT, slug)).toMatchObject({ saving: false });
    expect(saveProgress(refusing, good)).toBeNull();
  });

  it("keeps each lab's run as saved (it is read where it is used); a run that is not an object is dropped", () => {
    const run = {
      settings: { act: "relu", lr: 0.1 },
      changes: [{ step: 100, type: "shock", lr: 50 }],
      step: 150,
      current: { act: "leaky-relu", lr: 0.1 },
    };
    const storage = memoryStorage();
    const withRun = { ...good, labs: { "dying-relu": { state: state(), at: T, run } } };
    saveProgress(storage, withRun as unknown as Progress, 0);
    expect(readProgress(storage, ASSIGNMENT, slug).progress.labs["dying-relu"]?.run).toEqual(run);
    const forged = { ...withRun, labs: { "dying-relu": { state: state(), at: T, run: [run] } } };
    storage.setItem(progressKey(slug), JSON.stringify(forged));
    const { progress, notice } = readProgress(storage, ASSIGNMENT, slug);
    expect(notice).toBeNull();
    expect(progress.answers).toEqual(good.answers);
    expect(progress.labs["dying-relu"]).toEqual({ state: state(), at: T, run: null });
  });

  it("drops the runs rather than save progress too large to be read back", () => {
    const changes = Array.from({ length: 500 }, (_, i) => ({
      step: i,
      type: "activation",
      hidden: "leaky-relu",
      alpha: 0.123456789,
    }));
    const run = { settings: { act: "relu" }, changes, step: 600, current: { act: "relu" } };
    const labs = Object.fromEntries(["a", "b", "c"].map((id) => [id, { state: state({ lab: id }), at: T, run }]));
    const storage = memoryStorage();
    const saved = saveProgress(storage, { ...good, labs } as unknown as Progress, 0)!;
    expect(Object.values(saved.labs).map((l) => l.run)).toEqual([null, null, null]);
    expect(storage.getItem(progressKey(slug))!.length).toBeLessThanOrEqual(MAX_PROGRESS_CHARS);
    expect(readProgress(storage, ASSIGNMENT, slug).progress.answers).toEqual(good.answers);
  });

  it("loads progress the site saved before runs were kept (captured from the browser)", () => {
    const captured = JSON.parse(readFileSync("tests/fixtures/compat/progress-before-2026-12-07.json", "utf8"));
    const key = progressKey("dying-relu");
    const { progress, notice } = readProgress(memoryStorage({ [key]: captured[key] }), ASSIGNMENT, "dying-relu");
    expect(notice).toMatch(/1 saved answer/); // "shock-count" is not a question of the test assignment
    expect(progress.student).toBe("Ada Lovelace");
    expect(progress.tasks.kill).toMatchObject({ done: true, evidence: { step: 101, deadUnits: 8 } });
    expect(progress.labs["dying-relu"]?.state.trainLoss).toBe(0.7678167229951306);
  });

  it("saving merges with what another tab stored, and overwrites what cannot be read", () => {
    const other = { ...emptyProgress(slug), answers: { q2: { value: "8", at: T } }, updatedAt: T };
    const storage = memoryStorage({ [progressKey(slug)]: JSON.stringify(other) });
    const saved = saveProgress(storage, good, Date.parse("2025-02-03T04:05:06Z"));
    expect(Object.keys(saved!.answers).sort()).toEqual(["q1", "q2"]);
    storage.setItem(progressKey(slug), "{damaged");
    expect(Object.keys(saveProgress(storage, good)!.answers)).toEqual(["q1"]);
  });
});
