import { describe, expect, it } from "vitest";
import { state } from "./fixtures.ts";
import { compareRun, MAX_CHECKED_STEPS, replayLab, type RunTrainer } from "./replay-check.ts";

const run = { settings: { act: "relu" }, changes: [], step: 300 };
const claimed = state({ step: 300, trainLoss: 0.12, trainAccuracy: 0.97 });
const gives =
  (numbers: { step: number; trainLoss: number | null; trainAccuracy: number | null }): RunTrainer =>
  async () =>
    numbers;

describe("verified by replay", () => {
  it("verifies the same numbers, and says what differs in words when they do not follow from the run", () => {
    expect(compareRun(claimed, { step: 300, trainLoss: 0.12, trainAccuracy: 0.97 })).toEqual({ status: "verified" });
    expect(compareRun(claimed, { step: 300, trainLoss: 0.4812345, trainAccuracy: 0.97 })).toEqual({
      status: "differs",
      text: "loss: claimed 0.12, replay gives 0.4812",
    });
    expect(compareRun(claimed, { step: 250, trainLoss: null, trainAccuracy: 0.5 }).status).toBe("differs");
  });

  it("replays with the trainer; a run it cannot build or that is too long is not replayable", async () => {
    expect(
      await replayLab("dying-relu", run, claimed, gives({ step: 300, trainLoss: 0.12, trainAccuracy: 0.97 })),
    ).toEqual({
      status: "verified",
    });
    const forged = { ...claimed, trainLoss: 0.01 };
    expect(
      await replayLab("dying-relu", run, forged, gives({ step: 300, trainLoss: 0.12, trainAccuracy: 0.97 })),
    ).toEqual({
      status: "differs",
      text: "loss: claimed 0.01, replay gives 0.12",
    });
    let trained = false;
    const never: RunTrainer = async () => ((trained = true), "no");
    const long = { ...run, step: MAX_CHECKED_STEPS + 1 };
    expect((await replayLab("dying-relu", long, claimed, never)).status).toBe("not-replayable");
    const refuses: RunTrainer = async () => "its settings are not the lab's";
    expect(await replayLab("dying-relu", run, claimed, refuses)).toEqual({
      status: "not-replayable",
      text: "its settings are not the lab's",
    });
    expect(trained).toBe(false);
  });
});
