import { describe, expect, it } from "vitest";
import { malformed, type FromWorker, type Snapshot } from "./protocol.ts";
import { TrainingSession } from "./session.ts";
import { testSpec } from "./test-spec.ts";

const spec = testSpec(
  { layers: [2, 4, 1], dataset: { kind: "xor", n: 40, noise: 0.05, testFraction: 0.25 } },
  { boundarySize: 4, path: { x: [0.5, 0.5], indices: [0, 0, 0] }, outputParts: 2 },
);

/** A real first snapshot (with its dataset), as the worker posts it. */
function real(): Snapshot {
  return new TrainingSession(spec).snapshot(1);
}

const message = (snapshot: unknown) => ({ type: "snapshot", snapshot }) as unknown as FromWorker;

describe("malformed: messages from the worker are checked at the boundary", () => {
  it("accepts what the worker really sends: snapshots before and after training, and errors", () => {
    const session = new TrainingSession(spec);
    expect(malformed(message(session.snapshot(1)))).toBeNull();
    session.step(5);
    expect(malformed(message(session.snapshot(1)))).toBeNull();
    expect(malformed({ type: "error", runId: 3, message: "bad layers" })).toBeNull();
  });

  it.each([
    ["not an object", () => "snapshot"],
    ["unknown type", () => ({ type: "hello" })],
    ["no snapshot", () => ({ type: "snapshot" })],
    ["a step that is text", () => message({ ...real(), step: "12" })],
    ["an unknown status", () => message({ ...real(), status: "fine" })],
    ["a loss that is text", () => message({ ...real(), trainLoss: "0.3" })],
    ["layers missing", () => message({ ...real(), layers: null })],
    [
      "history rows that do not fit its data",
      () => message({ ...real(), history: { width: 5, rows: 9, data: new Float64Array(3) } }),
    ],
    ["history data as a plain array", () => message({ ...real(), history: { width: 1, rows: 1, data: [1] } })],
    ["a boundary grid of the wrong size", () => message({ ...real(), boundary: new Float64Array(7) })],
    ["logits that are text", () => message({ ...real(), logits: ["1.5"] })],
    [
      "dataset labels as floats",
      () => message({ ...real(), data: { ...real().data!, trainLabels: new Float64Array(30) } }),
    ],
    [
      "dataset points and labels of different lengths",
      () => message({ ...real(), data: { ...real().data!, testX: new Float64Array(3) } }),
    ],
    ["an error without text", () => ({ type: "error", runId: 1 })],
    ["no precision", () => message({ ...real(), precision: undefined })],
    ["an unknown precision", () => message({ ...real(), precision: "float16" })],
  ])("refuses %s", (_, make) => {
    expect(malformed(make())).toEqual(expect.any(String));
  });
});
