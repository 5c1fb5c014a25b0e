import { describe, expect, it } from "vitest";
import type { TaskCheck } from "./assignment-schema.ts";
import { state } from "./fixtures.ts";
import { checkTask, completionNote, describeEvidence, freshMemory, gradientSpread } from "./tasks.ts";
import type { StoredLabState } from "./lab-state-schema.ts";

/** Feeds states through a check; returns whether it was done after each. */
function run(check: TaskCheck, states: StoredLabState[]): boolean[] {
  let memory = freshMemory();
  return states.map((s) => {
    const r = checkTask(check, memory, s);
    memory = r.memory;
    return r.done;
  });
}

describe("gradient-ratio: bring the first layer's gradient within 10× of the last", () => {
  const check: TaskCheck = { kind: "gradient-ratio", within: 10, minStep: 1 };
  it("fails the sigmoid staircase (700× apart) and passes ReLU + He (3× apart, either way round)", () => {
    expect(run(check, [state({ firstGradient: 1e-5, lastGradient: 7e-3 })])).toEqual([false]);
    expect(run(check, [state({ firstGradient: 0.01, lastGradient: 0.03 })])).toEqual([true]);
    expect(run(check, [state({ firstGradient: 0.3, lastGradient: 0.03 })])).toEqual([true]);
  });
  it("does not pass on unmeasured or zero gradients, or before the first step", () => {
    expect(gradientSpread(state({ firstGradient: 0 }))).toBeNull();
    expect(
      run(check, [state({ firstGradient: null }), state({ step: 0, firstGradient: 0.01, lastGradient: 0.01 })]),
    ).toEqual([false, false]);
  });
});

describe("kill-and-revive: make six units die, then revive three without changing the learning rate", () => {
  const check: TaskCheck = { kind: "kill-and-revive", kill: 6, revive: 3 };
  it("passes shock (8 dead) then Leaky ReLU (4 dead) at the same learning rate", () => {
    const states = [
      state({ deadUnits: 3 }),
      state({ step: 102, deadUnits: 8 }),
      state({ step: 300, deadUnits: 6, hidden: "leaky-relu" }),
      state({ step: 500, deadUnits: 4, hidden: "leaky-relu" }),
    ];
    expect(run(check, states)).toEqual([false, false, false, true]);
  });
  it("does not count a revival after the learning rate changed", () => {
    const states = [
      state(),
      state({ step: 102, deadUnits: 8 }),
      state({ step: 200, deadUnits: 8, learningRate: 1 }),
      state({ step: 300, deadUnits: 4, learningRate: 1 }),
    ];
    expect(run(check, states)).toEqual([false, false, false, false]);
  });
  it("does not count Reset (the step goes back) as a revival", () => {
    expect(run(check, [state(), state({ step: 102, deadUnits: 8 }), state({ step: 0, deadUnits: 0 })])).toEqual([
      false,
      false,
      false,
    ]);
  });
  it("does not count units that were already dead when the lab opened", () => {
    const states = [state({ step: 100, deadUnits: 20 }), state({ step: 300, deadUnits: 10 })];
    expect(run(check, states)).toEqual([false, false]);
  });
  it("counts from the highest peak", () => {
    const states = [
      state(),
      state({ step: 102, deadUnits: 6 }),
      state({ step: 103, deadUnits: 9 }),
      state({ step: 400, deadUnits: 6 }),
    ];
    expect(run(check, states)).toEqual([false, false, false, true]);
  });
});

describe("dead-units and accuracy", () => {
  it("checks counts and shares", () => {
    expect(run({ kind: "dead-units", atLeast: 6 }, [state({ deadUnits: 5 }), state({ deadUnits: 6 })])).toEqual([
      false,
      true,
    ]);
    expect(
      run({ kind: "accuracy", on: "test", atLeast: 0.9 }, [
        state({ testAccuracy: 0.89 }),
        state({ testAccuracy: null }),
        state({ testAccuracy: 0.9 }),
      ]),
    ).toEqual([false, false, true]);
  });
  it("describes the evidence in words", () => {
    expect(
      describeEvidence(
        { kind: "gradient-ratio", within: 10, minStep: 1 },
        state({ firstGradient: 0.01, lastGradient: 0.03 }),
      ),
    ).toBe("first and last layer gradients 3.00× apart at step 100");
    expect(describeEvidence({ kind: "accuracy", on: "train", atLeast: 0.9 }, state())).toBe(
      "training accuracy 90% at step 100",
    );
  });

  it("calls units with z ≤ 0 everywhere dead under ReLU and inactive under Leaky ReLU", () => {
    const check: TaskCheck = { kind: "dead-units", atLeast: 6 };
    expect(describeEvidence(check, state({ deadUnits: 8, step: 101 }))).toBe(
      "8 of 32 units dead at step 101 (ReLU, learning rate 0.1)",
    );
    expect(describeEvidence(check, state({ deadUnits: 4, hidden: "leaky-relu" }))).toBe(
      "4 of 32 units inactive at step 100 (Leaky ReLU, learning rate 0.1)",
    );
  });
});

describe("what completed a task", () => {
  /** The note when the last of `states` completes the task. */
  function note(check: TaskCheck, states: StoredLabState[]): string {
    let memory = freshMemory();
    for (const s of states) memory = checkTask(check, memory, s).memory;
    return completionNote(check, memory, states.at(-1)!);
  }

  it("kill-and-revive: the peak under ReLU and the count when it came back, each in its own word", () => {
    const check: TaskCheck = { kind: "kill-and-revive", kill: 6, revive: 3 };
    expect(
      note(check, [
        state({ deadUnits: 3 }),
        state({ step: 101, deadUnits: 8 }),
        state({ step: 214, deadUnits: 4, hidden: "leaky-relu" }),
      ]),
    ).toBe("completed at step 214: 8 dead → 4 inactive (learning rate 0.1)");
    expect(
      note(check, [state({ deadUnits: 3 }), state({ step: 101, deadUnits: 9 }), state({ step: 150, deadUnits: 5 })]),
    ).toBe("completed at step 150: 9 → 5 dead (learning rate 0.1)");
  });

  it("the other checks say the number that passed", () => {
    expect(note({ kind: "dead-units", atLeast: 6 }, [state({ step: 101, deadUnits: 8 })])).toBe(
      "completed at step 101: 8 of 32 units dead",
    );
    expect(note({ kind: "accuracy", on: "test", atLeast: 0.8 }, [state({ testAccuracy: 0.875 })])).toBe(
      "completed at step 100: test accuracy 87.5%",
    );
    expect(
      note({ kind: "gradient-ratio", within: 10, minStep: 1 }, [state({ firstGradient: 0.01, lastGradient: 0.05 })]),
    ).toBe("completed at step 100: first and last layer gradients 5.00× apart");
  });
});
