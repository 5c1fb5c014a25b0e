/**
 * Lesson 3 (vanishing gradients): backpropagation by hand on a 2 → 2 → 2 → 1 network; the gradient norm per
 * layer at initialisation for four activation/initialiser pairs; and the sigmoid's narrow window of weight
 * scales. The deep networks are the vanishing-gradients lab's (labs/vanishing-gradients/settings.ts builds the
 * same config from its settings; src/core/claims/vanishing-gradients.test.ts checks that the two agree).
 */
import {
  createTrainer,
  lossAndGradient,
  readParameters,
  sigmoid,
  sigmoidDerivative,
  writeParameters,
  type InitConfig,
  type Trainer,
  type TrainerConfig,
} from "../../core/index.ts";
import { formatNumber } from "../../plots/format.ts";
import { barChart } from "../bar-chart.ts";
import { lineChart } from "../line-chart.ts";
import { networkDiagram, type DiagramLabel, type DiagramUnit, type DiagramWire } from "../network-diagram.ts";
import type { FigureDefinition, TableCell } from "../types.ts";
import { once } from "./once.ts";

const f = (v: number, digits = 3): string => formatNumber(v, digits);

// ---------------------------------------------------------------------------------------------------------------
// Backpropagation by hand

/**
 * The primer's network and its one example: x = (1, 0.5) of class y = 1. Weights are inputs × outputs, row-major
 * (W[i][j] joins unit i of the layer before to unit j of the layer after), as on the notation page.
 */
export const PRIMER = {
  x: [1.0, 0.5],
  y: 1,
  W: [
    [
      [0.5, -0.3],
      [0.8, 0.2],
    ],
    [
      [1.0, -0.5],
      [-1.0, 0.5],
    ],
    [[1.5], [-1.0]],
  ],
  b: [[0.1, 0.2], [0, 0], [0]],
} as const;

/** Every number of the primer's forward and backward pass. Index l − 1 holds layer l (z, a, δ, ∂L/∂W, ∂L/∂b). */
export interface PrimerPass {
  /** Pre-activations z_l and activations a_l = σ(z_l) of layers 1 … 3 (a_3 = p). */
  z: number[][];
  a: number[][];
  /** σ′(z_l) of the hidden layers 1, 2. */
  slope: number[][];
  loss: number;
  /** δ_l = ∂L/∂z_l and ∂L/∂W_l (rows = inputs), ∂L/∂b_l, as the core's backward pass gives them. */
  delta: number[][];
  dW: number[][][];
}

/** The trainer the primer runs on: layers [2, 2, 2, 1], sigmoid hidden units, a sigmoid output with BCE. */
export function primerTrainer(): Trainer {
  const t = createTrainer({
    layers: [2, 2, 2, 1],
    hidden: "sigmoid",
    head: "sigmoid",
    loss: "bce",
    init: { kind: "normal" },
    optimizer: { kind: "sgd", lr: 0.1 },
    seeds: { data: 1, init: 1, batch: 1 },
    dataset: { kind: "circles", n: 8, noise: 0, testFraction: 0 },
  });
  writeParameters(
    t,
    PRIMER.W.flatMap((W, l) => [...W.flat(), ...PRIMER.b[l]!]),
  );
  return t;
}

/**
 * The forward pass z_l = a_(l−1)·W_l + b_l, a_l = σ(z_l) (with the core's σ), and the loss, δ and gradients from
 * the core's own backward pass on the one example (lossAndGradient). For one example ∂L/∂b_l = δ_l.
 */
export function primerPass(): PrimerPass {
  const z: number[][] = [];
  const a: number[][] = [];
  let input: readonly number[] = PRIMER.x;
  for (let l = 0; l < PRIMER.W.length; l++) {
    const W = PRIMER.W[l]!;
    const zl = PRIMER.b[l]!.map((bj, j) => input.reduce((s, ai, i) => s + ai * W[i]![j]!, bj));
    z.push(zl);
    a.push(zl.map(sigmoid));
    input = a[l]!;
  }
  const t = primerTrainer();
  const grad = new Float64Array(readParameters(t).length);
  const loss = lossAndGradient(t, Float64Array.from(PRIMER.x), Int32Array.of(PRIMER.y), grad);
  const dW: number[][][] = [];
  const delta: number[][] = [];
  let at = 0;
  for (const W of PRIMER.W) {
    const rows = W.length;
    const cols = W[0]!.length;
    dW.push(Array.from({ length: rows }, (_, i) => Array.from(grad.subarray(at + i * cols, at + (i + 1) * cols))));
    at += rows * cols;
    delta.push(Array.from(grad.subarray(at, at + cols)));
    at += cols;
  }
  return { z, a, slope: z.slice(0, 2).map((zl) => zl.map(sigmoidDerivative)), loss, delta, dW };
}

