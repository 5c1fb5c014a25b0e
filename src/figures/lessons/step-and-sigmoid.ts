/** Lesson 2 (step and sigmoid): the sigmoid's slope, its maximum 1/4, and how fast it vanishes. */
import { binaryCrossEntropy, SATURATION_THRESHOLD, sigmoid, sigmoidDerivative } from "../../core/index.ts";
import { formatDecade, formatNumber } from "../../plots/format.ts";
import { lineChart } from "../line-chart.ts";
import { grid, intervalsBelow, sample } from "../sample.ts";
import type { FigureDefinition } from "../types.ts";

/** |σ′(z)| below this counts as saturated: the core's default, which its saturation diagnostics use. */
const THRESHOLD = SATURATION_THRESHOLD;
const RANGE = 8;
const TAIL = 40;
/** The log axis's bottom: two decades under σ′(40) ≈ 4×10⁻¹⁸, so that point's label fits under it. */
const FLOOR = 1e-20;

/** Where σ′ falls below the threshold: |z| beyond this (about 4.6). */
const EDGE = intervalsBelow(sigmoidDerivative, THRESHOLD, 0, RANGE)[0]?.from ?? Number.NaN;
const PEAK = sigmoidDerivative(0);
const AT_TAIL = sigmoidDerivative(TAIL);
/** From z = NEAR on, σ′(z) = e^(−z)/(1 + e^(−z))² is within GAP = 1 − σ′(z)·e^z of e^(−z) (about 1.3%). */
const NEAR = 5;
const GAP = 1 - sigmoidDerivative(NEAR) * Math.exp(NEAR);
const f = (v: number, digits = 3): string => formatNumber(v, digits);

/** σ and σ′ on [−8, 8], the saturated band shaded and σ′'s maximum marked. */
export const sigmoidAndSlope: FigureDefinition = {
  id: "sigmoid-and-slope",
  title: `σ(z) and σ′(z) for z from −${RANGE} to ${RANGE}`,
  caption:
    `The slope σ′ (dashed) is never more than ${f(PEAK)}, reached at z = 0. ` +
    `Once |z| > ${f(EDGE, 2)} it is below ${f(THRESHOLD)} (shaded): there the sigmoid is saturated, ` +
    `its output hardly moves, and the gradient through it nearly vanishes.`,
  alt:
    `Line chart over z from −${RANGE} to ${RANGE}. The sigmoid σ(z), solid, rises in an S from near 0 to near 1 ` +
    `and passes 0.5 at z = 0. Its slope σ′(z), dashed, is a bump with its peak of ${f(PEAK)} at z = 0, falling ` +
    `towards 0 on both sides. The regions z < −${f(EDGE, 2)} and z > ${f(EDGE, 2)}, where σ′ is below ` +
    `${f(THRESHOLD)}, are shaded.`,
  build() {
    const xs = grid(-RANGE, RANGE, 161);
    return lineChart({
      x: { label: "z", min: -RANGE, max: RANGE },
      y: { min: 0, max: 1 },
      series: [
        { label: "σ(z)", xs, ys: sample(sigmoid, xs), color: 1 },
        { label: "σ′(z)", xs, ys: sample(sigmoidDerivative, xs), color: 2 },
      ],
      bands: intervalsBelow(sigmoidDerivative, THRESHOLD, -RANGE, RANGE),
      bandLabel: `saturated: σ′ < ${f(THRESHOLD)}`,
      points: [{ x: 0, y: PEAK, label: `max σ′(0) = ${f(PEAK)}`, color: 2, place: "above-right" }],
    });
  },
};

