import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, DATASET_KINDS, INIT_KINDS } from "../../src/core/index.ts";
import { activationModule, initCall, py, pytorchScript } from "./pytorch.ts";
import { OUTPUT_NAMES, OUTPUTS, reconcile, SB_DEFAULTS, type SandboxSettings } from "./settings.ts";

const blobs: SandboxSettings = {
  ...SB_DEFAULTS,
  data: "blobs",
  classes: 4,
  act: "leaky-relu",
  alpha: 0.2,
  opt: "momentum",
  lr: 0.05,
  batch: "32",
  init: "xavier-uniform",
  scale: 1.5,
  bias: 0.1,
};

describe("pytorchScript", () => {
  it("matches the snapshot for the default ReLU / Adam / sigmoid + BCE network on moons", () => {
    expect(pytorchScript(SB_DEFAULTS)).toMatchSnapshot();
  });

  it("matches the snapshot for 4-class blobs with Leaky ReLU, momentum, minibatches and Xavier init", () => {
    expect(pytorchScript(blobs)).toMatchSnapshot();
  });

  it("matches the snapshot for a step network with a tanh + MSE output and no test split", () => {
    const step: SandboxSettings = {
      ...SB_DEFAULTS,
      data: "linear",
      act: "step",
      out: "tanh-mse",
      layers: 1,
      width: 4,
      opt: "sgd",
      test: 0,
      scale: 2,
    };
    expect(pytorchScript(step)).toMatchSnapshot();
  });

  it("never puts a softmax before nn.CrossEntropyLoss, nor a sigmoid before nn.BCEWithLogitsLoss", () => {
    for (const data of DATASET_KINDS) {
      for (const out of OUTPUT_NAMES) {
        for (const act of ["sigmoid", "relu"] as const) {
          const script = pytorchScript({ ...SB_DEFAULTS, data, out, act, classes: 5 });
          const model = script.slice(script.indexOf("model = nn.Sequential("), script.indexOf("\n)\n"));
          // Every expectation holds for every combination: which loss the script uses follows from the settings.
          const loss = OUTPUTS[reconcile({ ...SB_DEFAULTS, data, out, act, classes: 5 }).out].loss;
          const last = model.trimEnd().split("\n").at(-1);
          if (loss === "cross-entropy") {
            expect(script).toContain("nn.CrossEntropyLoss()");
            expect(script).not.toMatch(/nn\.Softmax|nn\.LogSoftmax|softmax\(/);
            expect(model).toMatch(/nn\.Linear\(\d+, [2-5]\),[^\n]*\n?$/);
          } else if (loss === "mse") {
            expect(script).toContain("nn.MSELoss()");
            expect(last).toMatch(/nn\.(Sigmoid|Tanh)\(\),$/);
          } else {
            // BCE on a sigmoid and BCE with logits both become nn.BCEWithLogitsLoss on logits: the model ends in a
            // Linear layer (the hidden layers may be sigmoids).
            expect(script).toContain("nn.BCEWithLogitsLoss()");
            expect(script).not.toContain("nn.BCELoss()");
            expect(last).toMatch(/^ {4}nn\.Linear\(\d+, 1\),/);
          }
        }
      }
    }
  });

  it("uses cross-entropy with one output per class whenever there are more than two classes", () => {
    const script = pytorchScript({ ...SB_DEFAULTS, data: "spirals", classes: 5, out: "sigmoid-mse" });
    expect(script).toContain("nn.CrossEntropyLoss()");
    expect(script).toContain("nn.Linear(8, 5),");
    expect(script).not.toContain("nn.MSELoss");
    expect(script).toContain("c = torch.arange(n) % 5");
  });

  it("pairs each lab loss with the PyTorch loss the lessons name", () => {
    const loss = (out: SandboxSettings["out"]) =>
      pytorchScript({ ...SB_DEFAULTS, out }).match(/loss_fn = (nn\.\w+)\(\)/)?.[1];
    expect(loss("sigmoid-bce")).toBe("nn.BCEWithLogitsLoss");
    expect(loss("sigmoid-bce-logits")).toBe("nn.BCEWithLogitsLoss");
    expect(loss("sigmoid-mse")).toBe("nn.MSELoss");
    expect(loss("tanh-mse")).toBe("nn.MSELoss");
    expect(loss("softmax-ce")).toBe("nn.CrossEntropyLoss");
    expect(pytorchScript(SB_DEFAULTS)).toMatch(
      /BCEWithLogitsLoss applies the sigmoid itself: the numerically stable equivalent/,
    );
    expect(pytorchScript({ ...SB_DEFAULTS, out: "tanh-mse" })).toContain("2 * c.float().unsqueeze(1) - 1");
  });

  it("writes one Linear + activation pair per hidden layer, the data comment, the batch size and the optimiser", () => {
    const script = pytorchScript({
      ...SB_DEFAULTS,
      layers: 3,
      width: 16,
      act: "gelu",
      batch: "64",
      opt: "sgd",
      lr: 0.3,
    });
    expect(script.match(/nn\.GELU\(\)/g)).toHaveLength(3);
    expect(script).toContain("nn.Linear(2, 16),\n    nn.GELU(),\n    nn.Linear(16, 16),");
    expect(script).toContain("batch_size=64");
    expect(script).toContain("optimizer = torch.optim.SGD(model.parameters(), lr=0.3)\n");
    expect(script).toMatch(/points differ from the lab's/);
    expect(pytorchScript({ ...SB_DEFAULTS, layers: 0 })).toMatch(/model = nn\.Sequential\(\n {4}nn\.Linear\(2, 1\),/);
  });
});

describe("modules and numbers", () => {
  it("names every activation's module, with α where PyTorch takes it", () => {
    const modules = ACTIVATION_NAMES.map((a) => activationModule(a, 0.2));
    expect(modules).toEqual([
      "Step()",
      "nn.Identity()",
      "nn.Sigmoid()",
      "nn.Tanh()",
      "nn.ReLU()",
      "nn.LeakyReLU(negative_slope=0.2)",
      "nn.ELU(alpha=0.2)",
      "nn.GELU()",
      "nn.SiLU()",
    ]);
    expect(() => activationModule("swish2", 1)).toThrow();
  });

  it("initialises as the core does: the naive std/bound, Xavier's gain, He with the ReLU gain times the scale", () => {
    expect(INIT_KINDS.map((k) => initCall(k, 1).split("  #")[0])).toEqual([
      "nn.init.normal_(layer.weight, mean=0.0, std=1.0)",
      "nn.init.uniform_(layer.weight, -1.0, 1.0)",
      "nn.init.xavier_normal_(layer.weight, gain=1.0)",
      "nn.init.xavier_uniform_(layer.weight, gain=1.0)",
      'nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")',
      'nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")',
      "nn.init.constant_(layer.weight, 1.0)",
    ]);
    expect(initCall("he-normal", 0.5)).toContain("layer.weight.data.mul_(0.5)");
    expect(pytorchScript({ ...SB_DEFAULTS, bias: -0.5 })).toContain("nn.init.constant_(layer.bias, -0.5)");
  });

  it("writes numbers as Python floats", () => {
    expect([py(1), py(0), py(-0), py(0.1), py(1e-4), py(1 / 3)]).toEqual([
      "1.0",
      "0.0",
      "0.0",
      "0.1",
      "0.0001",
      "0.333333",
    ]);
  });
});

/**
 * Whether a Python 3 interpreter is on the PATH (to check the scripts' syntax). A newcomer's machine without one
 * skips this block; CI never does (CI=true), so a missing Python there fails instead of passing unseen.
 */
const python = spawnSync("python3", ["--version"]).status === 0 || process.env.CI === "true";

describe.skipIf(!python)("the scripts are valid Python", () => {
  it("parses for every dataset × output × activation", () => {
    const scripts: string[] = [];
    for (const data of DATASET_KINDS)
      for (const out of OUTPUT_NAMES)
        for (const act of ACTIVATION_NAMES)
          scripts.push(pytorchScript({ ...SB_DEFAULTS, data, out, act, test: act === "step" ? 0 : 0.25 }));
    const check = "import ast, json, sys\nfor s in json.load(sys.stdin): ast.parse(s)\nprint('ok')";
    const run = spawnSync("python3", ["-c", check], { input: JSON.stringify(scripts), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("ok");
  });
});
