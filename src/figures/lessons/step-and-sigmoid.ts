/** Lesson 2 (step and sigmoid): the sigmoid's slope, its maximum 1/4, and how fast it vanishes. */
import { SATURATION_THRESHOLD, sigmoid, sigmoidDerivative } from "../../core/index.ts";
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
