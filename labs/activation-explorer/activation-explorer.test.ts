import { describe, expect, it } from "vitest";
import { sigmoidDerivative } from "../../src/core/index.ts";
import { flatIntervals, sampleActivation } from "./curves.ts";
import { ActivationExplorerLab } from "./activation-explorer.svelte.ts";

/** The explorer's reading of a lesson's preset: its settings and notices. */
function readExplorerSettings(preset: unknown) {
  const lab = new ActivationExplorerLab(preset, { address: null });
  return { settings: lab.settings, notices: lab.notices };
}

describe("sampleActivation", () => {
  it("samples f and f′ from the core on an even grid including both ends", () => {
    const c = sampleActivation("sigmoid", 0.01, -6, 6, 13);
    expect(c.xs[0]).toBe(-6);
    expect(c.xs[12]).toBe(6);
    expect(c.f[6]).toBe(0.5);
    expect(c.df[6]).toBe(0.25);
  });
});

describe("flatIntervals (the shaded saturated regions)", () => {
  it("shades the sigmoid outside about ±2.06 at threshold 0.1", () => {
    const c = sampleActivation("sigmoid", 0.01, -6, 6, 481);
    const bands = flatIntervals(c.xs, c.df, 0.1);
    expect(bands).toHaveLength(2);
    expect(bands[0]?.from).toBe(-6);
    expect(bands[0]?.to).toBeCloseTo(-2.06, 1);
    expect(bands[1]?.from).toBeCloseTo(2.06, 1);
    expect(bands[1]?.to).toBe(6);
  });

  it("shades the whole step function: its slope is 0 everywhere", () => {
    const c = sampleActivation("step", 0.01, -6, 6, 481);
    expect(flatIntervals(c.xs, c.df, 0.1)).toEqual([{ from: -6, to: 6 }]);
  });

  it("shades ReLU's negative side, and Leaky ReLU's only while α is below the threshold", () => {
    const relu = sampleActivation("relu", 0.01, -6, 6, 481);
    const [band] = flatIntervals(relu.xs, relu.df, 0.1);
    expect(band?.from).toBe(-6);
    expect(band?.to).toBeCloseTo(0, 1);
    const leaky = sampleActivation("leaky-relu", 0.2, -6, 6, 481);
    expect(flatIntervals(leaky.xs, leaky.df, 0.1)).toEqual([]);
  });

  it("shades nothing at threshold 0", () => {
    const c = sampleActivation("tanh", 0.01, -6, 6, 481);
    expect(flatIntervals(c.xs, c.df, 0)).toEqual([]);
  });
});

describe("readExplorerSettings", () => {
  it("accepts a good preset as is", () => {
    const { settings, notices } = readExplorerSettings({ a: "tanh", b: "relu", alpha: 0.2, threshold: 0.05, x: -3 });
    expect(settings).toEqual({ a: "tanh", b: "relu", alpha: 0.2, threshold: 0.05, x: -3, range: "6" });
    expect(notices).toEqual([]);
  });

  it("turns hostile values into defaults or clamped values, each with a notice", () => {
    const { settings, notices } = readExplorerSettings({
      a: "__proto__",
      b: "<script>alert(1)</script>",
      alpha: "1e309",
      threshold: -5,
      x: "constructor",
    });
    expect(settings).toEqual({ a: "sigmoid", b: "none", alpha: 0.1, threshold: 0, x: 1, range: "6" });
    expect(notices).toHaveLength(5);
    // Notices are shown as text (Svelte escapes it) and stay short whatever came in.
    expect(Math.max(...notices.map((n) => n.message.length))).toBeLessThan(200);
  });

  it("ignores inherited keys and non-object presets", () => {
    const proto = Object.create({ a: "relu" }) as object;
    expect(readExplorerSettings(proto).settings.a).toBe("sigmoid");
    expect(readExplorerSettings(null).notices).toEqual([]);
    expect(readExplorerSettings("tanh").settings.a).toBe("sigmoid");
  });
});

describe("ActivationExplorerLab", () => {
  it("reads out f and f′ at the probe for each activation shown, from the core", () => {
    const lab = new ActivationExplorerLab({ a: "sigmoid", b: "step", x: 6 }, { address: null });
    expect(lab.readouts.map((r) => r.name)).toEqual(["sigmoid", "step"]);
    expect(lab.readouts[0]?.df).toBe(sigmoidDerivative(6));
    expect(lab.readouts[1]?.df).toBe(0);
  });

  it("keeps the probe inside the plotted range, and a wider range reaches the z values the lessons discuss", () => {
    const lab = new ActivationExplorerLab({ x: 40 }, { address: null });
    expect(lab.settings.x).toBe(6);
    expect(lab.notices).toHaveLength(1);
    const wide = new ActivationExplorerLab({ a: "sigmoid", range: "48", x: 40 }, { address: null });
    expect(wide.settings.x).toBe(40);
    expect(wide.readouts[0]!.df).toBe(sigmoidDerivative(40));
    expect([wide.curveA.xs[0], wide.curveA.xs.at(-1)]).toEqual([-48, 48]);
    wide.set("range", "6");
    expect(wide.settings.x).toBe(6);
  });

  it("draws ELU with PyTorch's α = 1", () => {
    const lab = new ActivationExplorerLab({ a: "elu", alpha: 1, x: -40, range: "48" }, { address: null });
    expect(lab.notices).toEqual([]);
    expect(lab.readouts[0]!.f).toBeCloseTo(-1, 12);
  });

  it("updates the readout when α changes", () => {
    const lab = new ActivationExplorerLab({ a: "leaky-relu", x: -2, alpha: 0.1 }, { address: null });
    expect(lab.readouts[0]?.f).toBeCloseTo(-0.2, 12);
    lab.set("alpha", 0.3);
    expect(lab.readouts[0]?.f).toBeCloseTo(-0.6, 12);
    expect(lab.readouts[0]?.df).toBe(0.3);
  });
});

describe("ActivationExplorerLab and the page address", () => {
  it("applies ae.* settings from the address on top of the preset, with notices for bad ones", () => {
    const address = { read: () => "?ae.a=tanh&ae.x=__proto__&sb.x=3", write: () => {} };
    const lab = new ActivationExplorerLab({ a: "sigmoid", x: 2 }, { address });
    lab.mount();
    expect(lab.settings.a).toBe("tanh");
    expect(lab.settings.x).toBe(2);
    expect(lab.notices.map((n) => n.setting)).toEqual(["x"]);
  });

  it("shows the same activation twice when both menus name it", () => {
    const lab = new ActivationExplorerLab({ a: "relu", b: "relu", x: 1 }, { address: null });
    expect(lab.readouts.map((r) => r.name)).toEqual(["relu", "relu"]);
  });
});
