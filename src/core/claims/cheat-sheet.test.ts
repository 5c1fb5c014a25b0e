/**
 * Claim tests for the cheat sheet (content/lessons/09-cheat-sheet). Each test name quotes the page. The rows
 * summarise tested claims of earlier lessons; what the page says about a lab runs that lab's named preset.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ActivationExplorerLab } from "../../../labs/activation-explorer/activation-explorer.svelte.ts";
import { ACTIVATION_LABELS } from "../../../labs/shared/activation-labels.ts";
import { PRESETS as EXPLORER } from "../../../labs/activation-explorer/presets.ts";
import { DR_WARMUP } from "../../../labs/dying-relu/settings.ts";
import { PRESETS as SANDBOX } from "../../../labs/sandbox/presets.ts";
import { LR_RANGE as SB_LR, SB_DEFAULTS, SB_WARMUP, sandboxSpec } from "../../../labs/sandbox/settings.ts";
import { exportFiles } from "../../pytorch/export-files.ts";
import { WARMUP_STEPS } from "../../../labs/vanishing-gradients/settings.ts";
import { getActivation, SATURATION_THRESHOLD, sigmoidDerivative, tanhDerivative } from "../index.ts";
import { dyingReluSession, gradientRatio, labSession, perLayer } from "./lab-runs.ts";

/** Training a 10-layer stack for 2,000 steps takes a few seconds alone, more on a busy machine. */
const SLOW = 180_000;

/** The page's text with line breaks and indentation collapsed to single spaces. */
function pageText(): string {
  const file = new URL("../../../content/lessons/09-cheat-sheet/index.mdx", import.meta.url);
  return readFileSync(file, "utf8").replace(/\s+/g, " ");
}

/** Where |f′| falls below the saturation threshold, scanning outwards from 0 in the direction `sign`. */
function saturatesBeyond(df: (z: number) => number, sign: 1 | -1): number {
  let z = 0;
  while (Math.abs(df(z)) >= SATURATION_THRESHOLD) z += sign * 1e-4;
  return z;
}

