import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../src/worker/client.ts";
import { replayRun } from "../../src/worker/replay.ts";
import { testSpec } from "../../src/worker/test-spec.ts";
import { runStatic } from "./static-run.ts";
import { TrainingLab, WORKER_SILENCE_MS, type ClientFactory } from "./training-lab.svelte.ts";

const spec = testSpec({ dataset: { kind: "circles", n: 120, noise: 0.05, testFraction: 0.25 } });
const inThread = {
  factory: (cb: ConstructorParameters<typeof TrainingClient>[0]) => new TrainingClient(cb, "in-thread"),
};

describe("TrainingLab", () => {
  it("starts a run, steps, and keeps the history", async () => {
    const lab = new TrainingLab(() => spec, inThread);
    lab.restart();
    await vi.waitFor(() => expect(lab.snapshot?.step).toBe(0));
    expect(lab.data?.trainLabels.length).toBe(90);
    lab.stepOnce();
    lab.stepOnce();
    await vi.waitFor(() => expect(lab.step).toBe(2));
    expect(lab.status).toBe("paused");
    expect(lab.history.steps()).toEqual(Float64Array.from([0, 1, 2]));
    lab.dispose();
  });

  it("plays until paused, and reset returns to step 0 with the same loss", async () => {
    const lab = new TrainingLab(() => spec, inThread);
    lab.restart();
    await vi.waitFor(() => expect(lab.snapshot).not.toBeNull());
    const initialLoss = lab.loss;
    lab.setSpeed(Number.POSITIVE_INFINITY);
    lab.play();
    expect(lab.status).toBe("running");
    await vi.waitFor(() => expect(lab.step).toBeGreaterThan(20));
    lab.pause();
    expect(lab.status).toBe("paused");
    lab.reset();
    await vi.waitFor(() => expect(lab.step).toBe(0));
    expect(lab.loss).toBe(initialLoss);
    lab.dispose();
  });

  it("its record replays the run on screen: played, a rate changed while playing, paused", async () => {
    const lab = new TrainingLab(() => spec, inThread);
    expect(lab.record).toBeNull();
    lab.restart();
    await vi.waitFor(() => expect(lab.settled).toBe(true));
    lab.setSpeed(Number.POSITIVE_INFINITY);
    lab.play();
    await vi.waitFor(() => expect(lab.step).toBeGreaterThan(10));
    lab.setLearningRate(0.05);
    await vi.waitFor(() => expect(lab.step).toBeGreaterThan(30));
    lab.pause();
    await vi.waitFor(() => expect(lab.settled).toBe(true));
    const record = lab.record!;
    expect(record.changes).toEqual([{ step: expect.any(Number), type: "lr", lr: 0.05 }]);
    const replayed = replayRun(record).snapshot(1);
    expect([replayed.step, replayed.trainLoss, replayed.testAccuracy]).toEqual([
      lab.step,
      lab.snapshot!.trainLoss,
      lab.snapshot!.testAccuracy,
    ]);
    lab.dispose();
  });

  it("after Pause it is settled only once the worker's answer is on screen, and nothing moves after that", async () => {
    const lab = new TrainingLab(() => spec, inThread);
    lab.restart();
    await vi.waitFor(() => expect(lab.settled).toBe(true));
    lab.setSpeed(Number.POSITIVE_INFINITY);
    lab.play();
    expect(lab.settled).toBe(false);
    await vi.waitFor(() => expect(lab.step).toBeGreaterThan(20));
    lab.pause();
    // The snapshot on screen was sent while playing: more steps may still arrive.
    expect(lab.snapshot!.atRest).toBe(false);
    expect(lab.settled).toBe(false);
    await vi.waitFor(() => expect(lab.settled).toBe(true));
    const step = lab.step;
    const rows = lab.historyRows;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([lab.step, lab.historyRows, lab.history.steps().at(-1)]).toEqual([step, rows, step]);
    lab.dispose();
  });

  it("shows the build-time snapshot first, and the warm-up run reproduces it exactly", async () => {
    const initial = runStatic(spec, 25);
    const lab = new TrainingLab(() => spec, { ...inThread, warmup: () => 25, initial });
    expect(lab.step).toBe(25);
    expect(lab.loss).toBe(initial.trainLoss);
    lab.restart();
    await vi.waitFor(() => expect(lab.step).toBe(25));
    expect(lab.loss).toBe(initial.trainLoss);
    lab.dispose();
  });

  it("reports a bad configuration as an error instead of throwing", async () => {
    // A message is a boundary: the worker refuses a config the types would not have allowed.
    const lab = new TrainingLab(() => ({ ...spec, config: { layers: [] } as unknown as typeof spec.config }), inThread);
    lab.restart();
    await vi.waitFor(() => expect(lab.error).toMatch(/layers/));
    expect(lab.summary()).toMatch(/stopped/);
    lab.dispose();
  });
});

