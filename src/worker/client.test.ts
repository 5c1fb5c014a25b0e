/**
 * A worker that misbehaves fails its lab, loudly and once: a message that does not fit the protocol
 * becomes the client's error (never a throw deep inside a chart), and the client stops listening.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TrainingClient } from "./client.ts";
import { TrainingSession } from "./session.ts";
import { testSpec } from "./test-spec.ts";

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
    client.start(
      testSpec(
        { layers: [2, 1], dataset: { kind: "linear", n: 20, noise: 0.05, testFraction: 0.25 } },
        { boundarySize: 0 },
      ),
    );
    await vi.waitFor(() =>
      expect(onError).toHaveBeenCalledWith("The lab could not show the latest step: chart exploded"),
    );
    client.dispose();
  });

  it("tells the worker each snapshot was shown, for the run it belongs to", async () => {
    const sent: unknown[] = [];
    const session = new TrainingSession(
      testSpec(
        { layers: [2, 2, 1], dataset: { kind: "xor", n: 20, noise: 0.05, testFraction: 0.2 } },
        { boundarySize: 0 },
      ),
    );
    const snapshot = (runId: number) => session.snapshot(runId);
    vi.stubGlobal(
      "Worker",
      class {
        onmessage: ((event: { data: unknown }) => void) | null = null;
        postMessage(message: { type: string; runId: number }): void {
          sent.push(message);
          if (message.type === "start")
            queueMicrotask(() => this.onmessage?.({ data: { type: "snapshot", snapshot: snapshot(message.runId) } }));
        }
        terminate(): void {}
      },
    );
    const onSnapshot = vi.fn();
    const client = new TrainingClient({ onSnapshot, onError: vi.fn() }, "worker");
    client.start({} as never);
    await vi.waitFor(() => expect(sent).toContainEqual({ type: "shown", runId: 1 }));
    expect(onSnapshot).toHaveBeenCalledTimes(1);
    client.dispose();
  });
});
