import { describe, expect, it } from "vitest";
import { MAX_REPLAY_STEPS } from "../worker/run-record.ts";
import { parseSavedRun, readKeptSettings, readSavedLabRun, runOfEvent } from "./lab-run.ts";

const settings = { act: "relu", alpha: 0.2, bias: 0, lr: 0.1, shock: "50", data: "moons", seed: 3 };
const changes = [
  { step: 100, type: "shock", lr: 50 },
  { step: 101, type: "activation", hidden: "leaky-relu", alpha: 0.2 },
];

describe("a lab's run as the classroom keeps it", () => {
  it("is made from a lab-state event: the run's start settings, its changes and step, and the settings now", () => {
    const record = { spec: { lab: "dying-relu" } as never, changes: changes as never, step: 150 };
    const now = { ...settings, act: "leaky-relu" };
    expect(runOfEvent({ record, runSettings: settings, settings: now })).toEqual({
      settings,
      changes,
      step: 150,
      current: now,
    });
    expect(runOfEvent({ record: null, runSettings: settings, settings: now })).toBeNull();
    expect(runOfEvent({ record, runSettings: null, settings: now })).toBeNull();
  });

  it("reads settings that a lab schema could hold, and nothing else", () => {
    expect(readKeptSettings(settings)).toEqual(settings);
    expect(readKeptSettings({ lr: Number.NaN })).toBeNull();
    expect(readKeptSettings({ "__proto__ ": 1 })).toBeNull();
    expect(readKeptSettings({ act: "x".repeat(41) })).toBeNull();
    expect(readKeptSettings({ nested: { a: 1 } })).toBeNull();
    expect(readKeptSettings(JSON.parse('{"__proto__": {"polluted": true}}'))).toBeNull();
    expect(readKeptSettings(Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, i])))).toBeNull();
  });

  it("says what is wrong with a run from a file, so the viewer can say why it does not replay", () => {
    expect(parseSavedRun({ settings, changes, step: 150 })).toEqual({ settings, changes, step: 150 });
    expect(parseSavedRun({ settings, changes, step: MAX_REPLAY_STEPS + 1 })).toMatch(/^the run's step is not/);
    expect(parseSavedRun({ settings: "relu", changes, step: 150 })).toBe("the run's settings are not a lab's settings");
    expect(parseSavedRun({ settings, changes: [{ step: 200, type: "lr", lr: 1 }], step: 150 })).toMatch(
      /change 1 is not a change in order/,
    );
    expect(parseSavedRun([])).toBe("the run is not an object");
  });

  it("a saved lab run needs the settings its controls showed", () => {
    expect(readSavedLabRun({ settings, changes, step: 150, current: settings })).toMatchObject({ step: 150 });
    expect(readSavedLabRun({ settings, changes, step: 150 })).toBeNull();
  });
});
