import type { SessionSpec } from "./protocol.ts";
import { describe, expect, it } from "vitest";
import type { FromWorker, Snapshot } from "./protocol.ts";
import { LIMITS } from "../core/index.ts";
import { FRAME_MS, frameInterval, MAX_FRAME_MS, MAX_SPEED, Runner, SLICE_MS } from "./runner.ts";
import { TrainingSession } from "./session.ts";
import { testSpec } from "./test-spec.ts";

const spec = testSpec();

/**
 * A fake clock and scheduler: each scheduled callback runs when the test says, after `advance` ms. Its page
 * draws every snapshot at once and says so ("shown"), unless `draws` is false.
 */
function fakeHost({ draws = true } = {}) {
  let time = 0;
  const queue: (() => void)[] = [];
  /** Whether each scheduled slice asked to go first. */
  const firsts: boolean[] = [];
  const posted: FromWorker[] = [];
  let page: Runner | null = null;
  return {
    posted,
    firsts,
    snapshots: () =>
      posted.filter((m): m is { type: "snapshot"; snapshot: Snapshot } => m.type === "snapshot").map((m) => m.snapshot),
    host: {
      now: () => time,
      schedule: (fn: () => void, first = false) => {
        firsts.push(first);
        if (first) queue.unshift(fn);
        else queue.push(fn);
      },
      post: (m: FromWorker) => {
        posted.push(m);
        if (draws && m.type === "snapshot") page?.handle({ type: "shown", runId: m.snapshot.runId });
      },
    },
    /** A runner on this host (its snapshots reach this fake page). */
    runner(): Runner {
      page = new Runner(this.host);
      return page;
    },
    /** Runs the next scheduled slice after `ms` of wall time. */
    tick(ms: number) {
      time += ms;
      queue.shift()?.();
    },
    get queued() {
      return queue.length;
    },
  };
}