/** Where the primer diagram puts each layer's units (x by layer, y by unit); the output sits between the rows. */
const COLUMNS = [45, 165, 285, 395];
const ROWS = [70, 250];
const OUTPUT_ROW = 160;

/** The primer as a diagram: each unit's a and δ (above the top row, below the bottom one), the weight on each wire. */
export const backpropByHand: FigureDefinition = (() => {
  const pass = primerPass();
  const w3 = PRIMER.W[2]!;
  // The worked wire: from unit 1 of layer 2 into the output.
  const [start, end, grad] = [pass.a[1]![0]!, pass.delta[2]![0]!, pass.dW[2]![0]![0]!];
  return {
    id: "backprop-by-hand",
    title: "The primer's network: activations, errors and weights",
    caption:
      `Forward, the activations a flow left to right; backward, the errors δ flow right to left, each one the weighted ` +
      `sum of the δ after it times σ′. The gradient of a weight is the a at its wire's start times the δ at its end: ` +
      `for the top wire into the output, ${f(start)} × (${f(end)}) = ${f(grad)}.`,
    alt:
      `Diagram of a network with two inputs, two hidden layers of two units and one output, wires joining every unit to ` +
      `every unit of the next layer, each wire labelled with its weight. Inputs x₁ = ${PRIMER.x[0]} and x₂ = ` +
      `${PRIMER.x[1]}. Layer 1: a = ${f(pass.a[0]![0]!)} and ${f(pass.a[0]![1]!)}, δ = ${f(pass.delta[0]![0]!)} and ` +
      `${f(pass.delta[0]![1]!)}. Layer 2: a = ${f(pass.a[1]![0]!)} and ${f(pass.a[1]![1]!)}, δ = ` +
      `${f(pass.delta[1]![0]!)} and ${f(pass.delta[1]![1]!)}. Output: p = ${f(pass.a[2]![0]!)}, δ = p − y = ` +
      `${f(pass.delta[2]![0]!)}. The output's wires have weights ${f(w3[0]![0]!)} and ${f(w3[1]![0]!)}.`,
    build() {
      // The top row's numbers go above it and the bottom row's below it, where no wire runs.
      const place = (row: number, labels: DiagramLabel[]) => (row === 0 ? { above: labels } : { below: labels });
      const units: DiagramUnit[] = PRIMER.x.map((xi, i) => ({
        id: `x${i}`,
        x: COLUMNS[0]!,
        y: ROWS[i]!,
        ...place(i, [{ text: `x${"₁₂"[i]} = ${f(xi)}` }]),
      }));
      for (let l = 0; l < 3; l++) {
        pass.a[l]!.forEach((al, j) => {
          const a = { text: `a = ${f(al)}`, color: 1 as const };
          const delta = { text: `δ = ${f(pass.delta[l]![j]!)}`, color: 2 as const };
          units.push(
            l === 2
              ? {
                  id: `h${l}${j}`,
                  x: COLUMNS[3]!,
                  y: OUTPUT_ROW,
                  above: [{ ...a, text: `p = ${f(al)}` }],
                  below: [delta],
                }
              : { id: `h${l}${j}`, x: COLUMNS[l + 1]!, y: ROWS[j]!, ...place(j, [a, delta]) },
          );
        });
      }
      const wires: DiagramWire[] = [];
      const rows: TableCell[][] = [];
      PRIMER.W.forEach((W, l) => {
        W.forEach((row, i) =>
          row.forEach((w, j) => {
            const from = l === 0 ? `x${i}` : `h${l - 1}${i}`;
            // Straight wires are labelled at their middle; crossing ones near their start, before they cross.
            const at = l === 2 ? 0.45 : i === j ? 0.5 : 0.3;
            wires.push({ from, to: `h${l}${j}`, label: { text: f(w) }, at });
            const start = l === 0 ? PRIMER.x[i]! : pass.a[l - 1]![i]!;
            rows.push([`W${l + 1}[${i + 1},${j + 1}]`, w, start, pass.delta[l]![j]!, pass.dW[l]![i]![j]!]);
          }),
        );
      });
      return networkDiagram({
        units,
        wires,
        height: 310,
        legend: [
          { label: "a: forward", color: 1 },
          { label: "δ: backward", color: 2 },
        ],
        table: { columns: ["weight", "value", "a at its start", "δ at its end", "∂L/∂W = a·δ"], rows },
      });
    },
  };
})();

// ---------------------------------------------------------------------------------------------------------------
// The deep network of the vanishing-gradients lab

/** Hidden layers and units per layer of the lab's network in these figures (its default and the lesson's preset). */
const DEPTH = 10;
const WIDTH = 16;

