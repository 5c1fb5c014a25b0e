/**
 * A run record as the PyTorch writer needs it: the trainer config as validated, the points, the starting weights,
 * the reader's changes, the step count, and the losses the lab showed at a few steps (from a replay). Pure data,
 * made in the export worker; python-script.ts turns it into code.
 *
 *   RunRecord ──exportRun──► RunExport ──pythonSections──► .py / .ipynb
 */
import { MAX_REPLAY_STEPS, type RunChange, type RunRecord } from "../worker/run-record.ts";
import type { SessionSpec } from "../worker/protocol.ts";
import { TrainingSession } from "../worker/session.ts";
import { ConfigError, readLayer, type TrainerConfig } from "../core/index.ts";
import { replayChecks, type ShownAt } from "./replay-checks.ts";

/** One layer's starting weights as the lab stores them: W is inputs × outputs, row-major (z = a·W + b). */
export interface LayerWeights {
  inputs: number;
  outputs: number;
  W: number[];
  b: number[];
}

/** The points a run trains and tests on: x is n×2 row-major, labels are class indices. */
export interface ExportData {
  classes: number;
  trainX: number[];
  trainLabels: number[];
  testX: number[];
  testLabels: number[];
}

/** Everything a script needs to rebuild one run exactly. */
export interface RunExport {
  /** The run's output and loss, e.g. "sigmoid + BCE". */
  label: string;
  /** The config at step 0, validated (defaults filled in). */
  config: TrainerConfig;
  /** The perceptron trained beside the network (the step lab), at this learning rate. */
  perceptron: { lr: number } | null;
  /** Steps the run took. */
  steps: number;
  changes: RunChange[];
  data: ExportData;
  weights: LayerWeights[];
  /** What the lab showed at a few steps, in increasing order: the script checks these. */
  shown: ShownAt[];
  /** The lab's run stopped here: the next step diverged (null while it trains on). */
  diverged: { step: number; reason: string } | null;
  /**
   * Where the run starts to amplify rounding (see PERTURBATION), or null if it never does: `from` is the first step
   * whose loss moved by more than SENSITIVITY_LIMIT, `difference` the relative change of the loss at the last step
   * (null if the perturbed replay diverged). The script checks only steps before `from`.
   */
  sensitive: { from: number; difference: number | null } | null;
}

/**
 * The relative change given to every starting weight (up or down) in a second replay, to see how much the run
 * amplifies rounding: 2^-50 ≈ 8.9e-16, about the rounding differences between PyTorch's float64 kernels and the
 * lab's (other summation orders, other exp and tanh). An unstable run (momentum at the edge of stability, a large
 * rate) grows such differences exponentially, and no float64 program other than the lab's can follow it past that.
 */
export const PERTURBATION = 2 ** -50;

/**
 * A step is checked only while the perturbed replay's loss is within this relative difference of the run's. On
 * runs that amplify rounding, PyTorch's own difference from the lab measured about a fifth of the perturbed
 * replay's, so this keeps the checked steps some fifty times inside the script's 1e-9.
 */
export const SENSITIVITY_LIMIT = 1e-10;

/** Steps at which both replays are compared, besides the checked ones: about this many, evenly spaced. */
const PROBES = 40;

/**
 * How the export treats each field of a SessionSpec. `run`: it changes the run, and the script rebuilds it;
 * `view`: it changes only what the lab draws or how often it redraws. A field in neither fails the export's
 * tests: a lab setting that reaches the run through a new field must be exported before it ships.
 */
export const SPEC_FIELDS: Readonly<Record<keyof SessionSpec, "run" | "view">> = {
  lab: "view",
  config: "run",
  perceptron: "run",
  diagnosticsEvery: "run",
  boundarySize: "view",
  saturationThreshold: "view",
  path: "view",
  outputParts: "view",
  outputLogits: "view",
  frameMs: "view",
};

/** Every field of a validated TrainerConfig the writer reads (nested fields as "optimizer.lr"). */
export const CONFIG_FIELDS: readonly string[] = [
  "layers",
  "hidden",
  "alpha",
  "head",
  "loss",
  "init.kind",
  "init.scale",
  "init.bias",
  "optimizer.kind",
  "optimizer.lr",
  "optimizer.momentum",
  "optimizer.beta1",
  "optimizer.beta2",
  "optimizer.eps",
  "optimizer.weightDecay",
  "batchSize",
  "seeds.data",
  "seeds.init",
  "seeds.batch",
  "dataset.kind",
  "dataset.n",
  "dataset.noise",
  "dataset.classes",
  "dataset.testFraction",
  "precision",
];

/** A run the export cannot write, with a sentence for the reader saying why. */
export class ExportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportRefusal";
  }
}

