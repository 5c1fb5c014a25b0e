/**
 * One run's Python: its targets, network, starting weights, loss, optimiser, changes, training and check. Each
 * function returns source text; `name` adds the run's suffix when a script holds several runs (output-loss trains
 * three pairings side by side), so that each keeps its own model and optimiser.
 */
import { DEFAULT_ELU_ALPHA, DEFAULT_LEAKY_ALPHA, type TrainerConfig } from "../core/index.ts";
import type { RunChange } from "../worker/run-record.ts";
import { pyFloat, pyFloats } from "./python-literal.ts";
import type { RunExport } from "./run-export.ts";

/** A name with the run's suffix: names("model") → "model" alone, "model_sigmoid_bce" among several. */
export type Namer = (base: string) => string;

/** The namer of a run whose key is `key` ("" for a script's only run). Upper-case bases get an upper-case key. */
export function namer(key: string): Namer {
  return (base) => (key === "" ? base : `${base}_${base === base.toUpperCase() ? key.toUpperCase() : key}`);
}

/** A run's key among several, from its label: "sigmoid + BCE" → "sigmoid_bce". */
export function runKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** The PyTorch module of a hidden activation, with α where the activation has one. */
export function activationModule(name: string, alpha: number | undefined): string {
  switch (name) {
    case "step":
      return "Step()";
    case "identity":
      return "nn.Identity()";
    case "sigmoid":
      return "nn.Sigmoid()";
    case "tanh":
      return "nn.Tanh()";
    case "relu":
      return "nn.ReLU()";
    case "leaky-relu":
      return `nn.LeakyReLU(negative_slope=${pyFloat(alpha ?? DEFAULT_LEAKY_ALPHA)})`;
    case "elu":
      return `nn.ELU(alpha=${pyFloat(alpha ?? DEFAULT_ELU_ALPHA)})`;
    case "gelu":
      return "nn.GELU()";
    case "silu":
      return "nn.SiLU()";
    default:
      throw new Error(`no PyTorch module for the activation ${JSON.stringify(name)}`);
  }
}

/** The head applied to the logits z inside the loss, as a Python expression. */
function headOf(head: string): string {
  switch (head) {
    case "identity":
      return "z";
    case "sigmoid":
      return "torch.sigmoid(z)";
    case "tanh":
      return "torch.tanh(z)";
    case "step":
      return "StepFunction.apply(z)";
    default:
      throw new Error(`no PyTorch form for the output ${JSON.stringify(head)} with this loss`);
  }
}

const HEAD_WORDS: Record<string, string> = {
  identity: "the logits themselves",
  sigmoid: "the sigmoid's output",
  tanh: "the tanh's output",
  step: "the step's output",
};

/** The loss functions: `loss_value` (what the lab shows) and `loss_to_backprop` (whose gradient it follows). */
export function lossCode(config: TrainerConfig, name: Namer): string {
  const value = name("loss_value");
  const backprop = name("loss_to_backprop");
  switch (config.loss) {
    case "mse":
      return [
        "mse = nn.MSELoss()",
        "",
        "",
        `def ${value}(z, y):`,
        `    """The lab's loss: the mean squared error of ${HEAD_WORDS[config.head]} (nn.MSELoss)."""`,
        `    return mse(${headOf(config.head)}, y)`,
        "",
        "",
        `${backprop} = ${value}`,
      ].join("\n");
    case "bce":
      return [
        "bce, bce_with_logits = nn.BCELoss(), nn.BCEWithLogitsLoss()",
        "",
        "",
        `def ${value}(z, y):`,
        '    """The loss the lab shows: nn.BCELoss of the probabilities σ(z), its logarithms clamped at −100.',
        '    Only shown: the training follows the next function."""',
        "    return bce(torch.sigmoid(z), y)",
        "",
        "",
        `def ${backprop}(z, y):`,
        '    """The same loss as nn.BCEWithLogitsLoss on the logits, whose gradient σ(z) − y is the one the lab',
        "    follows. Through nn.BCELoss, autograd would floor a(1 − a) at 1e-12 on the way back, and a confidently",
        '    wrong output (z beyond about ±28) would barely learn."""',
        "    return bce_with_logits(z, y)",
        "",
      ].join("\n");
    case "bce-logits":
      return [
        "bce_with_logits = nn.BCEWithLogitsLoss()",
        "",
        "",
        `def ${value}(z, y):`,
        '    """The loss the lab shows: nn.BCEWithLogitsLoss, written out as the lab computes it,',
        "    max(z, 0) − z·y + log(1 + e^(−|z|)): PyTorch arranges it so that a point classified with a large |z|",
        '    loses digits (in PyTorch 2.13, a relative 3e-7 for a class-0 point at z = −20)."""',
        "    return (z.clamp(min=0) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()",
        "",
        "",
        `def ${backprop}(z, y):`,
        '    """Its gradient σ(z) − y, as nn.BCEWithLogitsLoss\'s backward computes it (and the lab)."""',
        "    return bce_with_logits(z, y)",
        "",
      ].join("\n");
    case "cross-entropy":
      return [
        "# nn.CrossEntropyLoss takes the logits and applies log-softmax itself: no softmax before it.",
        `${value} = ${backprop} = nn.CrossEntropyLoss()`,
      ].join("\n");
  }
}

