import { describe, expect, it } from "vitest";
import { exportName, slug } from "./file-name.ts";

describe("export file names", () => {
  it("say the lab, the chart and the step", () => {
    expect(exportName("Decision regions of the network", "png", "sandbox", "400")).toBe(
      "sandbox-decision-regions-of-the-network-step-400.png",
    );
    expect(exportName("Gradient norm ‖∂L/∂W‖ per weight layer", "csv", "sandbox", "0")).toBe(
      "sandbox-gradient-norm-l-w-per-weight-layer-step-0.csv",
    );
  });

  it("let only a known shape of lab id and step into a name", () => {
    expect(exportName("Loss", "svg", "../../etc", "1; rm")).toBe("activation-labs-loss.svg");
    expect(exportName("Loss", "svg", null, null)).toBe("activation-labs-loss.svg");
  });

  it("cut long titles at a word, and name a title without letters 'chart'", () => {
    expect(
      slug("Share of (point, unit) pairs whose slope |f′(z)| is below 0.01, per layer").length,
    ).toBeLessThanOrEqual(40);
    expect(slug("‖∂‖ / ‖θ‖")).toBe("chart");
  });
});