describe("cheat sheet", () => {
  it('"saturates" means |f′(z)| < 0.01: the sigmoid beyond about ±4.6, tanh beyond about ±3.0, ELU beyond about −4.6', () => {
    const text = pageText();
    expect(text).toContain(`$\\lvert f'(z)\\rvert < ${SATURATION_THRESHOLD}$`);
    expect(saturatesBeyond(sigmoidDerivative, 1).toFixed(1)).toBe("4.6");
    expect(saturatesBeyond(tanhDerivative, 1).toFixed(1)).toBe("3.0");
    expect(saturatesBeyond(getActivation("elu", 1).df, -1).toFixed(1)).toBe("-4.6");
    expect(text).toContain("saturated beyond about ±4.6");
    expect(text).toContain("(beyond about ±3.0)");
    expect(text).toContain("(slope below 0.01 beyond about −4.6)");
  });

  it("tanh is not the same mistake: with Xavier initialisation a deep tanh stack starts with level gradients (first/last within 10×), where a uniformly initialised sigmoid stack's first layer gets under a hundredth of the last's", () => {
    const tanh = labSession("vanishing-gradients", "tanh-xavier");
    tanh.step(WARMUP_STEPS);
    const r = gradientRatio(tanh.snapshot(0));
    expect(r).toBeGreaterThan(0.1);
    expect(r).toBeLessThan(10);
    const sigmoid = labSession("vanishing-gradients", "sigmoid-uniform");
    sigmoid.step(WARMUP_STEPS);
    expect(gradientRatio(sigmoid.snapshot(0))).toBeLessThan(0.01);
  });

  it(
    "for the sigmoid the window of weight scales that holds the product near 1 is narrow and shifts as training moves the weights: U(−5, 5) trains to 97%, U(−4, 4) falls back to a coin toss",
    () => {
      const window = labSession("vanishing-gradients", "sigmoid-window");
      window.step(300);
      const at300 = gradientRatio(window.snapshot(0));
      expect(at300).toBeGreaterThan(0.1);
      expect(at300).toBeLessThan(10);
      window.step(700);
      expect(window.snapshot(0).trainAccuracy).toBeGreaterThan(0.95);
      const narrower = labSession("vanishing-gradients", "sigmoid-window", { scale: 4 });
      narrower.step(300);
      expect(narrower.snapshot(0).trainAccuracy).toBeGreaterThan(0.8);
      narrower.step(1700);
      expect(narrower.snapshot(0).trainAccuracy).toBeLessThan(0.6);
    },
    SLOW,
  );

  it("mistake 8: in the shock lab, 8 units off after the shock, 4 at the switch to Leaky ReLU, before any weight moves; the first layer's 3 stay off", () => {
    const s = dyingReluSession("shock");
    s.step(DR_WARMUP);
    s.shock(50);
    expect(perLayer(s)).toEqual([3, 5]);
    const weights = Array.from(s.trainer.mlp.params);
    s.setActivation("leaky-relu", 0.2);
    expect(perLayer(s)).toEqual([3, 1]);
    expect(Array.from(s.trainer.mlp.params)).toEqual(weights);
    s.step(60);
    expect(perLayer(s)[0]).toBe(3);
    expect(pageText()).toContain("8 units off after the shock, 4 at the switch");
  });

  it("the explorer opens on ReLU against Leaky ReLU (α = 0.1): shaded is where the first one's |f′| is below 0.01, ReLU's left half", () => {
    const lab = new ActivationExplorerLab(EXPLORER["cheat-sheet"].settings, { address: null });
    expect([lab.current.a, lab.current.b, lab.current.alpha]).toEqual(["relu", "leaky-relu", 0.1]);
    expect(lab.current.threshold).toBe(SATURATION_THRESHOLD);
    const [band, ...rest] = lab.bandsA;
    expect(rest).toEqual([]);
    expect(band!.from).toBe(-6);
    expect(band!.to).toBeCloseTo(0, 1);
  });

  it(
    "sandbox (spirals-relu): with identity hidden layers the network is one linear map from the input to the logits, and it cannot follow the spirals; with ReLU it can",
    () => {
      const linear = labSession("sandbox", "spirals-relu", { act: "identity" });
      linear.step(SB_WARMUP + 500);
      // The lab's boundary picture: softmax probabilities on a grid. log(p₁/p₀) = z₁ − z₀ is affine in the input
      // exactly when the network is one linear map, so its differences along rows and columns are constant.
      const logRatioSteps = (s: ReturnType<typeof labSession>) => {
        const snap = s.snapshot(0);
        const [size, k, p] = [snap.boundarySize, s.config.layers.at(-1)!, snap.boundary!];
        const d = (r: number, c: number) => Math.log(p[(r * size + c) * k + 1]! / p[(r * size + c) * k]!);
        const across: number[] = [];
        const down: number[] = [];
        for (let r = 0; r + 1 < size; r++)
          for (let c = 0; c + 1 < size; c++) {
            across.push(d(r, c + 1) - d(r, c));
            down.push(d(r + 1, c) - d(r, c));
          }
        const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
        return Math.max(spread(across), spread(down));
      };
      expect(logRatioSteps(linear)).toBeLessThan(1e-9);
      expect(linear.snapshot(0).trainAccuracy).toBeLessThan(0.5);
      const relu = labSession("sandbox", "spirals-relu");
      relu.step(SB_WARMUP + 500);
      expect(relu.snapshot(0).trainAccuracy).toBeGreaterThan(0.95);
      expect(logRatioSteps(relu)).toBeGreaterThan(0.1);
    },
    SLOW,
  );

  it('"Download as PyTorch" follows the page\'s rules: for spirals-relu, nn.CrossEntropyLoss on the logits and no softmax in the model; for sigmoid + BCE, nn.BCEWithLogitsLoss on the logits', () => {
    const script = (settings: object) =>
      exportFiles([{ spec: sandboxSpec({ ...SB_DEFAULTS, ...settings }), changes: [], step: 2 }], { title: "Sandbox" })
        .py;
    const model = (py: string) => py.slice(py.indexOf("model = nn.Sequential("), py.indexOf("\n)\n"));
    const spirals = script(SANDBOX["spirals-relu"].settings);
    expect(spirals).toContain("loss_value = loss_to_backprop = nn.CrossEntropyLoss()");
    expect(spirals).not.toMatch(/Softmax|softmax\(/);
    expect(model(spirals).trimEnd().split("\n").at(-1)).toMatch(/^ {4}nn\.Linear\(32, 3\),/);
    const binary = script({ out: "sigmoid-bce" });
    expect(binary).toContain("return bce_with_logits(z, y)");
    expect(model(binary)).not.toMatch(/nn\.Sigmoid\(\)/);
    expect(model(binary).trimEnd().split("\n").at(-1)).toMatch(/^ {4}nn\.Linear\(8, 1\),/);
  });

  it("teacher guide: identity hidden layers, plain SGD and the top learning rate (100) diverge at step 8; with ReLU the same rate does not", () => {
    expect(SB_LR.max).toBe(100);
    const broken = labSession("sandbox", "spirals-relu", { act: "identity", opt: "sgd", lr: SB_LR.max });
    while (broken.snapshot(0).status === "ok" && broken.trainer.steps < 400) broken.step(1);
    expect(broken.snapshot(0).status).toBe("diverged");
    expect(broken.snapshot(0).divergedAt).toBe(8);
    const relu = labSession("sandbox", "spirals-relu", { opt: "sgd", lr: SB_LR.max });
    relu.step(400);
    expect(relu.snapshot(0).status).toBe("ok");
  });

  it("teacher guide: spirals-relu is two hidden layers of 32 ReLU units with softmax + cross-entropy and Adam; it opens after 150 steps at 100% of the training points (97% of the test points)", () => {
    const s = SANDBOX["spirals-relu"].settings;
    expect([s.layers, s.width, s.act, s.out, s.opt]).toEqual([2, 32, "relu", "softmax-ce", "adam"]);
    expect(SB_WARMUP).toBe(150);
    const run = labSession("sandbox", "spirals-relu");
    run.step(SB_WARMUP);
    const { trainAccuracy, testAccuracy } = run.snapshot(0);
    expect([Math.round(100 * trainAccuracy!), Math.round(100 * testAccuracy!)]).toEqual([100, 97]);
    const guide = readFileSync(new URL("../../../content/teacher/cheat-sheet.mdx", import.meta.url), "utf8");
    expect(guide.replace(/\s+/g, " ")).toContain(
      "opens after 150 steps at 100% of the training points (97% of the test points)",
    );
  });

  it("the explorer draws every activation of the table but SELU, softplus, Maxout and softmax", () => {
    const rows = [...pageText().matchAll(/\| \*\*([A-Za-z ]+?)\*\*/g)].map((m) => m[1]!.toLowerCase());
    const drawn = Object.values(ACTIVATION_LABELS).map((label) => label.toLowerCase());
    const missing = rows.filter((row) => !drawn.some((label) => label.startsWith(row)));
    expect(missing).toEqual(["selu", "softplus", "maxout", "softmax"]);
    expect(pageText()).toContain("(the explorer has all but SELU, softplus, Maxout and softmax)");
  });
});