describe("TrainingLab warm-up", () => {
  it("never shows the warm-up's step 0: the build-time picture goes straight to the warmed-up run", async () => {
    const initial = runStatic(spec, 25);
    // Deliver each snapshot in its own turn, as a worker's may land in separate frames.
    const deliveries: (() => void)[] = [];
    const factory = (cb: ConstructorParameters<typeof TrainingClient>[0]) =>
      new TrainingClient(
        { onSnapshot: (s) => deliveries.push(() => cb.onSnapshot(s)), onError: cb.onError },
        "in-thread",
      );
    const lab = new TrainingLab(() => spec, { factory, warmup: () => 25, initial });
    lab.restart();
    await vi.waitFor(() => expect(deliveries.length).toBe(2));
    const shown: number[] = [];
    const live: boolean[] = [];
    const kernels: (string | null)[] = [];
    for (const deliver of deliveries.splice(0)) {
      deliver();
      shown.push(lab.step);
      live.push(lab.live);
      kernels.push(lab.kernels);
    }
    // The held step 0 leaves the build-time picture on screen: the lab is not live until the warmed-up run shows.
    expect(live).toEqual([false, true]);
    // Which kernels train the run is known from its first shown snapshot.
    expect(kernels).toEqual([null, "simd"]);
    expect(shown).toEqual([25, 25]);
    expect(lab.loss).toBe(initial.trainLoss);
    expect(lab.live).toBe(true);
    // The held step-0 row is not lost: the history starts at step 0.
    expect(lab.history.steps()[0]).toBe(0);
    lab.dispose();
  });
});

describe("TrainingLab after a failure", () => {
  it("drops the failed client, and Reset trains again on a fresh one", async () => {
    let made = 0;
    let failNext = true;
    const factory = (cb: ConstructorParameters<typeof TrainingClient>[0]) => {
      made++;
      const client = new TrainingClient(cb, "in-thread");
      // The first client's worker "crashes" as soon as the run starts.
      if (failNext) {
        failNext = false;
        const start = client.start.bind(client);
        client.start = (s) => {
          const id = start(s);
          queueMicrotask(() => cb.onError("The training worker stopped: boom."));
          return id;
        };
      }
      return client;
    };
    const lab = new TrainingLab(() => spec, { factory });
    lab.restart();
    await vi.waitFor(() => expect(lab.error).toMatch(/boom/));
    lab.play();
    expect(lab.status).toBe("paused");
    lab.reset();
    expect(made).toBe(2);
    expect(lab.error).toBeNull();
    lab.stepOnce();
    await vi.waitFor(() => expect(lab.step).toBe(1));
    lab.dispose();
  });

  it("a worker that goes silent while training (closed or crashed, no error event) is shown as stopped; Reset starts a new one", async () => {
    vi.useFakeTimers();
    try {
      const made: string[] = [];
      // The first client sends nothing, ever (a dead worker); the second trains in this thread.
      const factory: ClientFactory = (cb) => {
        made.push(made.length === 0 ? "silent" : "in-thread");
        if (made.length === 1) return new TrainingClient({ onSnapshot: () => {}, onError: () => {} }, "in-thread");
        return new TrainingClient(cb, "in-thread");
      };
      const lab = new TrainingLab(() => spec, { factory });
      lab.restart();
      lab.play();
      await vi.advanceTimersByTimeAsync(WORKER_SILENCE_MS - 1000);
      expect(lab.error).toBeNull();
      expect(lab.status).toBe("running");
      await vi.advanceTimersByTimeAsync(2000);
      expect(lab.error).toMatch(/stopped answering/);
      expect(lab.status).toBe("paused");
      lab.reset();
      expect(made).toEqual(["silent", "in-thread"]);
      await vi.advanceTimersByTimeAsync(50);
      expect(lab.error).toBeNull();
      expect(lab.snapshot?.runId).toBe(1);
      lab.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a worker that answers keeps the watchdog quiet, however long the lab sits paused", async () => {
    vi.useFakeTimers();
    try {
      const lab = new TrainingLab(() => spec, inThread);
      lab.restart();
      await vi.advanceTimersByTimeAsync(50);
      expect(lab.snapshot).not.toBeNull();
      await vi.advanceTimersByTimeAsync(3 * WORKER_SILENCE_MS);
      expect(lab.error).toBeNull();
      lab.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