/** σ′ on a log axis out to z = 40: a straight line, the tail e^(−z). */
export const sigmoidSlopeTail: FigureDefinition = {
  id: "sigmoid-slope-tail",
  title: `σ′(z) and exp(−z) for z from 0 to ${TAIL}, log scale`,
  caption:
    `On a log scale σ′(z) is a straight line: from z = ${NEAR} on it is within ${f(100 * GAP, 2)}% of exp(−z), so every ` +
    `${f(Math.LN10, 2)} units of z cost a factor of 10. At z = ${TAIL} it is ${f(AT_TAIL)}: tiny, but not zero. ` +
    `σ′ is symmetric, σ′(−z) = σ′(z).`,
  alt:
    `Line chart of σ′(z) for z from 0 to ${TAIL}, with a logarithmic y axis from ${formatDecade(FLOOR)} to 1. σ′ starts at ` +
    `${f(PEAK)} and falls along a straight line to ${f(AT_TAIL)} at z = ${TAIL}, one factor of 10 every ` +
    `${f(Math.LN10, 2)} units of z. The dotted curve exp(−z) lies on top of it from about z = ${NEAR} on. A horizontal ` +
    `line marks the saturation threshold ${f(THRESHOLD)}, which σ′ crosses near z = ${f(EDGE, 2)}.`,
  build() {
    const xs = grid(0, TAIL, 161);
    return lineChart({
      x: { label: "z", min: 0, max: TAIL },
      y: { log: true, min: FLOOR, max: 1 },
      series: [
        { label: "σ′(z)", xs, ys: sample(sigmoidDerivative, xs), color: 2, dash: 0 },
        { label: "exp(−z)", xs, ys: sample((z) => Math.exp(-z), xs), color: 3, dash: 2 },
      ],
      rules: [{ y: THRESHOLD, label: `threshold ${f(THRESHOLD)}` }],
      points: [{ x: TAIL, y: AT_TAIL, label: `σ′(${TAIL}) = ${f(AT_TAIL)}`, color: 2, place: "below-left" }],
    });
  },
};

/** p from 0.01 to 0.99: the loss is finite there (−ln 0.01 ≈ 4.6), and the curves' steep ends still show. */
const P_MIN = 0.01;
const P_MAX = 0.99;
const HALF = binaryCrossEntropy(0.5, 1);

/** Binary cross-entropy against the predicted probability p, for a point of class 1 and one of class 0. */
export const bceLoss: FigureDefinition = {
  id: "bce-loss",
  title: `Binary cross-entropy L against the predicted probability p, from ${P_MIN} to ${P_MAX}`,
  caption:
    `For a point of class 1 the loss is −ln p (solid): 0 when the network is sure and right, growing without bound ` +
    `as it becomes sure and wrong. For class 0 it is −ln(1 − p) (dashed). Both pass through ln 2 ≈ ${f(HALF)} at ` +
    `p = 0.5: the loss of answering 50/50.`,
  alt:
    `Line chart over p from ${P_MIN} to ${P_MAX}. The solid curve −ln p falls from ${f(binaryCrossEntropy(P_MIN, 1))} ` +
    `at p = ${P_MIN} to ${f(binaryCrossEntropy(P_MAX, 1))} at p = ${P_MAX}; the dashed curve −ln(1 − p) is its ` +
    `mirror image, rising from ${f(binaryCrossEntropy(P_MIN, 0))} to ${f(binaryCrossEntropy(P_MAX, 0))}. They cross ` +
    `at p = 0.5, at the marked value ln 2 ≈ ${f(HALF)}.`,
  build() {
    const ps = grid(P_MIN, P_MAX, 99);
    return lineChart({
      x: { label: "predicted probability p of class 1", min: 0, max: 1 },
      y: { min: 0, max: 5, label: "loss L" },
      series: [
        { label: "class 1: −ln p", xs: ps, ys: sample((p) => binaryCrossEntropy(p, 1), ps), color: 1, dash: 0 },
        { label: "class 0: −ln(1 − p)", xs: ps, ys: sample((p) => binaryCrossEntropy(p, 0), ps), color: 2, dash: 1 },
      ],
      points: [{ x: 0.5, y: HALF, label: `ln 2 ≈ ${f(HALF)}`, place: "right" }],
    });
  },
};
