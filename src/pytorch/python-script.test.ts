import { describe, expect, it } from "vitest";
import { DR_DEFAULTS, drSpec } from "../../labs/dying-relu/settings.ts";
import { binarySpec, DEFAULTS as OL_DEFAULTS, multiclassSpec, PAIRING_IDS } from "../../labs/output-loss/settings.ts";
import { SB_DEFAULTS, sandboxSpec } from "../../labs/sandbox/settings.ts";
import { STEP_DEFAULTS, stepSpec } from "../../labs/step-function/settings.ts";
import { sessionSpec, VG_DEFAULTS } from "../../labs/vanishing-gradients/settings.ts";
import type { RunChange, RunRecord } from "../worker/run-record.ts";
import { scriptFile } from "./files.ts";
import { pythonExport } from "./python-script.ts";
import { exportRun, type RunExport } from "./run-export.ts";

const record = (spec: RunRecord["spec"], step: number, changes: RunChange[] = []): RunRecord => ({
  spec,
  step,
  changes,
});

/** Each training lab's default run, a few steps in. */
const LABS: Record<string, RunRecord[]> = {
  "step-function": [record(stepSpec(STEP_DEFAULTS), 30)],
  "vanishing-gradients": [record(sessionSpec({ ...VG_DEFAULTS, depth: 3, width: 4 }), 12)],
  "dying-relu": [record(drSpec(DR_DEFAULTS), 20)],
  "output-loss": PAIRING_IDS.map((id) => record(binarySpec(id, OL_DEFAULTS), 15)),
  "output-loss multiclass": [record(multiclassSpec(OL_DEFAULTS), 15)],
  sandbox: [record(sandboxSpec(SB_DEFAULTS), 10)],
};

function script(records: RunRecord[], title = "Lab"): { py: string; runs: RunExport[] } {
  const runs = records.map((r) => exportRun(r));
  return { py: scriptFile(pythonExport(runs, { title })), runs };
}

/** The numbers of the Python expression that follows `name = ` (up to the line that closes it), in order. */
function numbersAfter(py: string, name: string): number[] {
  const start = py.indexOf(`\n${name} = `);
  expect(start, `${name} is in the script`).toBeGreaterThanOrEqual(0);
  const body = py.slice(start + name.length + 4);
  const end = body.search(/\n[)\]}]\)?\n|\n(?! )/);
  const text = body
    .slice(0, end)
    .replace(/#.*$/gm, "")
    .replace(/torch\.tensor|layer \d+: \d+ → \d+/g, "");
  return (text.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g) ?? []).map(Number);
}

