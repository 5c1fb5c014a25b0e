/**
 * Lesson 7 (Leaky ReLU and friends): the ReLU family on one axis, f and then f′, so the negative side can be compared.
 * Softplus comes from the core too: softplus(x) = −log(1 − σ(x)) is BCE-with-logits at target 0, and its slope is σ.
 */
import { binaryCrossEntropyWithLogits, getActivation, sigmoid } from "../../core/index.ts";
import { formatNumber } from "../../plots/format.ts";
import { lineChart, type LineSeries } from "../line-chart.ts";
import { grid, sample } from "../sample.ts";
import type { FigureDefinition } from "../types.ts";

/** The x-range: far enough left to see each tail level off, far enough right to see them all become x. */
const LEFT = -4;
const RIGHT = 3;
/** 6 points per unit: the GELU and SiLU dips stay smooth at page width, and the figure stays under 2 kB. */
const POINTS = 43;
/** The Leaky ReLU slope drawn: 0.1, ten times PyTorch's default, so its left half is visibly not flat. */
export const FAMILY_ALPHA = 0.1;

const leaky = getActivation("leaky-relu", FAMILY_ALPHA);
const elu = getActivation("elu", 1);
const gelu = getActivation("gelu");
const silu = getActivation("silu");
/** softplus(x) = log(1 + eˣ), computed stably by the core as the BCE of logit x against target 0. */
export const softplus = (x: number): number => binaryCrossEntropyWithLogits(x, 0);

/** The five members, each with f and f′ and a fixed colour and dash, shared by both figures. */
const FAMILY = [
  { label: `Leaky ReLU (α = ${FAMILY_ALPHA})`, f: leaky.f, df: leaky.df, color: 1 },
  { label: "ELU (α = 1)", f: elu.f, df: elu.df, color: 2 },
  { label: "softplus", f: softplus, df: sigmoid, color: 3 },
  { label: "GELU", f: gelu.f, df: gelu.df, color: 4 },
  { label: "SiLU", f: silu.f, df: silu.df, color: 5 },
] as const;

/** The lowest or highest value of g on [LEFT, RIGHT] (a fine scan) and where it is. */
export function extreme(g: (x: number) => number, kind: "min" | "max"): { x: number; y: number } {
  const xs = grid(LEFT, RIGHT, 7001);
  let best = { x: xs[0]!, y: g(xs[0]!) };
  for (const x of xs) {
    const y = g(x);
    if (kind === "min" ? y < best.y : y > best.y) best = { x, y };
  }
  return best;
}

const f2 = (v: number): string => formatNumber(v, 2);
/** v with two decimals and a true minus sign (−0.10, not -0.1). */
const d2 = (v: number): string => v.toFixed(2).replace("-", "−");
/** The range's ends as the text writes them. */
const [L, R] = [formatNumber(LEFT), formatNumber(RIGHT)];
const GELU_DIP = extreme(gelu.f, "min");
const SILU_DIP = extreme(silu.f, "min");
const SLOPE_MIN = { gelu: extreme(gelu.df, "min"), silu: extreme(silu.df, "min") };
const SLOPE_MAX = { gelu: extreme(gelu.df, "max"), silu: extreme(silu.df, "max") };

function series(pick: "f" | "df"): LineSeries[] {
  const xs = grid(LEFT, RIGHT, POINTS);
  return FAMILY.map((m, i) => ({ label: m.label, xs, ys: sample(m[pick], xs), color: m.color, dash: i }));
}

/** f of the family on [−4, 3]: all become x on the right and differ on the left. */
export const reluFamily: FigureDefinition = {
  id: "relu-family",
  title: `Leaky ReLU, ELU, softplus, GELU and SiLU for x from ${L} to ${R}`,
  caption:
    `On the right all five become x (softplus stays a little above it). On the left they part: Leaky ReLU keeps ` +
    `falling as αx, ELU levels off at −1, softplus at 0 from above, and GELU and SiLU dip below 0 (to ` +
    `${f2(GELU_DIP.y)} and ${f2(SILU_DIP.y)}) before returning to 0.`,
  alt:
    `Line chart of five activations over x from ${L} to ${R}. For x above about 2 all five run close to the ` +
    `diagonal y = x, softplus slightly above it. For negative x: Leaky ReLU (α = ${FAMILY_ALPHA}) is a straight line ` +
    `down to ${f2(leaky.f(LEFT))} at x = ${L}; ELU curves down towards −1, reaching ${f2(elu.f(LEFT))}; softplus ` +
    `stays positive and falls towards 0; GELU dips to ${f2(GELU_DIP.y)} near x = ${f2(GELU_DIP.x)} and SiLU to ` +
    `${f2(SILU_DIP.y)} near x = ${f2(SILU_DIP.x)}, both rising back towards 0 further left.`,
  build() {
    return lineChart({
      x: { label: "x", min: LEFT, max: RIGHT },
      y: { label: "f(x)", min: -1.5, max: 3 },
      series: series("f"),
      tableRows: 11,
    });
  },
};

/** f′ of the family: only Leaky ReLU's slope stays off 0 on the left. */
export const reluFamilySlopes: FigureDefinition = {
  id: "relu-family-slopes",
  title: `The slopes f′(x) of Leaky ReLU, ELU, softplus, GELU and SiLU for x from ${L} to ${R}`,
  caption:
    `On the left only Leaky ReLU's slope stays put, at α. ELU's and softplus's fade towards 0 (about ` +
    `${f2(elu.df(LEFT))} at x = ${L}): they saturate there, like a sigmoid's tail. GELU's and SiLU's slopes ` +
    `go below 0 (to ${d2(SLOPE_MIN.gelu.y)} and ${d2(SLOPE_MIN.silu.y)}) and overshoot 1 (to ` +
    `${d2(SLOPE_MAX.gelu.y)} and ${d2(SLOPE_MAX.silu.y)}) before settling at 1.`,
  alt:
    `Line chart of the slopes of five activations over x from ${L} to ${R}, y from −0.2 to 1.2. Leaky ReLU's ` +
    `slope is a step: ${FAMILY_ALPHA} for negative x, 1 for positive x. ELU's rises smoothly from ` +
    `${f2(elu.df(LEFT))} at x = ${L} to 1 at x = 0 and stays 1. Softplus's slope is the sigmoid, an S from ` +
    `${f2(sigmoid(LEFT))} to ${f2(sigmoid(RIGHT))}. GELU's slope dips to ${d2(SLOPE_MIN.gelu.y)} near x = ` +
    `${f2(SLOPE_MIN.gelu.x)}, passes 0.5 at x = 0 and peaks at ${d2(SLOPE_MAX.gelu.y)} near x = ` +
    `${f2(SLOPE_MAX.gelu.x)}; SiLU's does the same, more gently: ${d2(SLOPE_MIN.silu.y)} near x = ` +
    `${f2(SLOPE_MIN.silu.x)} and ${d2(SLOPE_MAX.silu.y)} near x = ${f2(SLOPE_MAX.silu.x)}.`,
  build() {
    return lineChart({
      x: { label: "x", min: LEFT, max: RIGHT },
      y: { label: "f′(x)", min: -0.2, max: 1.2 },
      series: series("df"),
      rules: [{ y: FAMILY_ALPHA, label: `α = ${FAMILY_ALPHA}` }],
      tableRows: 11,
    });
  },
};
