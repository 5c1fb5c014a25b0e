import { describe, expect, it } from "vitest";
import { runStatic } from "./static-run.ts";
import { unflatten } from "./static-snapshot.ts";
import { percentText, runReadout } from "./run-readout.ts";
import { testSpec } from "../../src/worker/test-spec.ts";

describe("the run readout", () => {
  it("shows the step, the loss and both accuracies of the snapshot on screen, exactly as it holds them", () => {
    const s = unflatten(runStatic(testSpec(), 40));
    const figures = runReadout(s);
    expect(figures.map((f) => f.name)).toEqual(["step", "loss", "train", "test"]);
    expect(figures[0]).toMatchObject({ text: "40", value: 40 });
    expect(figures[2]!.value).toBe(s.trainAccuracy);
    expect(figures[3]!.text).toBe(`${Math.round(s.testAccuracy! * 100)}%`);
  });

  it("leaves out the test accuracy of a run without held-out points, and shows nothing before the first snapshot", () => {
    const s = unflatten(runStatic(testSpec({ dataset: { kind: "xor", n: 100, noise: 0.05, testFraction: 0 } }), 1));
    expect(runReadout(s).map((f) => f.name)).toEqual(["step", "loss", "train"]);
    expect(runReadout(null)).toEqual([]);
  });

  it("writes a share as a whole percentage, and a missing one as a dash", () => {
    expect([percentText(0.9866), percentText(null), percentText(Number.NaN)]).toEqual(["99%", "—", "—"]);
  });
});
