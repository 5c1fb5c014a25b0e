/**
 * Lesson 1 (should this neuron fire?): the worked neuron as a picture, and what depth buys with and without a
 * non-linearity — the sandbox's three-layer network on circles, trained with the identity and with tanh.
 */
import {
  createTrainer,
  getActivation,
  GRID_EXTENT,
  predictGrid,
  sigmoid,
  type TrainerConfig,
} from "../../core/index.ts";
import { formatNumber } from "../../plots/format.ts";
import { boundaryPanels } from "../boundary-panels.ts";
import { networkDiagram } from "../network-diagram.ts";
import type { FigureDefinition } from "../types.ts";
import { once } from "./once.ts";

const f = (v: number, digits = 3): string => formatNumber(v, digits);

// ---------------------------------------------------------------------------------------------------------------
// One neuron

/** The lesson's worked example: two inputs, their weights and the bias. */
export const NEURON = { x: [1.0, 2.0], w: [0.5, -0.25], b: 0.1 } as const;

/** z = w·x + b and the two outputs the lesson compares: the step's and the sigmoid's. */
export function neuronOutputs(): { z: number; step: number; sigmoid: number } {
  const z = NEURON.w.reduce((s, wi, i) => s + wi * NEURON.x[i]!, NEURON.b as number);
  return { z, step: getActivation("step").f(z), sigmoid: sigmoid(z) };
}

export const oneNeuron: FigureDefinition = (() => {
  const out = neuronOutputs();
  const [x1, x2] = NEURON.x;
  const [w1, w2] = NEURON.w;
  return {
    id: "one-neuron",
    title: "One neuron: a weighted sum z, then an activation f",
    caption:
      `The worked example: each input is multiplied by the weight on its wire and the bias is added, ` +
      `z = ${f(w1)}·${f(x1)} + (${f(w2)})·${f(x2)} + ${f(NEURON.b)} = ${f(out.z)}. The activation turns z into the ` +
      `output a: the step gives ${f(out.step)}, the sigmoid ${f(out.sigmoid)}.`,
    alt:
      `Diagram: two inputs, x₁ = ${f(x1)} and x₂ = ${f(x2)}, on wires with weights ${f(w1)} and ${f(w2)} into a unit ` +
      `marked Σ that adds the bias b = ${f(NEURON.b)}; its output z = ${f(out.z)} goes on a wire to a unit marked f, ` +
      `and from there to the output a, which is ${f(out.step)} for the step and ${f(out.sigmoid)} for the sigmoid.`,
    build() {
      return networkDiagram({
        units: [
          { id: "x1", x: 40, y: 40, above: [{ text: `x₁ = ${f(x1)}` }] },
          { id: "x2", x: 40, y: 200, below: [{ text: `x₂ = ${f(x2)}` }] },
          { id: "sum", x: 190, y: 120, inside: "Σ", above: [{ text: `+ b = ${f(NEURON.b)}` }] },
          { id: "f", x: 300, y: 120, inside: "f" },
          {
            id: "a",
            x: 395,
            y: 120,
            inside: "a",
            above: [{ text: `step: ${f(out.step)}`, color: 1 }],
            below: [{ text: `σ: ${f(out.sigmoid)}`, color: 2 }],
          },
        ],
        wires: [
          { from: "x1", to: "sum", label: { text: `w₁ = ${f(w1)}` } },
          { from: "x2", to: "sum", label: { text: `w₂ = ${f(w2)}` } },
          { from: "sum", to: "f", label: { text: `z = ${f(out.z)}` } },
          { from: "f", to: "a" },
        ],
        height: 240,
        table: {
          columns: ["quantity", "value"],
          rows: [
            ["x₁", x1],
            ["x₂", x2],
            ["w₁", w1],
            ["w₂", w2],
            ["b", NEURON.b],
            ["z = w₁x₁ + w₂x₂ + b", out.z],
            ["a = step(z)", out.step],
            ["a = σ(z)", out.sigmoid],
          ],
        },
      });
    },
  };
})();

// ---------------------------------------------------------------------------------------------------------------
// A straight boundary, and a curved one

