import { describe, expect, it } from "vitest";
import type { ClientCallbacks } from "../../src/worker/client.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import type { ClientFactory } from "./training-lab.svelte.ts";
import { holdWarmup } from "./hold-warmup.ts";

const snap = (runId: number, step: number, status: "ok" | "diverged" = "ok", data = false): Snapshot =>
  ({
    runId,
    step,
    status,
    history: { width: 2, rows: 1, data: Float64Array.from([step, 1]) },
    data: data
      ? {
          classes: 2,
          trainX: new Float64Array(2),
          trainLabels: new Int32Array(1),
          testX: new Float64Array(0),
          testLabels: new Int32Array(0),
        }
      : null,
  }) as unknown as Snapshot;

/** A fake client: `start` numbers runs like TrainingClient, `send` plays the worker's side. */
function harness(warmup: number) {
  let send: (s: Snapshot) => void = () => {};
  let runs = 0;
  const factory: ClientFactory = (cb: ClientCallbacks) => {
    send = (s) => cb.onSnapshot(s);
    return { start: () => ++runs } as unknown as ReturnType<ClientFactory>;
  };
  const seen: Snapshot[] = [];
  const client = holdWarmup(factory, warmup)({ onSnapshot: (s) => seen.push(s), onError: () => {} });
  return { send: (s: Snapshot) => send(s), start: () => client.start({} as never), seen };
}

describe("holdWarmup", () => {
  it("holds the first run's step-0 snapshot and delivers it merged into the warmed-up one", () => {
    const h = harness(300);
    h.start();
    h.send(snap(1, 0, "ok", true));
    expect(h.seen).toEqual([]);
    h.send(snap(1, 300));
    expect(h.seen).toHaveLength(1);
    expect(h.seen[0]!.step).toBe(300);
    expect(h.seen[0]!.data).not.toBeNull();
    expect(Array.from(h.seen[0]!.history.data)).toEqual([0, 1, 300, 1]);
    // Afterwards everything passes, including a Reset's step 0.
    h.send(snap(1, 301));
    h.start();
    h.send(snap(2, 0, "ok", true));
    expect(h.seen.map((s) => s.step)).toEqual([300, 301, 0]);
  });

  it("lets a diverged warm-up through at once, and drops held snapshots when a new run starts first", () => {
    const h = harness(150);
    h.start();
    h.send(snap(1, 0, "ok", true));
    h.send(snap(1, 7, "diverged"));
    expect(h.seen.map((s) => [s.step, s.status, s.data !== null])).toEqual([[7, "diverged", true]]);
    // Reset before the warm-up arrived: the client drops run 1's replies; run 2 (no warm-up) shows at once.
    const g = harness(150);
    g.start();
    g.send(snap(1, 0, "ok", true));
    g.start();
    g.send(snap(2, 0, "ok", true));
    expect(g.seen.map((s) => [s.runId, s.step])).toEqual([[2, 0]]);
  });
});
