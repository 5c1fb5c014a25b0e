/** Plain-words descriptions of an exported run, for the script's opening text and its comments. */
import type { TrainerConfig } from "../core/index.ts";
import type { RunExport } from "./run-export.ts";

const ACTIVATION_WORDS: Record<string, string> = {
  step: "step",
  identity: "identity (linear)",
  sigmoid: "sigmoid",
  tanh: "tanh",
  relu: "ReLU",
  "leaky-relu": "Leaky ReLU",
  elu: "ELU",
  gelu: "GELU",
  silu: "SiLU",
};

/** A hidden activation in words, with its α: "ReLU", "Leaky ReLU (α = 0.2)". */
export function activationWords(name: string, alpha: number | undefined): string {
  const word = ACTIVATION_WORDS[name] ?? name;
  if (name === "leaky-relu") return `${word} (α = ${String(alpha ?? 0.01)})`;
  if (name === "elu") return `${word} (α = ${String(alpha ?? 1)})`;
  return word;
}

/** The optimiser in words: "SGD", "SGD with momentum 0.9", "Adam", with weight decay when there is some. */
export function optimizerWords(o: TrainerConfig["optimizer"]): string {
  const base =
    o.kind === "adam" ? "Adam" : o.kind === "momentum" ? `SGD with momentum ${String(o.momentum ?? 0.9)}` : "SGD";
  return (o.weightDecay ?? 0) > 0 ? `${base} (weight decay ${String(o.weightDecay!)})` : base;
}

/** The minibatch size a run trains with, or null for the whole training set. */
export function minibatchSize(run: Pick<RunExport, "config" | "data">): number | null {
  const b = run.config.batchSize;
  const n = run.data.trainLabels.length;
  return b === undefined || b === "full" || b >= n ? null : b;
}

/**
 * The run in words: "a 2 → 16 → 16 → 1 network (ReLU hidden units; output and loss: sigmoid + BCE), trained by SGD
 * at learning rate 0.1 on all 150 moons points". Without `label`, the output and loss are left out.
 */
export function runWords(run: RunExport, label = true): string {
  const c = run.config;
  const parts = c.layers.length > 2 ? [`${activationWords(c.hidden, c.alpha)} hidden units`] : [];
  if (label) parts.push(`output and loss: ${run.label}`);
  const batch = minibatchSize(run);
  const batches = batch === null ? "on all" : `in minibatches of ${batch} from`;
  return (
    `a ${c.layers.join(" → ")} network${parts.length > 0 ? ` (${parts.join("; ")})` : ""}, trained by ` +
    `${optimizerWords(c.optimizer)} at learning rate ${String(c.optimizer.lr)} ${batches} ` +
    `${run.data.trainLabels.length} ${c.dataset.kind} points`
  );
}

/** Where the points came from: "moons, 200 points, noise 0.1, data seed 3". */
export function dataWords(config: TrainerConfig, classes: number): string {
  const d = config.dataset;
  const k = classes > 2 ? ` in ${classes} classes` : "";
  return `${d.kind}${k}, ${d.n} points, noise ${String(d.noise)}, data seed ${config.seeds.data}`;
}

const INIT_WORDS: Record<string, (s: number) => string> = {
  normal: (s) => `normal, σ = ${String(s)}`,
  uniform: (s) => `uniform on (−${String(s)}, ${String(s)})`,
  "xavier-normal": (s) => `Xavier normal${s === 1 ? "" : `, gain ${String(s)}`}`,
  "xavier-uniform": (s) => `Xavier uniform${s === 1 ? "" : `, gain ${String(s)}`}`,
  "he-normal": (s) => `He normal${s === 1 ? "" : `, gain ${String(s)}`}`,
  "he-uniform": (s) => `He uniform${s === 1 ? "" : `, gain ${String(s)}`}`,
  constant: (s) => `every weight ${String(s)}`,
};

/** How the starting weights were drawn: "He normal, biases 0, init seed 3". */
export function initWords(config: TrainerConfig): string {
  const i = config.init;
  const kind = (INIT_WORDS[i.kind] ?? ((s: number) => `${i.kind} ${String(s)}`))(i.scale ?? 1);
  return `${kind}, biases ${String(i.bias ?? 0).replace("-", "−")}, init seed ${config.seeds.init}`;
}
