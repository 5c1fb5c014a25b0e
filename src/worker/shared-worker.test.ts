/**
 * Several clients on one SharedTrainingWorker: each run keeps its own channel (its own Runner in the
 * worker), the worker starts once and stops with the last client, and a crash reaches every client.
 * The real worker entry runs in this thread behind a stand-in Worker.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { SharedTrainingWorker, TrainingClient } from "./client.ts";
import type { SessionSpec, Snapshot } from "./protocol.ts";

/** A Worker that runs training.worker.ts in this thread, with structured-cloned messages both ways. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static loading: Promise<unknown>[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  #inbox: ((event: { data: unknown }) => void) | null = null;
  #queue: unknown[] = [];

  constructor() {
    FakeWorker.made.push(this);
    const scope = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage: (data: unknown) =>
        queueMicrotask(() => {
          if (!this.terminated) this.onmessage?.({ data: structuredClone(data) });
        }),
    };
    vi.stubGlobal("self", scope);
    vi.resetModules();
    const loaded = import("./training.worker.ts").then(() => {
      this.#inbox = scope.onmessage;
      for (const data of this.#queue.splice(0)) this.#inbox?.({ data });
    });
    FakeWorker.loading.push(loaded);
  }

  postMessage(data: unknown): void {
    if (this.terminated) return;
    const copy = structuredClone(data);
    if (this.#inbox) this.#inbox({ data: copy });
    else this.#queue.push(copy);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** What a script error in the worker looks like to the page. */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} });
  }
}

const spec = (seed: number): SessionSpec => ({
  lab: "test",
  config: {
    layers: [2, 1],
    hidden: "tanh",
    head: "sigmoid",
    loss: "bce",
    init: { kind: "normal", scale: 0.5, bias: -10 },
    optimizer: { kind: "sgd", lr: 0.1 },
    seeds: { data: seed, init: seed + 1, batch: seed + 2 },
    dataset: { kind: "linear", n: 40, noise: 0.05, testFraction: 0.25 },
  },
  boundarySize: 4,
  diagnosticsEvery: 1,
  saturationThreshold: 0.01,
  path: null,
  outputParts: 0,
  perceptron: null,
});

function client(shared: SharedTrainingWorker) {
  const seen: Snapshot[] = [];
  const errors: string[] = [];
  const c = new TrainingClient({ onSnapshot: (s) => seen.push(s), onError: (m) => errors.push(m) }, "worker", shared);
  return { c, seen, errors, last: () => seen.at(-1) };
}

afterEach(async () => {
  await Promise.all(FakeWorker.loading);
  FakeWorker.made = [];
  FakeWorker.loading = [];
  vi.unstubAllGlobals();
});

describe("SharedTrainingWorker", () => {
  it("trains several runs in one worker, each on its own channel, and stops with the last client", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const shared = new SharedTrainingWorker();
    const a = client(shared);
    const b = client(shared);
    expect(FakeWorker.made).toHaveLength(1);
    a.c.start(spec(1));
    b.c.start(spec(7));
    await vi.waitFor(() => expect(a.last()?.step === 0 && b.last()?.step === 0).toBe(true));
    // Different seeds, different networks: each client gets its own run's numbers.
    expect(a.last()?.trainLoss).not.toBe(b.last()?.trainLoss);
    a.c.step(5);
    await vi.waitFor(() => expect(a.last()?.step).toBe(5));
    expect(b.last()?.step).toBe(0);
    a.c.dispose();
    expect(FakeWorker.made[0]!.terminated).toBe(false);
    b.c.step(2);
    await vi.waitFor(() => expect(b.last()?.step).toBe(2));
    b.c.dispose();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    // A new client after the last one left starts a new worker.
    client(shared).c.dispose();
    expect(FakeWorker.made).toHaveLength(2);
  });

  it("reports a crash of the worker to every client on it", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const shared = new SharedTrainingWorker();
    const a = client(shared);
    const b = client(shared);
    FakeWorker.made[0]!.crash("Uncaught Error: boom");
    expect(a.errors).toEqual(["The training worker stopped: Uncaught Error: boom."]);
    expect(b.errors).toEqual(a.errors);
    a.c.dispose();
    b.c.dispose();
  });
});
