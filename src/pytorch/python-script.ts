/**
 * An export as a sequence of sections (a heading, a few sentences, code), which files.ts writes as a .py script
 * (the words as comments) or a notebook (the words as Markdown cells). One run or several: the output-loss lab
 * exports its three pairings together, sharing the points and starting weights they share.
 *
 *   intro · setup · the points · how the lab trains · one section per run · the check · the plot
 */
import { dataWords, initWords, minibatchSize, runWords } from "./describe.ts";
import {
  CHECK_CODE,
  importsCode,
  LAB_RANDOM_CODE,
  LOAD_CODE,
  MINIBATCH_CODE,
  PERCEPTRON_CODE,
  STEP_CODE,
  TRAIN_CODE,
} from "./python-parts.ts";
import { pyFloat, pyInts, pyMatrix, pyString } from "./python-literal.ts";
import {
  changesCode,
  lossCode,
  modelCode,
  namer,
  optimizerCode,
  runKey,
  shownCode,
  targetsCode,
  weightsCode,
  type Namer,
} from "./python-run.ts";
import type { ExportData, RunExport } from "./run-export.ts";

/** A part of the export: its heading and words (null for none) and its code. */
export interface Section {
  heading: string | null;
  words: string | null;
  code: string;
}

/** What the export is of: the lab's title, and how far its run went. */
export interface ExportMeta {
  title: string;
}

/** Distinct values, each with the runs that share it: the points or the starting weights of several runs. */
function shared<T>(runs: readonly RunExport[], pick: (r: RunExport) => T): { value: T; runs: number[] }[] {
  const groups: { key: string; value: T; runs: number[] }[] = [];
  runs.forEach((r, i) => {
    const value = pick(r);
    const key = JSON.stringify(value);
    const group = groups.find((g) => g.key === key);
    if (group) group.runs.push(i);
    else groups.push({ key, value, runs: [i] });
  });
  return groups;
}

/** A constant's name for group g of `count`: "X_TRAIN" alone, "X_TRAIN_2" for the second of several. */
function constant(base: string, g: number, count: number): string {
  return count === 1 ? base : `${base}_${g + 1}`;
}

/** The points of each distinct dataset, as tensors: X (n, 2) and each point's class C. */
function dataCode(datasets: { value: ExportData; runs: number[] }[], runs: readonly RunExport[]): string {
  return datasets
    .map(({ value: d, runs: users }, g) => {
      const name = (base: string) => constant(base, g, datasets.length);
      const lines = datasets.length > 1 ? [`# ${pointsWords(d, runs[users[0]!]!)}.`] : [];
      lines.push(
        `${name("X_TRAIN")} = torch.tensor(${pyMatrix(d.trainX, 2, "    ")})`,
        `${name("C_TRAIN")} = torch.tensor(${pyInts(d.trainLabels, "    ")})  # each point's class`,
      );
      if (d.testLabels.length > 0)
        lines.push(
          "# Held out: the lab's test loss and accuracy are measured on these.",
          `${name("X_TEST")} = torch.tensor(${pyMatrix(d.testX, 2, "    ")})`,
          `${name("C_TEST")} = torch.tensor(${pyInts(d.testLabels, "    ")})`,
        );
      return lines.join("\n");
    })
    .join("\n\n");
}

/** "150 training and 50 test points, as the lab drew them: moons, 200 points, noise 0.1, data seed 3". */
function pointsWords(d: ExportData, run: RunExport): string {
  const test = d.testLabels.length > 0 ? ` and ${d.testLabels.length} test` : "";
  return `${d.trainLabels.length} training${test} points, as the lab drew them: ${dataWords(run.config, d.classes)}`;
}

/** The code of one run: targets, network, weights, loss, optimiser, changes and training. */
function runCode(run: RunExport, name: Namer, data: string, start: string): string {
  const c = run.config;
  const outputs = c.layers.at(-1)!;
  const batch = minibatchSize(run);
  const steps = name("STEPS");
  const args = [name("model"), name("loss_value"), name("loss_to_backprop"), name("optimizer")];
  args.push(`X_TRAIN${data}`, name("Y_TRAIN"), steps, name("CHANGES"));
  if (batch !== null) args.push(`minibatches(len(X_TRAIN${data}), ${batch}, seed=${c.seeds.batch})`);
  return [
    `${name("Y_TRAIN")} = ${targetsCode(c, outputs, `C_TRAIN${data}`)}`,
    "",
    modelCode(c, name),
    `load(${name("model")}, ${start})`,
    "",
    lossCode(c, name),
    "",
    optimizerCode(c, name),
    "",
    "# The reader's changes, at the step each took effect: a change at step s applies from step s + 1 on.",
    changesCode(run.changes, name("CHANGES")),
    `${steps} = ${run.steps}  # the lab's step when the run was exported`,
    "",
    call(`${name("shown")} = train`, args),
  ].join("\n");
}

