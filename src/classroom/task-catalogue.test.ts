import { describe, expect, it } from "vitest";
import { checkSchema, type TaskCheck } from "./assignment-schema.ts";
import {
  checkedHow,
  checkFrom,
  paramsOf,
  startParams,
  TASK_KIND_IDS,
  TASK_KINDS,
  taskSentence,
} from "./task-catalogue.ts";

describe("the task catalogue", () => {
  it("offers every check the classroom verifies, each starting from a check the schema accepts", () => {
    expect(TASK_KIND_IDS.sort()).toEqual(checkSchema.options.map((o) => o.shape.kind.value).sort());
    for (const kind of TASK_KIND_IDS)
      expect(checkSchema.safeParse(checkFrom(kind, startParams(kind))).success, kind).toBe(true);
  });

  it("keeps each parameter's bounds those of the schema", () => {
    for (const kind of TASK_KIND_IDS)
      for (const p of TASK_KINDS[kind].params.filter((x) => x.kind !== "choice")) {
        const at = (v: number) =>
          checkSchema.safeParse(checkFrom(kind, { ...startParams(kind), [p.key]: String(v) })).success;
        expect([at(p.min!), at(p.max!)], `${kind}.${p.key} at its bounds`).toEqual([true, true]);
        expect(at(p.min! - 1), `${kind}.${p.key} below`).toBe(false);
        if (p.kind !== "integer" || p.max! < 1e9) expect(at(p.max! * 1.5 + 1), `${kind}.${p.key} above`).toBe(false);
      }
  });

  it("reads a percent as a share and back, and keeps text that is not a number for the schema to name", () => {
    expect(checkFrom("accuracy", { on: "test", atLeast: "87.5" })).toEqual({
      kind: "accuracy",
      on: "test",
      atLeast: 0.875,
    });
    expect(paramsOf({ kind: "accuracy", on: "test", atLeast: 0.875 })).toEqual({ on: "test", atLeast: "87.5" });
    expect(checkFrom("dead-units", { atLeast: "six" })).toEqual({ kind: "dead-units", atLeast: "six" });
    expect(checkFrom("dead-units", {})).toEqual({ kind: "dead-units", atLeast: "" });
  });

  it("says each task to students and how it is checked to the teacher", () => {
    const checks: TaskCheck[] = [
      { kind: "dead-units", atLeast: 6 },
      { kind: "kill-and-revive", kill: 6, revive: 3 },
      { kind: "accuracy", on: "train", atLeast: 0.9 },
      { kind: "gradient-ratio", within: 10, minStep: 1 },
    ];
    expect(checks.map(taskSentence)).toEqual([
      "Make at least 6 hidden units die at once.",
      "Make at least 6 hidden units die, then bring at least 3 of them back without changing the learning rate (and without Reset).",
      "Reach a training accuracy of at least 90%.",
      "Bring the first layer's gradient within a factor of 10 of the last layer's.",
    ]);
    expect(checkedHow(checks[1]!)).toMatch(/same learning rate throughout and no Reset/);
  });
});
