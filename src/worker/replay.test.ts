import { describe, expect, it } from "vitest";
import { readParameters } from "../core/index.ts";
import { replayRun } from "./replay.ts";
import { MAX_RUN_CHANGES, readRunChanges, RunJournal } from "./run-record.ts";
import { TrainingSession } from "./session.ts";
import { testSpec } from "./test-spec.ts";

/** A ReLU network with a minibatch and momentum, so a replay must match the batch order and the optimiser's state. */
const spec = testSpec({
  layers: [2, 8, 8, 1],
  hidden: "relu",
  init: { kind: "he-normal" },
  optimizer: { kind: "momentum", lr: 0.05, momentum: 0.9 },
  batchSize: 16,
});

/** What a replay must reproduce: the weights and every number the snapshot shows, bit for bit. */
function fingerprint(s: TrainingSession) {
  const { history, data, changes, ...shown } = s.snapshot(1);
  void history;
  void data;
  void changes;
  return { weights: Array.from(readParameters(s.trainer)), shown };
}

describe("replayRun", () => {
  it("replays a run with rate changes, an activation swap, a shock and a reset to the same weights and numbers", () => {
    const live = new TrainingSession(spec);
    live.step(37);
    live.setLearningRate(0.2);
    live.setLearningRate(0.02); // dragged while paused: one change
    live.step(43);
    live.shock(50);
    live.step(20);
    live.reset(); // keeps the rate 0.02 as a change at step 0
    live.step(60);
    live.setActivation("leaky-relu", 0.1);
    live.step(40);
    live.shock(5);
    live.step(9);
    const changes = live.changes!;
    expect(changes).toEqual([
      { step: 0, type: "lr", lr: 0.02 },
      { step: 60, type: "activation", hidden: "leaky-relu", alpha: 0.1 },
      { step: 100, type: "shock", lr: 5 },
    ]);
    const replay = replayRun({ spec, changes, step: live.trainer.steps });
    expect(replay.trainer.steps).toBe(110);
    expect(fingerprint(replay)).toEqual(fingerprint(live));
  });

  it("stops at an earlier step on the way, as the run was then", () => {
    const live = new TrainingSession(spec);
    live.step(30);
    live.setLearningRate(0.3);
    live.step(30);
    const at30 = fingerprint(replayRun({ spec, changes: live.changes!, step: 60 }, 30));
    const fresh = new TrainingSession(spec);
    fresh.step(30);
    expect(at30).toEqual(fingerprint(fresh));
  });

  it("a run that diverged replays to the same divergence", () => {
    const linear = testSpec({ layers: [2, 8, 8, 1], hidden: "identity" });
    const live = new TrainingSession(linear);
    live.step(5);
    live.setLearningRate(1e6);
    live.step(20);
    expect(live.trainer.status.status).toBe("diverged");
    const replay = replayRun({ spec: linear, changes: live.changes!, step: 25 });
    expect(replay.trainer.status).toEqual(live.trainer.status);
  });
});

describe("RunJournal", () => {
  it("keeps no part of a run with too many changes", () => {
    const journal = new RunJournal();
    for (let step = 0; step <= MAX_RUN_CHANGES; step++) journal.add({ step, type: "lr", lr: 0.1 });
    expect(journal.complete).toBe(false);
    expect(journal.changes).toBeNull();
    journal.restart([]);
    expect(journal.changes).toEqual([]);
  });

  it("keeps every shock, even two at one step", () => {
    const journal = new RunJournal();
    journal.add({ step: 4, type: "shock", lr: 9 });
    journal.add({ step: 4, type: "shock", lr: 9 });
    expect(journal.changes).toHaveLength(2);
  });
});

describe("readRunChanges", () => {
  it("reads a run's changes from outside", () => {
    const changes = [
      { step: 0, type: "lr", lr: 0.02 },
      { step: 60, type: "activation", hidden: "leaky-relu", alpha: 0.1 },
    ];
    expect(readRunChanges(changes, 70)).toEqual({ changes, step: 70 });
  });

  it.each([
    ["a step past the run", [{ step: 80, type: "lr", lr: 0.1 }], 70],
    [
      "changes out of order",
      [
        { step: 9, type: "lr", lr: 0.1 },
        { step: 3, type: "lr", lr: 0.1 },
      ],
      70,
    ],
    ["an unknown kind", [{ step: 1, type: "weights", lr: 0.1 }], 70],
    ["a rate out of bounds", [{ step: 1, type: "lr", lr: 1e9 }], 70],
    ["a rate that is text", [{ step: 1, type: "lr", lr: "0.1" }], 70],
    ["a fractional step", [], 7.5],
    ["a run too long to replay", [], 1e9],
    ["changes that are not a list", { 0: { step: 1, type: "lr", lr: 0.1 } }, 70],
  ])("refuses %s with a message", (_, changes, step) => {
    expect(readRunChanges(changes, step)).toEqual({ error: expect.stringMatching(/^the run's/) });
  });
});