/**
 * The vanishing-gradients lab's trainer config for these settings, as labs/vanishing-gradients/settings.ts
 * (sessionSpec) builds it: [2, 16 × 10, 1], a sigmoid output with BCE, SGD on minibatches of 32, circles
 * (300 points, noise 0.1, a quarter held out), seeds data s, init s + 1, batch s + 2.
 */
export function labNetwork(hidden: TrainerConfig["hidden"], init: InitConfig, lr = 0.1, seed = 1): TrainerConfig {
  return {
    layers: [2, ...Array.from({ length: DEPTH }, () => WIDTH), 1],
    hidden,
    head: "sigmoid",
    loss: "bce",
    init,
    optimizer: { kind: "sgd", lr },
    batchSize: 32,
    seeds: { data: seed, init: seed + 1, batch: seed + 2 },
    precision: "float64",
    dataset: { kind: "circles", n: 300, noise: 0.1, testFraction: 0.25 },
  };
}

/** A trainer without per-step measurements (they never change training); evaluate() measures on demand. */
function quietTrainer(config: TrainerConfig): Trainer {
  return createTrainer(config, { every: 0, histogramBins: 0 });
}

/** ‖∂L/∂W_l‖ of every weight layer over the whole training set, at the trainer's current weights. */
export function gradientNorms(t: Trainer): number[] {
  t.evaluate();
  return t.diagnostics.layers.map((l) => l.gradNormW);
}

/** The four networks of the per-layer figure: the lab's activation and initialisation settings, by label. */
export const PER_LAYER_RUNS = [
  { label: "sigmoid, U(−1, 1)", hidden: "sigmoid", init: { kind: "uniform", scale: 1 }, lr: 0.1 },
  { label: "tanh, Xavier", hidden: "tanh", init: { kind: "xavier-normal", scale: 1 }, lr: 0.1 },
  { label: "ReLU, He", hidden: "relu", init: { kind: "he-normal", scale: 1 }, lr: 0.1 },
  // The lab's "exploding" preset trains at 0.001; the rate does not change the gradient at initialisation.
  { label: "tanh, N(0, 2²)", hidden: "tanh", init: { kind: "normal", scale: 2 }, lr: 0.001 },
] as const satisfies readonly { label: string; hidden: TrainerConfig["hidden"]; init: InitConfig; lr: number }[];

/** Per run, the gradient norm of each weight layer at initialisation (L1 … L10, out). */
export const perLayerNorms = once(() =>
  PER_LAYER_RUNS.map((run) => gradientNorms(quietTrainer(labNetwork(run.hidden, run.init, run.lr)))),
);

/** First layer's norm over the output layer's. */
const firstOverLast = (norms: readonly number[]): number => norms[0]! / norms[norms.length - 1]!;

const LAYER_LABELS = [...Array.from({ length: DEPTH }, (_, i) => `L${i + 1}`), "out"];