/** The targets the loss compares with, from the classes c (as the lab encodes them for its head and loss). */
export function targetsCode(config: TrainerConfig, outputs: number, classes: string): string {
  if (config.loss === "cross-entropy") return `${classes}  # cross-entropy takes each point's class`;
  const negative = config.head === "tanh" ? -1 : 0;
  if (outputs === 1)
    return negative === 0
      ? `(${classes} == 1).to(torch.float64).unsqueeze(1)  # 1 for class 1, 0 for class 0`
      : `torch.where(${classes} == 1, 1.0, -1.0).unsqueeze(1)  # 1 for class 1, −1 for class 0 (tanh's range)`;
  const oneHot = `nn.functional.one_hot(${classes}, ${outputs}).to(torch.float64)`;
  return negative === 0 ? `${oneHot}  # one-hot rows` : `2 * ${oneHot} - 1  # ±1 rows, +1 at the class (tanh's range)`;
}

/** nn.Sequential of the run's layers, ending in the logits (the head is applied in the loss). */
export function modelCode(config: TrainerConfig, name: Namer): string {
  const sizes = config.layers;
  const hidden = activationModule(config.hidden, config.alpha);
  const lines = [`${name("model")} = nn.Sequential(`];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    const head = config.loss === "cross-entropy" ? "log-softmax" : config.head;
    const note = last && head !== "identity" ? `  # the logits z: the ${head} is applied in the loss` : "";
    lines.push(`    nn.Linear(${sizes[l]}, ${sizes[l + 1]}),${note}`);
    if (!last) lines.push(`    ${hidden},`);
  }
  lines.push(")");
  return lines.join("\n");
}

/** The starting weights as a list of (W, b) per layer, W flat in the lab's row-major inputs × outputs order. */
export function weightsCode(weights: RunExport["weights"], constant: string): string {
  const layers = weights.map((w, l) => {
    const W = pyFloats(w.W, " ".repeat(12));
    const b = pyFloats(w.b, " ".repeat(12));
    return `    (  # layer ${l + 1}: ${w.inputs} → ${w.outputs}, W then b\n        ${W},\n        ${b},\n    ),`;
  });
  return `${constant} = [\n${layers.join("\n")}\n]`;
}

const OPTIMIZER_NOTES = {
  sgd: "",
  momentum: "  # PyTorch's momentum is the lab's: v = μ·v + g (v₁ = g₁), θ −= lr·v",
  adam: "  # PyTorch's Adam is the lab's, with its bias corrections",
};

/** The optimiser over the model's parameters (weight decay: L2 added to every gradient, biases included). */
export function optimizerCode(config: TrainerConfig, name: Namer): string {
  const o = config.optimizer;
  const args = [`${name("model")}.parameters()`, `lr=${pyFloat(o.lr)}`];
  if (o.kind === "momentum") args.push(`momentum=${pyFloat(o.momentum ?? 0.9)}`);
  if (o.kind === "adam")
    args.push(`betas=(${pyFloat(o.beta1 ?? 0.9)}, ${pyFloat(o.beta2 ?? 0.999)})`, `eps=${pyFloat(o.eps ?? 1e-8)}`);
  if ((o.weightDecay ?? 0) > 0) args.push(`weight_decay=${pyFloat(o.weightDecay!)}`);
  const cls = o.kind === "adam" ? "torch.optim.Adam" : "torch.optim.SGD";
  return `${name("optimizer")} = ${cls}(${args.join(", ")})${OPTIMIZER_NOTES[o.kind]}`;
}

/** The reader's changes by step: {step: [(kind, value), …]}, in the order they were made. */
export function changesCode(changes: readonly RunChange[], constant: string): string {
  if (changes.length === 0) return `${constant} = {}  # no changes during this run`;
  const byStep = new Map<number, string[]>();
  for (const c of changes) {
    const item =
      c.type === "lr"
        ? `("lr", ${pyFloat(c.lr)})`
        : c.type === "shock"
          ? `("shock", ${pyFloat(c.lr)})`
          : `("activation", ${activationModule(c.hidden, c.alpha)})`;
    byStep.set(c.step, [...(byStep.get(c.step) ?? []), item]);
  }
  const lines = [...byStep].map(([step, items]) => `    ${step}: [${items.join(", ")}],`);
  return `${constant} = {\n${lines.join("\n")}\n}`;
}

/** What the lab showed at the checked steps, as {step: value}, one line or one entry per line. */
export function shownCode(shown: RunExport["shown"], pick: (s: RunExport["shown"][number]) => number): string {
  const entries = shown.map((s) => `${s.step}: ${pyFloat(pick(s))}`);
  const line = `{${entries.join(", ")}}`;
  return line.length <= 80 ? line : `{\n${entries.map((e) => `    ${e},`).join("\n")}\n}`;
}
