import { describe, expect, it } from "vitest";
import type { LabState } from "../../labs/index.ts";
import { state } from "./fixtures.ts";
import { storeLabState } from "./lab-follower.ts";
import { readStoredLabState } from "./lab-state-schema.ts";

describe("stored lab states", () => {
  it("reads a stored state back as an equal copy, without fields it does not know", () => {
    const read = readStoredLabState({ ...state(), extra: "<script>" });
    expect(read).toEqual(state());
    expect(read).not.toHaveProperty("extra");
  });

  it("keeps a run that has passed a million steps", () => {
    expect(readStoredLabState(state({ step: 2_500_000 }))?.step).toBe(2_500_000);
  });

  it.each([
    ["a missing field", { ...state(), trainLoss: undefined }],
    ["a NaN written as text", { ...state(), trainLoss: "NaN" }],
    ["an accuracy above 1", state({ testAccuracy: 1.5 })],
    ["a fractional unit count", state({ deadUnits: 2.5 })],
    ["a negative step", state({ step: -1 })],
    ["a long word", state({ hidden: "x".repeat(41) })],
    ["an array", [state()]],
    ["null", null],
  ])("refuses %s", (_name, value) => {
    expect(readStoredLabState(value)).toBeNull();
  });

  it("stores a diverged live state as finite numbers or null, which read back unchanged", () => {
    const live = { ...(state() as LabState), trainLoss: Number.NaN, step: 3.7, deadUnits: -2 };
    const stored = storeLabState(live);
    expect(stored).toMatchObject({ trainLoss: null, step: 4, deadUnits: 0 });
    expect(readStoredLabState(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });
});