/** The gradient norm per layer at initialisation: vanishing, level twice, exploding. */
export const gradientNormPerLayer: FigureDefinition = {
  id: "gradient-norm-per-layer",
  title: "Gradient norm ‖∂L/∂W_l‖ per weight layer at initialisation, ten hidden layers of 16",
  get caption() {
    const r = perLayerNorms().map(firstOverLast);
    return (
      `The same ten-layer network at its first step, four ways. With sigmoid and U(−1, 1) the bars fall layer by ` +
      `layer towards the input: the first is ${f(r[0]!, 2)} of the last. Tanh with Xavier and ReLU with He keep the ` +
      `first within a factor of 10 of the last (${f(r[1]!, 2)} and ${f(r[2]!, 2)} of it). Tanh with wide N(0, 2²) ` +
      `weights is the mirror image: the first ` +
      `layer's gradient is ${f(r[3]!, 2)} times the last's.`
    );
  },
  get alt() {
    const n = perLayerNorms();
    const ends = (i: number): string => `from ${f(n[i]![0]!, 2)} at L1 to ${f(n[i]![DEPTH]!, 2)} at the output`;
    return (
      `Grouped bar chart, log scale, of the gradient norm of each of 11 weight layers, L1 to L10 and out, for four ` +
      `networks. Sigmoid with U(−1, 1): bars rising steadily ${ends(0)}. Tanh with Xavier: roughly level, ${ends(1)}. ` +
      `ReLU with He: roughly level, ${ends(2)}. Tanh with N(0, 2²): bars falling ${ends(3)}.`
    );
  },
  build() {
    const norms = perLayerNorms();
    return barChart({
      categories: LAYER_LABELS,
      series: PER_LAYER_RUNS.map((run, i) => ({
        label: run.label,
        values: norms[i]!,
        color: (i + 1) as 1 | 2 | 3 | 4,
      })),
      x: { label: "weight layer (L1 = first, out = output)" },
      y: { log: true, label: "‖∂L/∂W‖" },
      height: 320,
    });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The sigmoid's window

/** Init scales s of U(−s, s) the window figure tries: the lab's slider from 0.25 to its top, 5. */
export const WINDOW_SCALES = Array.from({ length: 20 }, (_, i) => 0.25 * (i + 1));
/** The fixed step at which the window figure measures again, after training. */
export const WINDOW_STEP = 300;

/** Per scale: the first/last gradient ratio at initialisation and at WINDOW_STEP, and the training accuracy then. */
export const windowRuns = once(() =>
  WINDOW_SCALES.map((s) => {
    const t = quietTrainer(labNetwork("sigmoid", { kind: "uniform", scale: s }));
    const start = firstOverLast(gradientNorms(t));
    t.step(WINDOW_STEP);
    const trained = firstOverLast(gradientNorms(t));
    return { s, start, trained, accuracy: t.diagnostics.trainAccuracy };
  }),
);

/** The smallest and largest of some numbers, as "a–b" with the formatter given (one number when they agree). */
function range(values: number[], format: (v: number) => string): string {
  const [lo, hi] = [format(Math.min(...values)), format(Math.max(...values))];
  return lo === hi ? lo : `${lo}–${hi}`;
}
const percent = (v: number): string => `${Math.round(100 * v)}%`;

/** Runs by scale: those at or above `from` (the window), those at or below `to` (too small). */
function split(from: number, to: number) {
  const runs = windowRuns();
  return { wide: runs.filter((r) => r.s >= from), narrow: runs.filter((r) => r.s <= to) };
}

/** Where the figure's caption draws the line: the scales that learned by step 300 and those that did not. */
export const WINDOW_FROM = 3.5;
export const WINDOW_BELOW = 2.5;

export const sigmoidWindow: FigureDefinition = {
  id: "sigmoid-window",
  title: `First layer's gradient over the last layer's, against the init scale s of U(−s, s): ten sigmoid layers of 16`,
  get caption() {
    const runs = windowRuns();
    const { wide, narrow } = split(WINDOW_FROM, WINDOW_BELOW);
    return (
      `At initialisation (solid) a wider spread of weights shrinks the gap steadily but never closes it: the ratio ` +
      `goes from ${f(runs[0]!.start, 2)} at s = ${runs[0]!.s} to ${f(runs.at(-1)!.start, 2)} at s = ${runs.at(-1)!.s}. ` +
      `After ${WINDOW_STEP} steps (dashed) the runs with s ≥ ${WINDOW_FROM} have pulled their first layer to within ` +
      `a factor of 10 of the last (${range(
        wide.map((r) => r.trained),
        (v) => f(v, 2),
      )}) and learned ` +
      `(${range(
        wide.map((r) => r.accuracy),
        percent,
      )} training accuracy); with s ≤ ${WINDOW_BELOW} the ratio is still ` +
      `${f(Math.max(...narrow.map((r) => r.trained)), 2)} or less and the accuracy ${range(
        narrow.map((r) => r.accuracy),
        percent,
      )}, ` +
      `a coin toss.`
    );
  },
  get alt() {
    const runs = windowRuns();
    const { wide, narrow } = split(WINDOW_FROM, WINDOW_BELOW);
    return (
      `Line chart with a logarithmic y axis: the ratio of the first layer's gradient norm to the last layer's, against ` +
      `the init scale s from ${runs[0]!.s} to ${runs.at(-1)!.s}. The solid line, at initialisation, rises steadily from ` +
      `${f(runs[0]!.start, 2)} to ${f(runs.at(-1)!.start, 2)}, always below the dotted level line at 1. The dashed line, ` +
      `after ${WINDOW_STEP} training steps, stays near it up to s = ${WINDOW_BELOW} (at most ` +
      `${f(Math.max(...narrow.map((r) => r.trained)), 2)}) and lies between ${range(
        wide.map((r) => r.trained),
        (v) => f(v, 2),
      )} ` +
      `from s = ${WINDOW_FROM} on.`
    );
  },
  build() {
    const runs = windowRuns();
    const xs = Float64Array.from(runs.map((r) => r.s));
    return lineChart({
      // x runs past the slider's top so the level line's label sits clear of the curves.
      x: { label: "init scale s: weights from U(−s, s)", min: 0, max: 5.8 },
      y: { log: true, label: "first ÷ last", min: 1e-10, max: 100 },
      series: [
        { label: "at initialisation", xs, ys: Float64Array.from(runs.map((r) => r.start)), color: 1, dash: 0 },
        {
          label: `after ${WINDOW_STEP} steps`,
          xs,
          ys: Float64Array.from(runs.map((r) => r.trained)),
          color: 2,
          dash: 1,
        },
      ],
      rules: [{ y: 1, label: "level" }],
      tableRows: 20,
    });
  },
};
