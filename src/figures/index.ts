/**
 * Every computed figure, by id: what <ComputedFigure id="…" /> looks up. To add a figure, write its
 * module (see README.md) and add it to the list below.
 */
// Lessons 1–3 (should this neuron fire?, step and sigmoid, vanishing gradients).
import { linearVsCurvedBoundary, oneNeuron } from "./lessons/should-this-neuron-fire.ts";
import { bceLoss, sigmoidAndSlope, sigmoidSlopeTail } from "./lessons/step-and-sigmoid.ts";
import { backpropByHand, gradientNormPerLayer, sigmoidWindow } from "./lessons/vanishing-gradients.ts";
// Lessons 4–6 (tanh, ReLU, dying ReLU).
import { onePathAllPaths, tanhAndSigmoid, tanhSigmoidTails } from "./lessons/tanh.ts";
import { gradientPerLayer, reluActivationGrowth, reluAndSlope } from "./lessons/relu.ts";
import { deadUnitsShock, negativeBiasLayer2 } from "./lessons/dying-relu.ts";
// Lessons 7–8 (Leaky ReLU and friends; output layers and losses).
import { reluFamily, reluFamilySlopes } from "./lessons/leaky-relu-and-friends.ts";
import { outputGradientByLogit, softmaxWorkedExample } from "./lessons/output-layers-and-losses.ts";
import type { Chart, FigureDefinition } from "./types.ts";

const DEFINITIONS: readonly FigureDefinition[] = [
  // Lessons 1–3 (should this neuron fire?, step and sigmoid, vanishing gradients).
  oneNeuron,
  linearVsCurvedBoundary,
  sigmoidAndSlope,
  sigmoidSlopeTail,
  bceLoss,
  backpropByHand,
  gradientNormPerLayer,
  sigmoidWindow,
  // Lessons 4–6 (tanh, ReLU, dying ReLU).
  tanhAndSigmoid,
  tanhSigmoidTails,
  onePathAllPaths,
  reluAndSlope,
  gradientPerLayer,
  reluActivationGrowth,
  deadUnitsShock,
  negativeBiasLayer2,
  // Lessons 7–8 (Leaky ReLU and friends; output layers and losses).
  reluFamily,
  reluFamilySlopes,
  outputGradientByLogit,
  softmaxWorkedExample,
];

/** The registry: figure id → definition. Building it throws on a repeated id. */
export const FIGURES: ReadonlyMap<string, FigureDefinition> = new Map(
  DEFINITIONS.map((d, i) => {
    if (DEFINITIONS.findIndex((other) => other.id === d.id) !== i)
      throw new Error(`Two figures have the id "${d.id}".`);
    return [d.id, d];
  }),
);

const built = new Map<string, Chart>();

/** The figure called id, built once per build (pages that show it share the result); throws, naming the known ids, when there is none. */
export function buildFigure(id: string): { definition: FigureDefinition; chart: Chart } {
  const definition = FIGURES.get(id);
  if (!definition) {
    throw new Error(
      `<ComputedFigure id=${JSON.stringify(id)}>: no such figure. Known figures: ${[...FIGURES.keys()].join(", ")}.`,
    );
  }
  let chart = built.get(id);
  if (!chart) {
    chart = definition.build();
    built.set(id, chart);
  }
  return { definition, chart };
}

export type { Chart, FigureDefinition, FigureTable } from "./types.ts";
export { svgDocument } from "./svg.ts";
