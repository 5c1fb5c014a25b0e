/**
 * Lesson 8 (output layers and losses): the output gradient against the logit for the output-loss lab's three
 * pairings (the core's own ∂L/∂z, one example), and the softmax of the lesson's worked example.
 */
import { headForward, outputDelta, softmaxRows, type HeadName, type LossName } from "../../core/index.ts";
import { formatNumber } from "../../plots/format.ts";
import { barChart } from "../bar-chart.ts";
import { lineChart } from "../line-chart.ts";
import { grid } from "../sample.ts";
import type { FigureDefinition } from "../types.ts";

/** From confidently wrong (z = −12) to right (z = 4), for a point whose label is 1. */
const LEFT = -12;
const RIGHT = 4;
/** Where the lab starts its positive points (its output bias is −10). */
export const START = -10;

/** ∂L/∂z of one example with target y at logit z, as the core computes it for this head and loss (n = m = 1). */
export function outputGradient(head: HeadName, loss: LossName, z: number, y = 1): number {
  const zs = Float64Array.of(z);
  const a = new Float64Array(1);
  const fp = new Float64Array(1);
  const d = new Float64Array(1);
  headForward(head, zs, a, fp, 1, 1);
  outputDelta(loss, zs, a, fp, Float64Array.of(y), 1, 1, d);
  return d[0]!;
}

/** The lab's three pairings, in its colours' order. */
const PAIRINGS = [
  { label: "sigmoid + MSE", head: "sigmoid", loss: "mse", color: 1 },
  { label: "sigmoid + BCE", head: "sigmoid", loss: "bce", color: 2 },
  { label: "tanh + MSE", head: "tanh", loss: "mse", color: 3 },
] as const;

const sci = (v: number): string => formatNumber(v, 2);
const [L, R, S] = [LEFT, RIGHT, START].map((v) => formatNumber(v));
const AT_START = PAIRINGS.map((p) => Math.abs(outputGradient(p.head, p.loss, START)));

/** |∂L/∂z| against z on a log scale: BCE's stays near 1 while the MSE pairings' collapse. */
export const outputGradientByLogit: FigureDefinition = {
  id: "output-gradient-by-logit",
  title: `|∂L/∂z| for one example with y = 1, z from ${L} to ${R}, log scale`,
  caption:
    `The more confidently wrong the output (z far below 0 while y = 1), the harder sigmoid + BCE pushes: its ` +
    `|∂L/∂z| = 1 − a approaches 1. Both MSE pairings do the opposite. At z = ${S}, where the lab starts: ` +
    `${formatNumber(AT_START[1]!, 5)} under BCE, ${sci(AT_START[0]!)} under sigmoid + MSE, ${sci(AT_START[2]!)} under tanh + MSE.`,
  alt:
    `Line chart with a logarithmic y axis: the size of the output gradient for one example whose label is 1, against ` +
    `the logit z from ${L} to ${R}. Sigmoid + BCE is a nearly flat line close to 1 for negative z that falls ` +
    `to ${sci(Math.abs(outputGradient("sigmoid", "bce", RIGHT)))} at z = ${R}. Sigmoid + MSE peaks near z = 0 ` +
    `and falls along a straight line to the left, to ${sci(AT_START[0]!)} at z = ${S}. Tanh + MSE falls twice ` +
    `as steeply, to ${sci(AT_START[2]!)} at z = ${S}. A vertical line marks z = ${S}.`,
  build() {
    const xs = grid(LEFT, RIGHT, 33);
    return lineChart({
      x: { label: "logit z", min: LEFT, max: RIGHT },
      y: { label: "|∂L/∂z|", log: true, min: 1e-10, max: 3 },
      series: PAIRINGS.map((p, i) => ({
        label: p.label,
        xs,
        ys: xs.map((z) => Math.abs(outputGradient(p.head, p.loss, z))),
        color: p.color,
        dash: i,
      })),
      marks: [{ x: START, label: `z = ${S}` }],
      tableRows: 17,
    });
  },
};

/** The lesson's worked example: logits [2, 1, 0.1], the first class true. */
export const LOGITS = [2, 1, 0.1] as const;
export const TRUE_CLASS = 0;
const P = (() => {
  const p = new Float64Array(LOGITS.length);
  softmaxRows(Float64Array.from(LOGITS), p, 1, LOGITS.length);
  return Array.from(p);
})();
const GRAD = P.map((p, j) => p - (j === TRUE_CLASS ? 1 : 0));
const f3 = (v: number): string => formatNumber(v, 3);

/** Logits, their softmax and the gradient p − y, class by class. */
export const softmaxWorkedExample: FigureDefinition = {
  id: "softmax-worked-example",
  title: `Logits [${LOGITS.join(", ")}], their softmax p and the gradient p − y (class 1 true)`,
  caption:
    `Softmax keeps the logits' order and turns them into probabilities that sum to 1. The gradient p − y is ` +
    `negative only for the true class (${f3(GRAD[0]!)}), so gradient descent raises that logit and lowers the ` +
    `others, each by the probability it wrongly holds.`,
  alt:
    `Grouped bar chart for three classes. Class 1, the true one: logit ${LOGITS[0]}, probability ${f3(P[0]!)}, ` +
    `gradient ${f3(GRAD[0]!)}, a bar below zero. Class 2: logit ${LOGITS[1]}, probability ${f3(P[1]!)}, gradient ` +
    `${f3(GRAD[1]!)}. Class 3: logit ${LOGITS[2]}, probability ${f3(P[2]!)}, gradient ${f3(GRAD[2]!)}.`,
  build() {
    return barChart({
      categories: LOGITS.map((_, j) => (j === TRUE_CLASS ? `${j + 1} (true)` : `${j + 1}`)),
      series: [
        { label: "logit z", values: [...LOGITS], color: 1 },
        { label: "p = softmax(z)", values: P, color: 2 },
        { label: "p − y", values: GRAD, color: 3 },
      ],
      x: { label: "class" },
      y: { min: -0.5, max: 2 },
      height: 260,
    });
  },
};