/** Bit-for-bit equality of two lists of doubles (−0 differs from 0). */
function sameDoubles(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe("the script of each lab's run", () => {
  it.each(Object.entries(LABS))(
    "%s: the sections in order, float64, and the points, weights and losses exactly",
    (_, records) => {
      const { py, runs } = script(records);
      const headings = [...py.matchAll(/^# ---- (.+?) -+$/gm)].map((m) => m[1]);
      const runHeadings = runs.length === 1 ? ["The run"] : runs.map((r) => `The ${r.label} run`);
      expect(headings).toEqual([
        "The points",
        "The starting weights",
        "How the lab trains",
        ...runHeadings,
        "The check",
        "The loss curve",
      ]);
      expect(py).toContain("torch.set_default_dtype(torch.float64)");
      const run = runs[0]!;
      const d = run.data;
      expect(sameDoubles(numbersAfter(py, "X_TRAIN"), d.trainX)).toBe(true);
      expect(numbersAfter(py, "C_TRAIN")).toEqual(d.trainLabels);
      if (d.testLabels.length > 0) expect(sameDoubles(numbersAfter(py, "X_TEST"), d.testX)).toBe(true);
      const start = run.weights.flatMap((w) => [...w.W, ...w.b]);
      expect(sameDoubles(numbersAfter(py, "START"), start)).toBe(true);
      runs.forEach((r) => {
        const key = runs.length === 1 ? "" : `_${r.label.replace(/ \+ /, "_").toUpperCase()}`;
        const checked = numbersAfter(py, `LAB_LOSS${key}`);
        expect(
          sameDoubles(
            checked,
            r.shown.flatMap((s) => [s.step, s.loss]),
          ),
        ).toBe(true);
        expect(py).toContain(`STEPS${key} = ${r.steps}  #`);
      });
      expect(py.trimEnd().endsWith("plt.show()")).toBe(true);
    },
  );

  it("puts the perceptron (by hand, in the lab's seeded order) only beside the step unit, and checks its accuracy", () => {
    const { py, runs } = script(LABS["step-function"]!);
    expect(py).toContain("class StepFunction(torch.autograd.Function):");
    expect(py).toContain("class LabRandom:");
    expect(py).toContain("def perceptron(w, b, lr, steps, seed, x, c):");
    const w = runs[0]!.weights[0]!;
    expect(py).toContain(`perceptron(\n    (${w.W.join(", ")}), ${w.b[0]}.0, 0.1, STEPS, 3, X_TRAIN, C_TRAIN\n)`);
    const accuracy = numbersAfter(py, "LAB_PERCEPTRON");
    expect(accuracy).toEqual(runs[0]!.shown.flatMap((s) => [s.step, s.perceptronAccuracy!]));
    expect(py).toContain('check("perceptron accuracy", perceptron_accuracy, LAB_PERCEPTRON)');
    expect(script(LABS["dying-relu"]!).py).not.toMatch(/perceptron|LabRandom|StepFunction|minibatches/);
  });

  it("ports the minibatch order only for a run in minibatches", () => {
    const { py } = script(LABS["vanishing-gradients"]!);
    expect(py).toContain("def minibatches(n, size, seed):");
    expect(py).toMatch(/CHANGES,\n {4}minibatches\(len\(X_TRAIN\), 32, seed=3\),\n\)/);
    expect(py).toContain("import math\n");
    expect(script(LABS.sandbox!).py).not.toContain("import math");
  });

  it("writes three runs side by side with their own names, sharing the points and the starting weights", () => {
    const { py } = script(LABS["output-loss"]!, "Output layer and loss");
    for (const key of ["sigmoid_bce", "sigmoid_mse", "tanh_mse"]) {
      expect(py).toContain(`model_${key} = nn.Sequential(`);
      expect(py).toContain(`load(model_${key}, START)`);
      expect(py).toMatch(new RegExp(`shown_${key} = train\\(`));
      expect(py).toContain(
        `check(${JSON.stringify(key.replace("_", " + ").replace(/(bce|mse)$/, (m) => m.toUpperCase()) + " loss")}`,
      );
    }
    expect(py.match(/^X_TRAIN = /gm)).toHaveLength(1);
    expect(py.match(/^START = /gm)).toHaveLength(1);
    expect(py).toContain("Y_TRAIN_TANH_MSE = torch.where(C_TRAIN == 1, 1.0, -1.0).unsqueeze(1)");
    expect(py.replace(/\s+/g, " ")).toMatch(
      /3 runs, trained side by side at step 15: sigmoid \+ MSE, sigmoid \+ BCE and tanh \+ MSE, each a 2 → 1 network,/,
    );
  });

  it("writes every kind of change at its step, in the order it was made", () => {
    const changes: RunChange[] = [
      { step: 0, type: "lr", lr: 0.2 },
      { step: 4, type: "activation", hidden: "leaky-relu", alpha: 0.2 },
      { step: 4, type: "lr", lr: 0.3 },
      { step: 6, type: "shock", lr: 5 },
      { step: 9, type: "activation", hidden: "elu", alpha: 1.5 },
      { step: 12, type: "activation", hidden: "step", alpha: 0 },
    ];
    const { py } = script([record(drSpec(DR_DEFAULTS), 12, changes)]);
    expect(py).toContain(
      [
        "CHANGES = {",
        '    0: [("lr", 0.2)],',
        '    4: [("activation", nn.LeakyReLU(negative_slope=0.2)), ("lr", 0.3)],',
        '    6: [("shock", 5.0)],',
        '    9: [("activation", nn.ELU(alpha=1.5))],',
        '    12: [("activation", Step())],',
        "}",
      ].join("\n"),
    );
    expect(py).toContain("class Step(nn.Module):");
    expect(script(LABS["dying-relu"]!).py).toContain("CHANGES = {}  # no changes during this run");
  });

  it("says where a run amplifies rounding and where the lab's run diverged", () => {
    const unstable = record(
      sandboxSpec({
        ...SB_DEFAULTS,
        data: "xor",
        act: "gelu",
        out: "tanh-mse",
        opt: "momentum",
        lr: 0.05,
        batch: "16",
      }),
      600,
    );
    const runs = [exportRun(unstable, { step: 601, reason: "the loss is not finite" })];
    const py = scriptFile(pythonExport(runs, { title: "Sandbox" }));
    const from = runs[0]!.sensitive!.from;
    const words = py.replace(/\s+/g, " ");
    expect(words).toContain(
      `The run amplifies rounding from about step ${from}: in the lab, the same run started from`,
    );
    expect(py).toContain(
      `print("tanh + MSE: from step ${from} the run amplifies rounding, so later steps are not checked")`,
    );
    expect(words).toContain("The lab's run stopped at step 600: step 601 diverged (the loss is not finite)");
  }, 60_000); // two replays of 600 steps: about 3 s alone, more on a busy machine
});