/** A call on one line, or with one argument per line when that would pass 100 characters. */
function call(callee: string, args: string[]): string {
  const line = `${callee}(${args.join(", ")})`;
  return line.length <= 100 ? line : `${callee}(\n${args.map((a) => `    ${a},`).join("\n")}\n)`;
}

/** An export: its title, its opening paragraphs (what it is and how to run it) and its sections. */
export interface PythonExport {
  title: string;
  intro: string[];
  sections: Section[];
}

/** The script that rebuilds `runs` (one lab's runs, trained side by side) and checks them against the lab. */
export function pythonExport(exports: readonly RunExport[], meta: ExportMeta): PythonExport {
  if (exports.length === 0) throw new Error("pythonExport: no run to export");
  const runs = distinctLabels(exports);
  const several = runs.length > 1;
  const names = runs.map((r) => namer(several ? runKey(r.label) : ""));
  const datasets = shared(runs, (r) => r.data);
  const starts = shared(runs, (r) => r.weights);
  const dataOf = (i: number) => suffix(datasets, i);
  const batches = runs.some((r) => minibatchSize(r) !== null);
  const perceptron = runs.some((r) => r.perceptron !== null);
  const step = runs.some((r) => r.config.head === "step" || r.config.hidden === "step" || hasStepSwap(r));
  const helpers = [LOAD_CODE, TRAIN_CODE, CHECK_CODE];
  if (step) helpers.unshift(STEP_CODE);
  if (batches || perceptron) helpers.push(LAB_RANDOM_CODE);
  if (batches) helpers.push(MINIBATCH_CODE);
  if (perceptron) helpers.push(PERCEPTRON_CODE);

  const sections: Section[] = [
    { heading: null, words: null, code: importsCode(batches || perceptron) },
    {
      heading: "The points",
      words: datasets.length === 1 ? `${pointsWords(runs[0]!.data, runs[0]!)}.` : "The lab's points, as it drew them.",
      code: dataCode(datasets, runs),
    },
    {
      heading: "The starting weights",
      words: `As the lab drew them: ${[...new Set(runs.map((r) => initWords(r.config)))].join("; ")}.`,
      code: starts.map(({ value }, g) => weightsCode(value, constant("START", g, starts.length))).join("\n\n"),
    },
    {
      heading: "How the lab trains",
      words:
        "The training loop, the lab's measurements, and the check. Where PyTorch has no exact equivalent of what the " +
        "lab does, it is written by hand, and its docstring says why.",
      code: helpers.join("\n\n\n"),
    },
    ...runs.map((run, i) => ({
      heading: several ? `The ${run.label} run` : "The run",
      words: `${capitalise(runWords(run))}.`,
      code: runCode(run, names[i]!, dataOf(i), `START${suffix(starts, i)}`),
    })),
    checkSection(runs, names, dataOf),
    plotSection(runs, names, meta),
  ];
  return { title: `${meta.title}: the run in PyTorch`, intro: introWords(runs, meta), sections };
}

/** The runs, those that share a label numbered ("sigmoid + BCE (1)", "(2)"), so each gets its own names. */
function distinctLabels(runs: readonly RunExport[]): RunExport[] {
  const count = (label: string) => runs.filter((r) => r.label === label).length;
  const seen = new Map<string, number>();
  return runs.map((r) => {
    if (count(r.label) === 1) return r;
    const n = (seen.get(r.label) ?? 0) + 1;
    seen.set(r.label, n);
    return { ...r, label: `${r.label} (${n})` };
  });
}

/** Which group a run's value is in, as a constant's suffix ("" when all runs share one). */
function suffix(groups: { runs: number[] }[], i: number): string {
  return groups.length === 1 ? "" : `_${groups.findIndex((g) => g.runs.includes(i)) + 1}`;
}

/** Whether a run's changes swap in the step function (its module must then be defined). */
function hasStepSwap(run: RunExport): boolean {
  return run.changes.some((c) => c.type === "activation" && c.hidden === "step");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Which run or runs this is: "Activation Labs wrote this from the Dying ReLU lab's run at step 400: …". */
function whatWords(runs: readonly RunExport[], meta: ExportMeta): string {
  const from = `Activation Labs wrote this from the ${meta.title} lab's`;
  const steps = [...new Set(runs.map((r) => r.steps))];
  if (runs.length === 1) return `${from} run at step ${steps[0]}: ${runWords(runs[0]!)}.`;
  const labels = runs.map((r) => r.label);
  const at = steps.length === 1 ? ` at step ${steps[0]}` : "";
  const alike = new Set(runs.map((r) => runWords(r, false))).size === 1;
  const each = alike
    ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}, each ${runWords(runs[0]!, false)}`
    : runs.map((r) => `${runWords(r)}${at ? "" : ` (at step ${r.steps})`}`).join("; ");
  return `${from} ${runs.length} runs, trained side by side${at}: ${each}.`;
}

/** What the export is and how to run it. */
function introWords(runs: readonly RunExport[], meta: ExportMeta): string[] {
  const same = ["the same points and starting weights", "the same loss and optimiser"];
  if (runs.some((r) => minibatchSize(r) !== null)) same.push("the same minibatches in the same order");
  if (runs.some((r) => r.changes.length > 0)) same.push("every change made while it trained, at its step");
  const paragraphs = [
    whatWords(runs, meta),
    `It rebuilds ${runs.length > 1 ? "each" : "the"} run exactly, in float64: ${same.join(", ")}. It checks ` +
      "the loss the lab showed at a few steps (a relative difference of at most 1e-9), then plots the loss " +
      "curve. It needs Python 3 with PyTorch and matplotlib (pip install torch matplotlib).",
  ];
  for (const r of runs) {
    const which = runs.length > 1 ? `${r.label} ` : "";
    if (r.sensitive) paragraphs.push(sensitiveWords(r, which));
    if (r.diverged)
      paragraphs.push(
        `The lab's ${which}run stopped at step ${r.steps}: step ${r.diverged.step} diverged ` +
          `(${r.diverged.reason}), and the lab did not apply it.`,
      );
  }
  return paragraphs;
}

