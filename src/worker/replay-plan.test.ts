import { describe, expect, it } from "vitest";
import { LIMITS } from "../core/index.ts";
import { replayPlan } from "./replay-plan.ts";

describe("replayPlan", () => {
  it("trains to each change, applies it, and trains on to the run's step", () => {
    expect(
      replayPlan(
        [
          { step: 0, type: "lr", lr: 0.02 },
          { step: 60, type: "activation", hidden: "leaky-relu", alpha: 0.1 },
          { step: 100, type: "shock", lr: 5 },
        ],
        110,
      ),
    ).toEqual([
      { step: 0, type: "lr", lr: 0.02 },
      { type: "train", steps: 60 },
      { step: 60, type: "activation", hidden: "leaky-relu", alpha: 0.1 },
      { type: "train", steps: 40 },
      { step: 100, type: "shock", lr: 5 },
      // the shock was step 101
      { type: "train", steps: 9 },
    ]);
  });

  it("asks for no more steps at once than a command may train", () => {
    const plan = replayPlan([], LIMITS.maxStepsPerCommand * 2 + 5);
    expect(plan).toEqual([
      { type: "train", steps: LIMITS.maxStepsPerCommand },
      { type: "train", steps: LIMITS.maxStepsPerCommand },
      { type: "train", steps: 5 },
    ]);
  });

  it("keeps a change made at the run's last step, but not on the way to an earlier step", () => {
    const changes = [{ step: 30, type: "lr", lr: 0.3 } as const];
    expect(replayPlan(changes, 30)).toEqual([{ type: "train", steps: 30 }, changes[0]]);
    expect(replayPlan(changes, 60, 30)).toEqual([{ type: "train", steps: 30 }]);
  });

  it("never runs a shock past the end, and stops at a change whose step was already passed", () => {
    expect(replayPlan([{ step: 8, type: "shock", lr: 50 }], 8)).toEqual([{ type: "train", steps: 8 }]);
    const twice = replayPlan(
      [
        { step: 4, type: "shock", lr: 9 },
        { step: 4, type: "lr", lr: 0.1 },
      ],
      10,
    );
    expect(twice).toEqual([
      { type: "train", steps: 4 },
      { step: 4, type: "shock", lr: 9 },
    ]);
  });
});
