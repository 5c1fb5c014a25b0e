/**
 * How the runner times its slices so that snapshots leave on time for the page's frames: a slice ends when
 * the next snapshot is due, runs sharing a thread split a slice between them (and post a snapshot due before
 * their next turn at the end of this one), and a snapshot that came due while the runner waited for "shown" goes
 * out before the next slice. The clock is fake and a step takes no time on it, so the runner keeps its first
 * estimate of a step's cost (0.05 ms) and a slice of s ms is s/0.05 steps.
 */
import { describe, expect, it } from "vitest";
import type { FromWorker, Snapshot } from "./protocol.ts";
import { MAX_SPEED, Runner, SLICE_MS } from "./runner.ts";
import { testSpec } from "./test-spec.ts";

const STEP_MS = 0.05;

function host({ draws = true, sharing }: { draws?: boolean; sharing?: number } = {}) {
  let time = 0;
  const queue: (() => void)[] = [];
  const snapshots: Snapshot[] = [];
  let runner: Runner | null = null;
  const h = {
    now: () => time,
    schedule: (fn: () => void) => queue.push(fn),
    post: (m: FromWorker) => {
      if (m.type !== "snapshot") return;
      snapshots.push(m.snapshot);
      if (draws) runner?.handle({ type: "shown", runId: m.snapshot.runId });
    },
    ...(sharing === undefined ? {} : { sharing: () => sharing }),
  };
  runner = new Runner(h);
  runner.handle({ type: "start", runId: 1, spec: testSpec() });
  runner.handle({ type: "play", runId: 1, stepsPerSecond: MAX_SPEED });
  return {
    runner,
    snapshots,
    /** Runs the next scheduled slice at `at` ms (the start snapshot went out at 0). */
    sliceAt(at: number) {
      time = at;
      queue.shift()?.();
    },
  };
}

describe("Runner slices", () => {
  it("end when the next snapshot is due: 10 ms after one, a slice trains 6 ms, not SLICE_MS", () => {
    const h = host();
    h.sliceAt(10);
    h.runner.handle({ type: "pause", runId: 1 });
    expect(h.snapshots.at(-1)!.step).toBe(Math.floor(6 / STEP_MS));
  });

  it("are shared by the runs playing on one thread: three runs take SLICE_MS/3 each, so each gets its turn in a frame", () => {
    const h = host({ sharing: 3 });
    h.sliceAt(1);
    h.runner.handle({ type: "pause", runId: 1 });
    expect(h.snapshots.at(-1)!.step).toBe(Math.floor(SLICE_MS / 3 / STEP_MS));
  });

  it("shared by three runs, a snapshot due before the run's next turn leaves at the end of this one, once the last is drawn", () => {
    const h = host({ sharing: 3 });
    // 10 ms after the start snapshot: not due for 6 ms, but the other two runs' turns (8 ms) come first.
    h.sliceAt(10);
    expect(h.snapshots).toHaveLength(2);
    expect(h.snapshots[1]!.step).toBe(Math.floor(SLICE_MS / 3 / STEP_MS));
  });

  it("alone on the thread, or with the last snapshot not yet drawn, a run waits until the snapshot is due", () => {
    const alone = host();
    alone.sliceAt(3);
    expect(alone.snapshots).toHaveLength(1);
    const undrawn = host({ sharing: 3, draws: false });
    undrawn.sliceAt(10);
    expect(undrawn.snapshots).toHaveLength(1);
  });

  it("a snapshot that came due while the runner waited for the page goes out before the next slice, not after it", () => {
    const h = host({ draws: false });
    h.sliceAt(5);
    const trained = Math.floor(11 / STEP_MS);
    h.sliceAt(20); // due, and the start snapshot is not shown yet: the runner waits
    expect(h.snapshots).toHaveLength(1);
    h.runner.handle({ type: "shown", runId: 1 });
    h.sliceAt(21);
    expect(h.snapshots).toHaveLength(2);
    expect(h.snapshots[1]!.step).toBe(trained);
  });
});
