/**
 * Lesson 4 (tanh): tanh is a rescaled sigmoid; its slope's tail falls twice as fast as σ′'s; and the chain-rule
 * product along one path is tiny while the sum over all paths is not (the lab's path table beside level bars).
 */
import {
  createTrainer,
  getActivation,
  pathProduct,
  readLayer,
  SATURATION_THRESHOLD,
  sigmoid,
  sigmoidDerivative,
  tanhDerivative,
  type Trainer,
  type TrainerConfig,
} from "../../core/index.ts";
import { formatNumber } from "../../plots/format.ts";
import { lineChart } from "../line-chart.ts";
import { grid, intervalsBelow, sample } from "../sample.ts";
import type { FigureDefinition } from "../types.ts";

const f = (v: number, digits = 3): string => formatNumber(v, digits);

/** The x > 0 where a decreasing d falls below level: the edge of the first interval where |d| < level. */
const edge = (d: (x: number) => number, level: number): number => intervalsBelow(d, level, 0, 20)[0]?.from ?? NaN;

/** The x > 0 where tanh′ and σ′ cross (tanh′ is the larger below it), by bisection on [0.1, 10]. */
export const SLOPES_CROSS = ((): number => {
  let lo = 0.1;
  let hi = 10;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (tanhDerivative(mid) > sigmoidDerivative(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
})();

/** From σ to tanh in two moves: σ(x), σ(2x) (squeezed), and 2σ(2x) − 1 (stretched and shifted), which is tanh. */
export const tanhAndSigmoid: FigureDefinition = (() => {
  const R = 5;
  const xs = grid(-R, R, 121);
  return {
    id: "tanh-and-sigmoid",
    title: `σ(x), σ(2x) and 2σ(2x) − 1 = tanh(x) for x from −${R} to ${R}`,
    caption:
      `From σ to tanh in two moves. σ(2x), dotted, is the sigmoid squeezed to half the width; doubling it and ` +
      `subtracting 1 stretches it from (0, 1) to (−1, 1) and gives tanh, solid: centred on 0 where σ is ` +
      `centred on ½, and flat from half the x.`,
    alt:
      `Line chart over x from −${R} to ${R}, y from −1 to 1. The sigmoid σ(x), dashed, rises gently from 0 to 1 ` +
      `through 0.5 at x = 0. σ(2x), dotted, rises the same way but twice as steeply. The solid curve ` +
      `tanh(x) = 2σ(2x) − 1 rises from −1 to 1 through the origin, with slope 1 there: four times σ's 1/4.`,
    build() {
      return lineChart({
        x: { label: "x", min: -R, max: R },
        y: { min: -1, max: 1 },
        series: [
          { label: "σ(x)", xs, ys: sample(sigmoid, xs), color: 2, dash: 1 },
          { label: "σ(2x)", xs, ys: sample((x) => sigmoid(2 * x), xs), color: 3, dash: 2 },
          { label: "tanh(x) = 2σ(2x) − 1", xs, ys: sample(getActivation("tanh").f, xs), color: 1, dash: 0 },
        ],
        points: [
          { x: 0, y: 0, label: "tanh(0) = 0", color: 1, place: "below-right" },
          { x: 0, y: 0.5, label: "σ(0) = ½", color: 2, place: "above-left" },
        ],
      });
    },
  };
})();

/** tanh′ and σ′ on a log axis out to x = 12, beside their tails 4e^(−2x) and e^(−x). */
export const tanhSigmoidTails: FigureDefinition = (() => {
  const R = 12;
  const FLOOR = 1e-11;
  const tanhEdge = edge(tanhDerivative, SATURATION_THRESHOLD);
  const sigmoidEdge = edge(sigmoidDerivative, SATURATION_THRESHOLD);
  return {
    id: "tanh-sigmoid-tails",
    title: `tanh′(x) and σ′(x) with 4e^(−2x) and e^(−x), x from 0 to ${R}, log scale`,
    caption:
      `On a log scale both tails are straight lines: tanh′ follows 4e^(−2x), falling twice as steeply as σ′, which ` +
      `follows e^(−x). So tanh′, four times larger at 0, is the smaller slope from x ≈ ${f(SLOPES_CROSS, 3)} on, ` +
      `and it drops below the saturation threshold ${f(SATURATION_THRESHOLD)} at x ≈ ${f(tanhEdge, 3)}, ` +
      `σ′ only at x ≈ ${f(sigmoidEdge, 3)}.`,
    alt:
      `Line chart for x from 0 to ${R} with a logarithmic y axis from ${f(FLOOR)} to 1. Tanh′, solid, starts at 1 ` +
      `and falls along a steep straight line; σ′, dashed, starts at 0.25 and falls along a line half as steep. ` +
      `Dotted lines 4e^(−2x) and e^(−x) lie on each from about x = 3 on. The two slopes cross near ` +
      `x = ${f(SLOPES_CROSS, 3)}, marked. A horizontal line marks the threshold ${f(SATURATION_THRESHOLD)}.`,
    build() {
      const xs = grid(0, R, 73);
      return lineChart({
        x: { label: "x", min: 0, max: R },
        y: { log: true, min: FLOOR, max: 1 },
        series: [
          { label: "tanh′(x)", xs, ys: sample(tanhDerivative, xs), color: 1, dash: 0 },
          { label: "σ′(x)", xs, ys: sample(sigmoidDerivative, xs), color: 2, dash: 1 },
          { label: "4e^(−2x)", xs, ys: sample((x) => 4 * Math.exp(-2 * x), xs), color: 1, dash: 2 },
          { label: "e^(−x)", xs, ys: sample((x) => Math.exp(-x), xs), color: 2, dash: 2 },
        ],
        marks: [{ x: SLOPES_CROSS, label: `cross at ${f(SLOPES_CROSS, 3)}` }],
        rules: [{ y: SATURATION_THRESHOLD, label: `threshold ${f(SATURATION_THRESHOLD)}` }],
      });
    },
  };
})();

/**
 * The vanishing-gradients lab's tanh-xavier run at step 0, rebuilt from the core (a figure may not import labs/;
 * src/core/claims/tanh.test.ts checks that this is the lab's network): ten tanh layers of 16 with Xavier-normal
 * weights, a sigmoid output on BCE, circles (300 points, noise 0.1, a quarter held out), seeds data 1, init 2, batch 3.
 */
export const PATH_NETWORK: TrainerConfig = {
  layers: [2, ...Array<number>(10).fill(16), 1],
  hidden: "tanh",
  head: "sigmoid",
  loss: "bce",
  init: { kind: "xavier-normal", scale: 1 },
  optimizer: { kind: "sgd", lr: 0.1 },
  batchSize: 32,
  seeds: { data: 1, init: 2, batch: 3 },
  dataset: { kind: "circles", n: 300, noise: 0.1, testFraction: 0.25 },
};

/** The lab's path: from input x₁ at (0.5, 0.5) through unit 1 of every hidden layer to the output. */
export const PATH_INPUT: [number, number] = [0.5, 0.5];

/**
 * For the path's start at each depth: the product along the one path, and ∂p/∂a — the same derivative summed over
 * every path (a backward pass for the one input). Row j starts at a_j (j = 0 is the input x₁, then unit 1 of hidden
 * layer j); `factors` = D − j weight layers lie between it and the output.
 */
export function pathsAtInit(t: Trainer = createTrainer(PATH_NETWORK)): {
  factors: number[];
  onePath: number[];
  allPaths: number[];
  width: number;
} {
  const sizes = t.config.layers;
  const D = sizes.length - 1;
  const act = getActivation(t.config.hidden);
  // Forward for one input, keeping z per layer.
  let a = [...PATH_INPUT];
  const zs: number[][] = [];
  for (let l = 0; l < D; l++) {
    const { W, b } = readLayer(t, l);
    const m = b.length;
    const z = Array.from({ length: m }, (_, j) => a.reduce((s, ai, i) => s + ai * W[i * m + j]!, b[j]!));
    zs.push(z);
    a = l < D - 1 ? z.map(act.f) : z.map(sigmoid);
  }
  // Backward: g = ∂p/∂a_l for every unit of every layer, from the output's σ′ down to the input.
  let g = [sigmoidDerivative(zs[D - 1]![0]!)];
  const allPaths = new Array<number>(D);
  for (let l = D - 1; l >= 0; l--) {
    // g holds ∂p/∂z_(l+1) after the slope; multiply by Wᵀ to reach a_l.
    const { W } = readLayer(t, l);
    const m = sizes[l + 1]!;
    const prev = Array.from({ length: sizes[l]! }, (_, i) => g.reduce((s, gj, j) => s + W[i * m + j]! * gj, 0));
    allPaths[l] = Math.abs(prev[0]!);
    if (l > 0) g = prev.map((v, i) => v * act.df(zs[l - 1]![i]!));
  }
  // One path: the core's factors f′(z)·w for the lab's path, multiplied from each start to the output.
  const factors = new Float64Array(D);
  pathProduct(
    t,
    PATH_INPUT[0],
    PATH_INPUT[1],
    sizes.map(() => 0),
    factors,
  );
  const onePath = Array.from({ length: D }, (_, j) => Math.abs(factors.slice(j).reduce((p, v) => p * v, 1)));
  return { factors: allPaths.map((_, j) => D - j), onePath, allPaths, width: sizes[1]! };
}

/** One path's product against the sum over all paths, from each layer's unit 1 to the output. */
export const onePathAllPaths: FigureDefinition = (() => {
  const { factors, onePath, allPaths, width } = pathsAtInit();
  const k = factors[0]!;
  const paths = width ** (k - 1);
  return {
    id: "one-path-all-paths",
    title: `∂p/∂a along one path and over all paths, ten tanh layers of ${width} with Xavier weights, at initialisation`,
    caption:
      `Start at a unit and go to the output p. Along the lab's one path (unit 1 of every layer) the product of ` +
      `f′(z)·w shrinks with every layer it crosses, to ${f(onePath[0]!, 2)} from the input; summed over every ` +
      `path, ${width} more with each layer (${f(paths, 2)} from the input), the derivative keeps its size: ` +
      `${f(allPaths[0]!, 2)}.`,
    alt:
      `Line chart, logarithmic y axis. x: the number of weight layers between a unit and the output, 1 to ${k}. ` +
      `The one-path product, solid, falls roughly along a straight line from about ${f(onePath.at(-1)!, 1)} to ` +
      `${f(onePath[0]!, 2)}. The sum over all paths, dashed, stays between ${f(Math.min(...allPaths), 1)} and ` +
      `${f(Math.max(...allPaths), 1)}.`,
    build() {
      const xs = factors.slice().reverse();
      return lineChart({
        x: { label: "weight layers between the unit and the output", min: 1, max: k },
        y: { log: true, label: "|∂p/∂a|" },
        series: [
          { label: "one path", xs, ys: onePath.slice().reverse(), color: 1, dash: 0 },
          { label: "all paths", xs, ys: allPaths.slice().reverse(), color: 2, dash: 1 },
        ],
        tableRows: k,
      });
    },
  };
})();