/** The sandbox opens after this many steps (labs/sandbox/settings.ts, SB_WARMUP); the figure trains as long. */
export const SANDBOX_STEPS = 150;

/**
 * The sandbox's "linear-stack" preset as labs/sandbox/settings.ts (sandboxConfig) builds it: circles (400 points,
 * noise 0.05, a quarter held out), three hidden layers of 8, a sigmoid output with BCE, Xavier-normal weights,
 * Adam at 0.01 on the full batch, seed 1 (data 1, init 2, batch 3). Only the hidden activation changes.
 */
export function linearStackConfig(hidden: "identity" | "tanh"): TrainerConfig {
  return {
    layers: [2, 8, 8, 8, 1],
    hidden,
    alpha: 0.1,
    head: "sigmoid",
    loss: "bce",
    init: { kind: "xavier-normal", scale: 1, bias: 0 },
    optimizer: { kind: "adam", lr: 0.01 },
    batchSize: "full",
    seeds: { data: 1, init: 2, batch: 3 },
    precision: "float64",
    dataset: { kind: "circles", n: 400, noise: 0.05, testFraction: 0.25 },
  };
}

/** Side of the figure's region grid. */
const GRID = 32;
/** Every how many training points one is drawn (a figure stays a few kilobytes). */
const EVERY = 4;

/** Both networks trained for SANDBOX_STEPS, with their accuracies and decision grids. */
export const boundaryRuns = once(() =>
  (["identity", "tanh"] as const).map((hidden) => {
    const t = createTrainer(linearStackConfig(hidden), { every: 0, histogramBins: 0 });
    t.step(SANDBOX_STEPS);
    t.evaluate();
    const grid = new Float64Array(GRID * GRID);
    predictGrid(t, GRID, grid);
    return { hidden, t, grid, train: t.diagnostics.trainAccuracy, test: t.diagnostics.testAccuracy ?? Number.NaN };
  }),
);

const percent = (v: number): string => `${Math.round(100 * v)}%`;

export const linearVsCurvedBoundary: FigureDefinition = {
  id: "linear-vs-curved-boundary",
  title: "Decision regions of a three-layer network on circles: identity against tanh",
  get caption() {
    const [linear, curved] = boundaryRuns();
    return (
      `The same network, three hidden layers of 8, after ${SANDBOX_STEPS} steps. With the identity as activation ` +
      `(left) it draws one straight line and gets ${percent(linear!.train)} of the training points right; with tanh ` +
      `(right) it bends its boundary around the disc: ${percent(curved!.train)}.`
    );
  },
  get alt() {
    const [linear, curved] = boundaryRuns();
    return (
      `Two square panels of points: a disc of one class inside a ring of the other. Left, identity activation: the ` +
      `plane is split by a single straight line, with ring points on both sides; training accuracy ` +
      `${percent(linear!.train)}. Right, tanh activation: a closed region around the disc is shaded as disc, the rest ` +
      `as ring; training accuracy ${percent(curved!.train)}.`
    );
  },
  build() {
    const runs = boundaryRuns();
    const { train } = runs[0]!.t.dataset;
    const keep = Array.from({ length: Math.ceil(train.n / EVERY) }, (_, i) => i * EVERY);
    const x = Float64Array.from(keep.flatMap((i) => [train.x[2 * i]!, train.x[2 * i + 1]!]));
    const labels = Int32Array.from(keep.map((i) => train.labels[i]!));
    return boundaryPanels({
      panels: runs.map((r) => ({
        title: `${r.hidden}: ${percent(r.train)} right`,
        grid: r.grid,
        size: GRID,
        x,
        labels,
      })),
      extent: GRID_EXTENT,
      classNames: ["disc (class 0)", "ring (class 1)"],
      colors: [1, 5],
      table: {
        columns: ["hidden activation", "training accuracy", "test accuracy", "share of the square called ring"],
        rows: runs.map((r) => [
          r.hidden,
          r.train,
          r.test,
          r.grid.reduce((s, p) => s + (p >= 0.5 ? 1 : 0), 0) / r.grid.length,
        ]),
      },
    });
  },
};
