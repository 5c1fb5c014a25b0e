/**
 * The sandbox's "Download as PyTorch" follows the lessons' rules for every output, dataset and activation: the model
 * ends in logits, nn.CrossEntropyLoss and nn.BCEWithLogitsLoss receive the logits (no softmax or sigmoid before
 * them), and MSE pairings apply the sigmoid or tanh inside the loss. The scripts are the exact exports of the run.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, DATASET_KINDS } from "../../src/core/index.ts";
import { exportFiles } from "../../src/pytorch/export-files.ts";
import { OUTPUT_NAMES, OUTPUTS, reconcile, SB_DEFAULTS, sandboxSpec, type SandboxSettings } from "./settings.ts";

/** Many exports (and a Python process): seconds alone, longer on a busy machine. */
const SLOW = 120_000;

/** The script "Download as PyTorch" writes for these settings' run after `steps` steps. */
function script(settings: Partial<SandboxSettings>, steps = 0): string {
  const spec = sandboxSpec({ ...SB_DEFAULTS, ...settings });
  return exportFiles([{ spec, changes: [], step: steps }], { title: "Sandbox" }).py;
}

/** The model's definition: from "model = nn.Sequential(" to its closing parenthesis. */
function model(py: string): string {
  const start = py.indexOf("model = nn.Sequential(");
  return py.slice(start, py.indexOf("\n)\n", start));
}

/** The model's last line: its output layer. */
function lastLayer(py: string): string {
  return model(py).trimEnd().split("\n").at(-1)!;
}

describe("the sandbox's PyTorch export", () => {
  it(
    "never puts a softmax before nn.CrossEntropyLoss, nor a sigmoid before nn.BCEWithLogitsLoss",
    { timeout: SLOW },
    () => {
      for (const data of DATASET_KINDS) {
        for (const out of OUTPUT_NAMES) {
          for (const act of ["sigmoid", "relu"] as const) {
            const settings = { data, out, act, classes: 5 } as const;
            const py = script(settings);
            // Which loss the script uses follows from the settings, so every branch is checked for every combination.
            const loss = OUTPUTS[reconcile({ ...SB_DEFAULTS, ...settings }).out].loss;
            expect(lastLayer(py)).toMatch(/^ {4}nn\.Linear\(\d+, [1-5]\),/);
            if (loss === "cross-entropy") {
              expect(py).toContain("loss_value = loss_to_backprop = nn.CrossEntropyLoss()");
              expect(py).not.toMatch(/Softmax|softmax\(/);
            } else if (loss === "mse") {
              expect(py).toContain("mse = nn.MSELoss()");
              expect(py).toMatch(/return mse\(torch\.(sigmoid|tanh)\(z\), y\)/);
            } else {
              expect(py).toContain("nn.BCEWithLogitsLoss()");
              expect(py).toMatch(/def loss_to_backprop\(z, y\):\n(?: {4}.*\n)*? {4}return bce_with_logits\(z, y\)/);
            }
          }
        }
      }
    },
  );

  it("uses cross-entropy with one output per class whenever there are more than two classes", () => {
    const py = script({ data: "spirals", classes: 5, out: "sigmoid-mse" });
    expect(py).toContain("nn.CrossEntropyLoss()");
    expect(lastLayer(py)).toBe("    nn.Linear(8, 5),  # the logits z: the log-softmax is applied in the loss");
    expect(py).not.toContain("nn.MSELoss");
    expect(py).toContain("Y_TRAIN = C_TRAIN  # cross-entropy takes each point's class");
  });

  it("pairs each lab loss with the PyTorch loss the lessons name, and each output with its targets", () => {
    expect(script({ out: "sigmoid-bce" })).toContain("bce, bce_with_logits = nn.BCELoss(), nn.BCEWithLogitsLoss()");
    expect(script({ out: "sigmoid-bce-logits" })).toContain("bce_with_logits = nn.BCEWithLogitsLoss()");
    expect(script({ out: "sigmoid-mse" })).toContain("return mse(torch.sigmoid(z), y)");
    const tanh = script({ out: "tanh-mse" });
    expect(tanh).toContain("return mse(torch.tanh(z), y)");
    expect(tanh).toContain("Y_TRAIN = torch.where(C_TRAIN == 1, 1.0, -1.0).unsqueeze(1)");
    expect(script({ out: "sigmoid-bce" })).toContain("Y_TRAIN = (C_TRAIN == 1).to(torch.float64).unsqueeze(1)");
  });

  it("writes one Linear + activation pair per hidden layer, the minibatches and the optimiser", () => {
    const py = script({ layers: 3, width: 16, act: "gelu", batch: "64", opt: "sgd", lr: 0.3 });
    expect(model(py).match(/nn\.GELU\(\)/g)).toHaveLength(3);
    expect(model(py)).toContain("nn.Linear(2, 16),\n    nn.GELU(),\n    nn.Linear(16, 16),");
    expect(py).toContain("minibatches(len(X_TRAIN), 64, seed=3)");
    expect(py).toContain("optimizer = torch.optim.SGD(model.parameters(), lr=0.3)\n");
    expect(script({ opt: "momentum", lr: 0.05 })).toContain(
      "optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)",
    );
    expect(script({ opt: "adam" })).toContain(
      "optimizer = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)",
    );
    expect(model(script({ layers: 0 }))).toBe(
      "model = nn.Sequential(\n    nn.Linear(2, 1),  # the logits z: the sigmoid is applied in the loss",
    );
    expect(script({ batch: "full" })).not.toContain("minibatches(");
  });

  it("names every activation's module, with α where PyTorch takes it", () => {
    const modules = ACTIVATION_NAMES.map((act) =>
      model(script({ act, alpha: 0.2, layers: 1 }))
        .split("\n")[2]!
        .trim(),
    );
    expect(modules).toEqual([
      "Step(),",
      "nn.Identity(),",
      "nn.Sigmoid(),",
      "nn.Tanh(),",
      "nn.ReLU(),",
      "nn.LeakyReLU(negative_slope=0.2),",
      "nn.ELU(alpha=0.2),",
      "nn.GELU(),",
      "nn.SiLU(),",
    ]);
    expect(script({ act: "step", layers: 1 })).toContain("class StepFunction(torch.autograd.Function):");
    expect(script({ act: "relu", layers: 1 })).not.toContain("StepFunction");
  });
});

/**
 * Whether a Python 3 interpreter is on the PATH (to check the scripts' syntax). A newcomer's machine without one
 * skips this block; CI never does (CI=true), so a missing Python there fails instead of passing unseen.
 */
const python = spawnSync("python3", ["--version"]).status === 0 || process.env.CI === "true";

describe.skipIf(!python)("the scripts are valid Python", () => {
  it(
    "parses for every dataset × output × activation",
    () => {
      const scripts: string[] = [];
      for (const data of DATASET_KINDS)
        for (const out of OUTPUT_NAMES)
          for (const act of ACTIVATION_NAMES) scripts.push(script({ data, out, act, test: act === "step" ? 0 : 0.25 }));
      const check = "import ast, json, sys\nfor s in json.load(sys.stdin): ast.parse(s)\nprint('ok')";
      const run = spawnSync("python3", ["-c", check], { input: JSON.stringify(scripts), encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.stdout.trim()).toBe("ok");
    },
    SLOW,
  );
});