/** Why a run is checked only up to a step: it amplifies rounding from there (RunExport.sensitive). */
function sensitiveWords(r: RunExport, which: string): string {
  const s = r.sensitive!;
  const change =
    s.difference === null ? "diverges" : `ends with a loss that differs by a relative ${s.difference.toExponential(1)}`;
  return (
    `The ${which}run amplifies rounding from about step ${s.from}: in the lab, the same run started from weights ` +
    `changed by one part in 10^15 ${change}. PyTorch rounds differently from the lab (other summation orders, ` +
    `other exp and tanh), so the script checks only the steps before ${s.from}; past them the curve is PyTorch's ` +
    "own, close to the lab's at first, then apart."
  );
}

/** The losses (and perceptron accuracies) the lab showed at a few steps, and the assertions. */
function checkSection(runs: readonly RunExport[], names: Namer[], dataOf: (i: number) => string): Section {
  const lines: string[] = [];
  runs.forEach((run, i) => {
    const name = names[i]!;
    lines.push(`${name("LAB_LOSS")} = ${shownCode(run.shown, (s) => s.loss)}`);
    lines.push(`check(${pyString(`${run.label} loss`)}, ${name("shown")}, ${name("LAB_LOSS")})`);
    if (run.sensitive) {
      const note = `${run.label}: from step ${run.sensitive.from} the run amplifies rounding, so later steps are not checked`;
      lines.push(`print(${pyString(note)})  # see the notes at the top`);
    }
    if (run.perceptron) {
      const w = run.weights[0]!;
      const start = `(${w.W.map(pyFloat).join(", ")}), ${pyFloat(w.b[0]!)}`;
      const data = `X_TRAIN${dataOf(i)}, C_TRAIN${dataOf(i)}`;
      lines.push(
        "# The perceptron rule, from the same start at its own learning rate, one example per step.",
        `${name("perceptron_accuracy")} = perceptron(`,
        `    ${start}, ${pyFloat(run.perceptron.lr)}, ${name("STEPS")}, ${run.config.seeds.batch}, ${data}`,
        ")",
        `${name("LAB_PERCEPTRON")} = ${shownCode(run.shown, (s) => s.perceptronAccuracy ?? 0)}`,
        `check("perceptron accuracy", ${name("perceptron_accuracy")}, ${name("LAB_PERCEPTRON")})`,
      );
    }
  });
  return {
    heading: "The check",
    words:
      "The loss the lab showed at a few steps, read from a replay of its run: the script stops here unless its own " +
      "loss agrees, within a relative difference of 1e-9.",
    code: lines.join("\n"),
  };
}

/** The loss curve (and, beside a perceptron, both rules' accuracy). */
function plotSection(runs: readonly RunExport[], names: Namer[], meta: ExportMeta): Section {
  const perceptron = runs.findIndex((r) => r.perceptron !== null);
  const curves = runs.map((r, i) => `loss.plot(${names[i]!("shown")}, label=${pyString(r.label)})`);
  const lines =
    perceptron >= 0
      ? [
          "figure, (loss, accuracy) = plt.subplots(2, 1, figsize=(7, 6), sharex=True)",
          ...curves,
          `accuracy.plot(${names[perceptron]!("perceptron_accuracy")}, label="perceptron rule")`,
          'accuracy.set_xlabel("step")',
          'accuracy.set_ylabel("training accuracy")',
          "accuracy.legend()",
        ]
      : ["figure, loss = plt.subplots(figsize=(7, 4))", ...curves, 'loss.set_xlabel("step")'];
  lines.push(
    'loss.set_ylabel("training loss")',
    "loss.legend()",
    `loss.set_title(${pyString(`${meta.title}: the run in PyTorch`)})`,
    "plt.show()",
  );
  return {
    heading: "The loss curve",
    words: "The training loss at every step, as the lab's chart draws it.",
    code: lines.join("\n"),
  };
}
