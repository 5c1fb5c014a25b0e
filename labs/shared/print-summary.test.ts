import { describe, expect, it } from "vitest";
import { defaultsOf } from "../../src/settings/url-state.ts";
import { SCHEMA as DYING_RELU } from "../dying-relu/settings.ts";
import { SCHEMA as VANISHING } from "../vanishing-gradients/settings.ts";
import { settingsLine } from "./print-summary.ts";

describe("a printed lab's settings line", () => {
  it("names every setting by its label, in the schema's order, with its value", () => {
    expect(settingsLine(DYING_RELU, { ...defaultsOf(DYING_RELU), act: "leaky-relu", bias: -1.5 })).toBe(
      "activation leaky-relu · α (Leaky ReLU slope) 0.2 · initial bias −1.5 · learning rate 0.1 · shock size 50 · " +
        "dataset moons · seed 3 · numbers float64",
    );
  });

  it("starts each label in lower case, formats numbers as the labs do, and says on or off for a switch", () => {
    const line = settingsLine(
      {
        ...VANISHING,
        log: { kind: "boolean", label: "Log scale", fallback: false },
      },
      { ...defaultsOf(VANISHING), lr: 0.000012, log: true },
    );
    expect(line).toMatch(/^hidden layers 10 · units per layer 16 · activation sigmoid/);
    expect(line).toContain("learning rate 1.2×10⁻⁵");
    expect(line).toMatch(/· log scale on$/);
  });

  it("prints a dash, never undefined or NaN markup, for a value the schema does not describe", () => {
    const line = settingsLine(DYING_RELU, { act: 3, lr: "fast" });
    expect(line).toContain("activation —");
    expect(line).toContain("learning rate —");
    expect(line).not.toMatch(/undefined|NaN/);
  });
});
