import { describe, expect, it } from "vitest";
import { DyingReluLab } from "../../labs/dying-relu/dying-relu.svelte.ts";
import { SandboxLab } from "../../labs/sandbox/sandbox.svelte.ts";
import { runSpec } from "./run-spec.ts";

describe("a kept run's spec, rebuilt from its settings", () => {
  it("is the spec the lab's own controller makes of those settings", () => {
    const settings = { act: "leaky-relu", alpha: 0.1, bias: -1, lr: 0.3, seed: 5 };
    const lab = new DyingReluLab(settings, { address: null });
    expect(runSpec("dying-relu", lab.base)).toEqual(lab.firstRun.spec);
    const sandbox = new SandboxLab({ data: "spirals" }, { address: null });
    expect(runSpec("sandbox", sandbox.base)).toEqual(sandbox.firstRun.spec);
  });

  it("refuses settings the schema would correct, and labs whose runs are not replayed", () => {
    expect(runSpec("dying-relu", { bias: -9 })).toMatch(/^its settings are not the lab's: .*outside/);
    expect(runSpec("output-loss", {})).toBe("this lab's runs are not replayed");
    expect(runSpec("__proto__", {})).toBe("this lab's runs are not replayed");
  });
});
