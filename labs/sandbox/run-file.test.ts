import { describe, expect, it } from "vitest";
import { BoundedHistory } from "../../src/plots/downsample.ts";
import { TrainingSession } from "../../src/worker/session.ts";
import { readRunFile, RUN_FILE_FORMAT, writeRunFile } from "./run-file.ts";
import type { OwnData } from "./own-data.ts";
import { ownPoints } from "./own-scale.ts";
import { readPointsCsv } from "./points-csv.ts";
import { sandboxSpec, SB_DEFAULTS } from "./settings.ts";

/** A short sandbox run with one learning-rate change, as a file. */
function savedRun(settings = { ...SB_DEFAULTS, width: 4, layers: 1 }, own: OwnData | null = null) {
  const spec = sandboxSpec(settings, own && ownPoints(own));
  const session = new TrainingSession(spec);
  session.step(20);
  session.setLearningRate(0.05);
  session.step(10);
  const snapshot = session.snapshot(1);
  const history = new BoundedHistory(16, 3);
  history.push(30, [snapshot.trainLoss!, Number.NaN, 0.5]);
  return writeRunFile(
    {
      settings: { ...settings, lr: 0.05 },
      record: { spec, changes: session.changes!, step: 30 },
      own,
      snapshot,
      history,
      layers: ["L1", "out"],
    },
    new Date(0),
  );
}

describe("the sandbox run as a file", () => {
  it("writes the settings the run started from, its changes, its result and history; reads back the same run", () => {
    const file = savedRun();
    expect(file.name).toBe("sandbox-run-step-30.json");
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({ format: RUN_FILE_FORMAT, version: 1, savedAt: "1970-01-01T00:00:00.000Z" });
    expect(json.settings.lr).toBe(SB_DEFAULTS.lr);
    expect(json.history.rows[0]).toEqual([30, expect.any(Number), null, 0.5]);
    const read = readRunFile(file.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.run.changes).toEqual([{ step: 20, type: "lr", lr: 0.05 }]);
    expect(read.run.step).toBe(30);
    expect(read.run.settings).toEqual({ ...SB_DEFAULTS, width: 4, layers: 1 });
    expect(read.run.result?.trainLoss).toBe(json.result.trainLoss);
  });

  it("keeps the reader's own points in the file and reads them through the CSV reader", () => {
    const csv = readPointsCsv("0,0,a\n1,1,b\n0,1,a\n1,0,b\n2,2,a\n3,3,b\n2,3,a\n3,2,b\n4,4,a\n5,5,b", "mine.csv");
    if (!csv.ok) throw new Error("bad fixture");
    const file = savedRun({ ...SB_DEFAULTS, data: "own", width: 4, layers: 1 }, csv.data);
    const read = readRunFile(file.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.run.own).toEqual(csv.data);
    const broken = JSON.parse(file.text);
    broken.points.csv = broken.points.csv.replace("1,1,b", "1,x,b");
    expect(readRunFile(JSON.stringify(broken))).toEqual({
      ok: false,
      error: 'The file\'s points do not read: line 3: x2 is not a number: "x".',
    });
  });

  it("refuses, with a reason, what is not a sandbox run or asks for what the sandbox does not do", () => {
    const good = JSON.parse(savedRun().text);
    const variant = (change: (j: typeof good) => void) => {
      const j = structuredClone(good);
      change(j);
      return readRunFile(JSON.stringify(j));
    };
    const error = (r: ReturnType<typeof readRunFile>) => (r.ok ? "read" : r.error);
    expect(error(readRunFile("not json"))).toMatch(/not JSON/);
    expect(error(readRunFile('{"__proto__": {"x": 1}}'))).toBe("The file is not a sandbox run.");
    expect(error(variant((j) => (j.format = "other")))).toMatch(/does not say it is one/);
    expect(error(variant((j) => (j.version = 2)))).toMatch(/another version/);
    expect(error(variant((j) => delete j.settings.width))).toMatch(/have no width/);
    expect(error(variant((j) => (j.settings.width = 1e6)))).toMatch(/not the sandbox's/);
    expect(error(variant((j) => (j.record.changes[0].lr = 1e3)))).toMatch(
      /change at step 20 that the sandbox does not make/,
    );
    expect(error(variant((j) => (j.record.step = 10)))).toMatch(/does not read/);
    expect(error(variant((j) => (j.record.step = 50_000)))).toMatch(/replays runs of up to/);
    expect(error(variant((j) => (j.settings.data = "own")))).toMatch(/does not hold the points/);
    expect(error(readRunFile(" ".repeat(4_000_001)))).toMatch(/too large/);
  });
});
