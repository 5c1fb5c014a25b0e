/**
 * A worker that misbehaves fails its lab, loudly and once: a message that does not fit the protocol
 * becomes the client's error (never a throw deep inside a chart), and the client stops listening.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TrainingClient } from "./client.ts";

/** A stand-in Worker that answers every command with `reply`. */
function workerReplying(reply: unknown) {
  return class {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: unknown = null;
    onmessageerror: unknown = null;
    postMessage(): void {
      queueMicrotask(() => this.onmessage?.({ data: reply }));
    }
    terminate(): void {}
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("TrainingClient and a misbehaving worker", () => {
  it("turns a snapshot with bad data into one error, not a snapshot", async () => {
    const garbage = { type: "snapshot", snapshot: { runId: 1, step: "many", history: null } };
    vi.stubGlobal("Worker", workerReplying(garbage));
    const onSnapshot = vi.fn();
    const onError = vi.fn();
    const client = new TrainingClient({ onSnapshot, onError }, "worker");
    client.start({} as never);
    client.step(1);
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatch(/cannot read \(a snapshot without a run id or step\)/);
    expect(onSnapshot).not.toHaveBeenCalled();
  });

  it("turns a throw while showing a snapshot into the lab's error", async () => {
    const onError = vi.fn();
    const client = new TrainingClient(
      {
        onSnapshot: () => {
          throw new Error("chart exploded");
        },
        onError,
      },
      "in-thread",
    );
    client.start({
      config: {
        layers: [2, 1],
        hidden: "tanh",
        head: "sigmoid",
        loss: "bce",
        init: { kind: "xavier-normal" },
        optimizer: { kind: "sgd", lr: 0.1 },
        seeds: { data: 1, init: 2, batch: 3 },
        dataset: { kind: "linear", n: 20, noise: 0.05, testFraction: 0.25 },
      },
      boundarySize: 0,
      diagnosticsEvery: 1,
      saturationThreshold: 0.01,
      path: null,
      outputParts: 0,
      perceptron: null,
    });
    await vi.waitFor(() =>
      expect(onError).toHaveBeenCalledWith("The lab could not show the latest step: chart exploded"),
    );
    client.dispose();
  });
});