/** The sentence a reader sees when an export fails: a refusal's own, else what went wrong. */
export function failureMessage(error: unknown): string {
  if (error instanceof ExportRefusal) return error.message;
  if (error instanceof ConfigError) return `The lab cannot train this run's settings: ${error.issues.join(" ")}`;
  return `The export failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** Why this record cannot be exported exactly, or null when it can. */
export function refusal(record: RunRecord): string | null {
  if (record.spec.config.precision === "float32")
    return "This run computes in float32; the PyTorch export is float64 only (PyTorch adds float32 numbers in another order, so no script can repeat the run exactly). Set Numbers to float64 to export a run.";
  if (Math.floor(record.spec.diagnosticsEvery) !== 1)
    return "This run measures its loss only every few steps; the export checks a loss measured at every step.";
  if (record.step > MAX_REPLAY_STEPS)
    return `This run is ${record.step.toLocaleString("en")} steps long; the export replays at most ${MAX_REPLAY_STEPS.toLocaleString("en")}. Reset and train a shorter run.`;
  return null;
}

const LOSS_LABELS: Record<string, string> = {
  mse: "MSE",
  bce: "BCE",
  "bce-logits": "BCE with logits",
  "cross-entropy": "cross-entropy",
};

/** A run's name by its output and loss, e.g. "sigmoid + BCE", "softmax + cross-entropy", "BCE with logits". */
export function runLabel(config: Pick<TrainerConfig, "head" | "loss">): string {
  const loss = LOSS_LABELS[config.loss] ?? config.loss;
  // BCE with logits takes the logits: its "identity" head is no output layer of its own.
  return config.loss === "bce-logits" ? loss : `${config.head} + ${loss}`;
}

/** Most steps a script checks (the evenly spaced ones, then the steps right after the reader's changes). */
const MAX_CHECKS = 10;

/**
 * The steps whose loss the script checks: 0, 1, a quarter, half and three quarters of the run, its last step,
 * and the step after each change. Not a step where the reader swapped the activation (other than the last): the
 * lab measured it twice there, before and after the swap.
 */
export function checkSteps(record: Pick<RunRecord, "changes" | "step">): number[] {
  const n = record.step;
  const swapped = swapSteps(record);
  const even = [0, 1, Math.round(n / 4), Math.round(n / 2), Math.round((3 * n) / 4), n];
  const after = record.changes.map((c) => c.step + 1);
  const steps: number[] = [];
  for (const s of [...even, ...after]) {
    if (s < 0 || s > n || swapped.has(s) || steps.includes(s)) continue;
    if (steps.length === MAX_CHECKS) break;
    steps.push(s);
  }
  return steps.sort((a, b) => a - b);
}

/**
 * The run of `record`, replayed for the losses it showed. Throws ExportRefusal for a run the export cannot write
 * exactly, and the core's ConfigError for a spec it refuses. `diverged`: the lab's run stopped at its last step.
 */
export function exportRun(
  record: RunRecord,
  diverged: RunExport["diverged"] = null,
  progress?: (done: number, total: number) => void,
): RunExport {
  const why = refusal(record);
  if (why) throw new ExportRefusal(why);
  const start = new TrainingSession(record.spec);
  const t = start.trainer;
  const weights: LayerWeights[] = [];
  for (let l = 0; l < t.mlp.depth; l++) {
    const { W, b } = readLayer(t, l);
    weights.push({ inputs: t.mlp.sizes[l]!, outputs: t.mlp.sizes[l + 1]!, W: Array.from(W), b: Array.from(b) });
  }
  const { train, test, classes } = t.dataset;
  const n = record.step;
  const checks = checkSteps(record);
  const spacing = Math.max(1, Math.ceil(n / PROBES));
  const probes = [...checks, ...Array.from({ length: Math.floor(n / spacing) + 1 }, (_, i) => i * spacing)];
  const { session, shown: run } = replayChecks(record, probes, (done) => progress?.(done, 2 * n));
  if (session.trainer.steps !== n)
    throw new ExportRefusal(
      `The replay of this run diverged at step ${session.trainer.status.step}, before step ${n}.`,
    );
  const moved = replayChecks(record, probes, (done) => progress?.(n + done, 2 * n), PERTURBATION).shown;
  const sensitive = sensitivity(run, moved);
  const before = (s: number) => sensitive === null || s < sensitive.from;
  const swapped = swapSteps(record);
  const lastSafe = run.filter((r) => before(r.step) && !swapped.has(r.step)).at(-1)?.step;
  const shown = run.filter((r) => before(r.step) && (checks.includes(r.step) || r.step === lastSafe));
  return {
    label: runLabel(t.config),
    config: t.config,
    perceptron: record.spec.perceptron,
    steps: record.step,
    changes: record.changes,
    data: {
      classes,
      trainX: Array.from(train.x),
      trainLabels: Array.from(train.labels),
      testX: Array.from(test.x),
      testLabels: Array.from(test.labels),
    },
    weights,
    shown,
    diverged,
    sensitive,
  };
}

/** Steps where the reader swapped the activation, before the last: the lab measured them twice (see checkSteps). */
function swapSteps(record: Pick<RunRecord, "changes" | "step">): Set<number> {
  return new Set(record.changes.filter((c) => c.type === "activation" && c.step < record.step).map((c) => c.step));
}

/**
 * Where the perturbed replay's loss first strays past SENSITIVITY_LIMIT from the run's (or stops: it diverged), or
 * null if it never does.
 */
function sensitivity(run: readonly ShownAt[], moved: readonly ShownAt[]): RunExport["sensitive"] {
  // NaN (no perturbed value) compares false: a replay that diverged counts as strayed.
  const relative = (i: number) => {
    const a = run[i]!.loss;
    const b = moved[i]?.loss ?? Number.NaN;
    return a === b ? 0 : Math.abs(a - b) / Math.abs(a);
  };
  const from = run.findIndex((_, i) => !(relative(i) <= SENSITIVITY_LIMIT));
  if (from < 0) return null;
  const last = relative(run.length - 1);
  return { from: run[from]!.step, difference: Number.isFinite(last) ? last : null };
}