describe("Runner", () => {
  it("posts a snapshot at once when a run starts", () => {
    const f = fakeHost();
    f.runner().handle({ type: "start", runId: 1, spec });
    expect(f.snapshots()).toHaveLength(1);
    expect(f.snapshots()[0]?.step).toBe(0);
  });

  it("plays at the requested speed: 60 steps per second for one second is 60 steps", () => {
    const f = fakeHost();
    const r = f.runner();
    r.handle({ type: "start", runId: 1, spec });
    r.handle({ type: "play", runId: 1, stepsPerSecond: 60 });
    for (let i = 0; i < 100; i++) f.tick(10);
    r.handle({ type: "pause", runId: 1 });
    // 100 slices of 10 ms; float rounding of the step credit may leave the 60th step for the next slice.
    expect(f.snapshots().at(-1)?.step).toBeGreaterThanOrEqual(59);
    expect(f.snapshots().at(-1)?.step).toBeLessThanOrEqual(60);
  });

  it("posts at most one snapshot per frame while playing, and the pause takes effect at once", () => {
    const f = fakeHost();
    const r = f.runner();
    r.handle({ type: "start", runId: 1, spec });
    r.handle({ type: "play", runId: 1, stepsPerSecond: MAX_SPEED });
    for (let i = 0; i < 20; i++) f.tick(1);
    expect(f.snapshots().length).toBeLessThanOrEqual(1 + Math.ceil(20 / FRAME_MS) + 1);
    r.handle({ type: "pause", runId: 1 });
    const stepAtPause = f.snapshots().at(-1)?.step;
    for (let i = 0; i < 5; i++) f.tick(SLICE_MS);
    expect(f.snapshots().at(-1)?.step).toBe(stepAtPause);
    expect(f.queued).toBe(0);
  });

  it("a run that asks for a longer frame interval gets fewer snapshots while playing, and still every pause", () => {
    const count = (frameMs: number | undefined) => {
      const f = fakeHost();
      const r = f.runner();
      r.handle({ type: "start", runId: 1, spec: { ...spec, frameMs } });
      // 1,000 steps per second in 5 ms slices: every slice has a step to show.
      r.handle({ type: "play", runId: 1, stepsPerSecond: 1000 });
      for (let i = 0; i < 40; i++) f.tick(5);
      const playing = f.snapshots().length;
      r.handle({ type: "pause", runId: 1 });
      expect(f.snapshots().length).toBe(playing + 1);
      return playing;
    };
    const every = count(undefined);
    const fewer = count(50);
    // 200 ms of play: about 200 / 16 snapshots by default, about 200 / 50 at 50 ms (plus the one at the start).
    expect(every).toBeGreaterThanOrEqual(10);
    expect(fewer).toBeLessThanOrEqual(1 + Math.ceil(200 / 50) + 1);
    expect(fewer).toBeGreaterThanOrEqual(4);
  });

  it("stays at most one snapshot ahead of the page: it stops training until the page says it drew the last one", () => {
    const f = fakeHost({ draws: false });
    const r = f.runner();
    r.handle({ type: "start", runId: 1, spec });
    r.handle({ type: "shown", runId: 1 });
    r.handle({ type: "play", runId: 1, stepsPerSecond: 1000 });
    for (let i = 0; i < 10; i++) f.tick(5);
    // One snapshot went out (at the first slice past FRAME_MS); the next was due, so training stopped.
    expect(f.snapshots()).toHaveLength(2);
    const held = f.snapshots().at(-1)!.step;
    expect(f.queued).toBe(0);
    // A "shown" for an older run changes nothing.
    r.handle({ type: "shown", runId: 0 });
    expect(f.queued).toBe(0);
    r.handle({ type: "shown", runId: 1 });
    for (let i = 0; i < 10; i++) f.tick(5);
    expect(f.snapshots()).toHaveLength(3);
    expect(f.snapshots().at(-1)!.step).toBeGreaterThan(held);
    // Pause still answers at once while the runner waits.
    r.handle({ type: "pause", runId: 1 });
    expect(f.snapshots()).toHaveLength(4);
  });

  it('a run the page was waiting on goes ahead of other runs\' slices when its "shown" comes', () => {
    const f = fakeHost({ draws: false });
    const r = f.runner();
    r.handle({ type: "start", runId: 1, spec });
    r.handle({ type: "play", runId: 1, stepsPerSecond: 1000 });
    expect(f.firsts.at(-1)).toBe(false);
    // Slices until the next snapshot is due while the start snapshot is still unshown: the runner waits.
    for (let i = 0; i < 10 && f.queued > 0; i++) f.tick(5);
    expect(f.queued).toBe(0);
    r.handle({ type: "shown", runId: 1 });
    expect(f.queued).toBe(1);
    expect(f.firsts.at(-1)).toBe(true);
  });

  it("clamps the frame interval a run asks for", () => {
    expect(frameInterval(undefined)).toBe(FRAME_MS);
    expect(frameInterval(Number.NaN)).toBe(FRAME_MS);
    expect(frameInterval("33")).toBe(FRAME_MS);
    expect(frameInterval(1)).toBe(FRAME_MS);
    expect(frameInterval(33)).toBe(33);
    expect(frameInterval(1e9)).toBe(MAX_FRAME_MS);
  });

  it("ignores commands about an older run", () => {
    const f = fakeHost();
    const r = f.runner();
    r.handle({ type: "start", runId: 1, spec });
    r.handle({ type: "start", runId: 2, spec });
    r.handle({ type: "step", runId: 1, steps: 50 });
    expect(f.snapshots().at(-1)?.step).toBe(0);
    r.handle({ type: "step", runId: 2, steps: 5 });
    expect(f.snapshots().at(-1)).toMatchObject({ runId: 2, step: 5 });
  });

  it("turns a bad spec into an error message instead of throwing", () => {
    const f = fakeHost();
    f.runner().handle({
      type: "start",
      runId: 3,
      spec: { ...spec, config: { layers: "many" } as unknown as SessionSpec["config"] },
    });
    expect(f.posted.at(-1)).toMatchObject({ type: "error", runId: 3 });
  });

  it("changes the learning rate without resetting the run", () => {
    const f = fakeHost();
    const r = f.runner();
    r.handle({ type: "start", runId: 1, spec });
    r.handle({ type: "step", runId: 1, steps: 10 });
    r.handle({ type: "set-lr", runId: 1, lr: 0.01 });
    expect(f.snapshots().at(-1)).toMatchObject({ step: 10, learningRate: 0.01 });
  });
});

describe("Runner replays a recorded run", () => {
  it("trains the record again to its step, with its changes, and shows what a live run showed", () => {
    const live = new TrainingSession(spec);
    live.step(25);
    live.setLearningRate(0.1);
    live.step(15);
    const f = fakeHost();
    f.runner().handle({ type: "replay", runId: 4, spec, changes: live.changes!, step: 40 });
    const [shown] = f.snapshots();
    const expected = live.snapshot(4);
    expect(shown?.step).toBe(40);
    expect([shown?.trainLoss, shown?.learningRate]).toEqual([expected.trainLoss, 0.1]);
    expect(shown?.changes).toEqual([{ step: 25, type: "lr", lr: 0.1 }]);
    // Its history runs from step 0, so the lab's curves show the whole replayed run.
    expect(shown?.history.data[0]).toBe(0);
  });

  it("refuses changes that do not read, and a run longer than one command may train, with a message", () => {
    const f = fakeHost();
    const r = f.runner();
    r.handle({ type: "replay", runId: 1, spec, changes: [{ step: 9, type: "lr", lr: -1 }], step: 10 });
    r.handle({ type: "replay", runId: 2, spec, changes: [], step: LIMITS.maxStepsPerCommand + 1 });
    expect(f.posted).toEqual([
      {
        type: "error",
        runId: 1,
        message: "The run cannot be replayed: the run's change 1 is not a change in order within the run.",
      },
      {
        type: "error",
        runId: 2,
        message: `The run cannot be replayed: it is ${LIMITS.maxStepsPerCommand + 1} steps long; at most ${LIMITS.maxStepsPerCommand} replay.`,
      },
    ]);
  });
});
