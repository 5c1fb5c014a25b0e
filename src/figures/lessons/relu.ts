/**
 * Lesson 5 (ReLU): ReLU and its slope with the kink at 0; gradient norms per layer at initialisation for the
 * sigmoid and tanh with Xavier and ReLU with He; and how fast activations grow through ReLU layers with N(0, 1)
 * weights against He's.
 */
import {
  createTrainer,
  getActivation,
  readLayer,
  type InitConfig,
  type Trainer,
  type TrainerConfig,
} from "../../core/index.ts";
import { formatNumber } from "../../plots/format.ts";
import { barChart } from "../bar-chart.ts";
import { lineChart } from "../line-chart.ts";
import { grid, sample } from "../sample.ts";
import type { FigureDefinition } from "../types.ts";

const f = (v: number, digits = 3): string => formatNumber(v, digits);
const relu = getActivation("relu");

/** ReLU and ReLU′ on [−3, 3]: the slope jumps from 0 to 1 at z = 0, where PyTorch (and the core) use 0. */
export const reluAndSlope: FigureDefinition = (() => {
  const R = 3;
  /** Just right of the kink: the slope's first point on the active side, so the jump is drawn upright. */
  const RIGHT = 1e-9;
  return {
    id: "relu-and-slope",
    title: `ReLU(z) and ReLU′(z) for z from −${R} to ${R}`,
    caption:
      `ReLU (solid) is 0 for z ≤ 0 and z after; its slope (dashed) is 0, then 1. At the kink z = 0 the slope ` +
      `jumps: any value on the jump, from 0 to 1, is a subgradient, and PyTorch (like this course's core) uses ` +
      `ReLU′(0) = ${f(relu.df(0))}, marked.`,
    alt:
      `Line chart over z from −${R} to ${R}. ReLU, solid, lies flat on 0 for negative z and rises with slope 1 ` +
      `from the origin to ${R}. Its slope, dashed, is 0 for negative z, jumps straight up to 1 at z = 0 and stays ` +
      `at 1. A point marks the slope's value at 0, which is ${f(relu.df(0))}.`,
    build() {
      const xs = grid(-R, R, 121);
      const left = grid(-R, 0, 61);
      const right = Float64Array.from([RIGHT, ...grid(0, R, 61).slice(1)]);
      const slopeXs = Float64Array.from([...left, ...right]);
      return lineChart({
        x: { label: "z", min: -R, max: R },
        y: { min: -0.5, max: R },
        series: [
          { label: "ReLU(z)", xs, ys: sample(relu.f, xs), color: 1, dash: 0 },
          { label: "ReLU′(z)", xs: slopeXs, ys: sample(relu.df, slopeXs), color: 2, dash: 1 },
        ],
        points: [{ x: 0, y: relu.df(0), label: `ReLU′(0) = ${f(relu.df(0))}`, color: 2, place: "below-right" }],
        tableRows: 9,
      });
    },
  };
})();

/**
 * The vanishing-gradients lab's network for an activation, initialisation and width, rebuilt from the core (a figure
 * may not import labs/; src/core/claims/relu.test.ts checks these against the lab's presets): ten hidden layers, a
 * sigmoid output on BCE, SGD at 0.1 on minibatches of 32, circles (300 points, noise 0.1, a quarter held out),
 * seeds data 1, init 2, batch 3.
 */
export function labNetwork(hidden: TrainerConfig["hidden"], init: InitConfig, width: number): TrainerConfig {
  return {
    layers: [2, ...Array<number>(10).fill(width), 1],
    hidden,
    head: "sigmoid",
    loss: "bce",
    init,
    optimizer: { kind: "sgd", lr: 0.1 },
    batchSize: 32,
    seeds: { data: 1, init: 2, batch: 3 },
    precision: "float64",
    dataset: { kind: "circles", n: 300, noise: 0.1, testFraction: 0.25 },
  };
}

/** The three networks of the gradient figure: the lesson 4 and 5 presets, and lesson 4's with the sigmoid. */
export const AT_INIT = {
  sigmoid: labNetwork("sigmoid", { kind: "xavier-normal", scale: 1 }, 16),
  tanh: labNetwork("tanh", { kind: "xavier-normal", scale: 1 }, 16),
  relu: labNetwork("relu", { kind: "he-normal", scale: 1 }, 32),
} as const;

/** ‖∂L/∂W_l‖ per weight layer over the whole training set at initialisation. */
export function gradNormsAtInit(config: TrainerConfig): number[] {
  const t = createTrainer(config);
  t.evaluate();
  return t.diagnostics.layers.map((l) => l.gradNormW);
}

/** Gradient norm per layer at initialisation: sigmoid + Xavier falls away, tanh + Xavier and ReLU + He stay level. */
export const gradientPerLayer: FigureDefinition = (() => {
  const norms = {
    sigmoid: gradNormsAtInit(AT_INIT.sigmoid),
    tanh: gradNormsAtInit(AT_INIT.tanh),
    relu: gradNormsAtInit(AT_INIT.relu),
  };
  const ratio = (v: number[]): number => v[0]! / v.at(-1)!;
  const labels = norms.tanh.map((_, l, all) => (l === all.length - 1 ? "out" : `L${l + 1}`));
  return {
    id: "gradient-per-layer",
    title: "‖∂L/∂W‖ per weight layer at initialisation: sigmoid and tanh with Xavier, ReLU with He",
    caption:
      `At the start, over the whole training set. With the sigmoid the first layer's gradient is ` +
      `${f(ratio(norms.sigmoid), 2)} of the output layer's: a staircase. With tanh and Xavier weights it is ` +
      `${f(ratio(norms.tanh), 2)} times the output layer's, and with ReLU and He weights ${f(ratio(norms.relu), 2)} ` +
      `of it: bars level to within about a factor of 10.`,
    alt:
      `Grouped bar chart on a logarithmic scale, one group per weight layer from L1 to L10 and the output layer. ` +
      `Sigmoid bars climb steadily from about ${f(norms.sigmoid[0]!, 1)} at L1 to ${f(norms.sigmoid.at(-1)!, 1)} at ` +
      `the output. Tanh bars and ReLU bars stay within a factor of 10 of each other across all layers, between ` +
      `${f(Math.min(...norms.tanh, ...norms.relu), 1)} and ${f(Math.max(...norms.tanh, ...norms.relu), 1)}.`,
    build() {
      return barChart({
        categories: labels,
        series: [
          { label: "sigmoid + Xavier (16 wide)", values: norms.sigmoid, color: 2 },
          { label: "tanh + Xavier (16)", values: norms.tanh, color: 1 },
          { label: "ReLU + He (32)", values: norms.relu, color: 3 },
        ],
        x: { label: "weight layer" },
        y: { log: true, label: "‖∂L/∂W‖" },
      });
    },
  };
})();

/** Root mean square of each hidden layer's activations over the training set (a forward pass from the weights). */
export function activationRms(t: Trainer): number[] {
  const { n, x } = t.dataset.train;
  const act = getActivation(t.config.hidden);
  let a = Array.from(x.subarray(0, 2 * n));
  let width = 2;
  const rms: number[] = [];
  for (let l = 0; l < t.config.layers.length - 2; l++) {
    const { W, b } = readLayer(t, l);
    const m = b.length;
    const next = new Array<number>(n * m);
    let square = 0;
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < m; j++) {
        let z = b[j]!;
        for (let i = 0; i < width; i++) z += a[r * width + i]! * W[i * m + j]!;
        const v = act.f(z);
        next[r * m + j] = v;
        square += v * v;
      }
    }
    rms.push(Math.sqrt(square / (n * m)));
    a = next;
    width = m;
  }
  return rms;
}

/** The geometric mean of rms[l + 1]/rms[l] over the layers that read the full width (from layer 2 on). */
export function growthPerLayer(rms: readonly number[]): number {
  const logs = rms.slice(1).map((v, l) => Math.log(v / rms[l]!));
  return Math.exp(logs.reduce((s, v) => s + v, 0) / logs.length);
}

/** The lesson 5 preset's network with naive N(0, 1) weights, and with He's. */
export const GROWTH = {
  normal: labNetwork("relu", { kind: "normal", scale: 1 }, 32),
  he: AT_INIT.relu,
} as const;

/** How big the activations get, layer by layer, with N(0, 1) weights against He's. */
export const reluActivationGrowth: FigureDefinition = (() => {
  const normal = activationRms(createTrainer(GROWTH.normal));
  const he = activationRms(createTrainer(GROWTH.he));
  const layers = Float64Array.from(normal, (_, l) => l + 1);
  return {
    id: "relu-activation-growth",
    title: "Root mean square of each ReLU layer's activations at initialisation, N(0, 1) weights against He's",
    caption:
      `Ten ReLU layers of 32 on the lab's data. With standard normal weights the typical activation grows ` +
      `${f(growthPerLayer(normal), 2)}× per layer, to ${f(normal.at(-1)!, 2)} in layer 10; He's weights keep it ` +
      `near ${f(he.at(-1)!, 2)} (${f(growthPerLayer(he), 2)}× per layer).`,
    alt:
      `Line chart, logarithmic y axis, over hidden layers 1 to 10. The N(0, 1) line climbs along a straight line ` +
      `from ${f(normal[0]!, 2)} to ${f(normal.at(-1)!, 2)}; the He line stays flat near ${f(he[0]!, 2)}.`,
    build() {
      return lineChart({
        x: { label: "hidden layer", min: 1, max: layers.length },
        y: { log: true, label: "rms of a" },
        series: [
          { label: "N(0, 1) weights", xs: layers, ys: Float64Array.from(normal), color: 2, dash: 1 },
          { label: "He weights", xs: layers, ys: Float64Array.from(he), color: 1, dash: 0 },
        ],
        tableRows: layers.length,
      });
    },
  };
})();
