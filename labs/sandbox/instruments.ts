/**
 * Reading a snapshot and the run's history into what the sandbox's instruments draw: per-layer bars,
 * the gradient-norm history as a heatmap, the hidden units' dead/alive cells, and a one-line summary.
 * Weight layers are numbered from the input: "L1" is the first, "out" the output layer.
 */
import { predictAt } from "../../src/plots/boundary.ts";
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import { formatNumber } from "../../src/plots/format.ts";
import type { DataSnapshot, LayerSnapshot } from "../../src/worker/protocol.ts";
import { COLUMN } from "../shared/history-views.ts";
import { offWord } from "../shared/off-word.ts";

/** The healthy band of the update-to-weight ratio ‖Δθ‖/‖θ‖ per step, around the 10⁻³ rule of thumb. */
export const HEALTHY_UPDATE_RATIO = { low: 1e-4, high: 1e-2 } as const;

/** Labels of L weight layers: "L1", "L2", …, "out". */
export function layerLabels(weightLayers: number): string[] {
  return Array.from({ length: weightLayers }, (_, l) => (l === weightLayers - 1 ? "out" : `L${l + 1}`));
}

/** One number per weight layer, e.g. pick = (l) => l.gradNormW. */
export function perLayer(layers: readonly LayerSnapshot[], pick: (l: LayerSnapshot) => number): number[] {
  return layers.map(pick);
}

/**
 * The gradient norm ‖∂L/∂W_l‖ of every weight layer over the run, as a heatmap: rows = layers (L1 at the top),
 * columns = the history's rows, values row-major (rows × columns). Steps label the columns.
 */
export function gradientHistory(history: BoundedHistory, weightLayers: number) {
  const steps = Float64Array.from(history.steps());
  const columns = steps.length;
  const values = new Float64Array(weightLayers * columns);
  if (history.series >= 2 + weightLayers) {
    for (let l = 0; l < weightLayers; l++) values.set(history.column(COLUMN.gradNorm(l)), l * columns);
  }
  return { rows: layerLabels(weightLayers), columns, values, steps };
}

/**
 * The gradient heatmap as table rows: at most `max` history columns, evenly spread (first and last kept),
 * each [step, ‖∂L/∂W‖ of every layer]. values: rows × columns row-major, as gradientHistory gives.
 */
export function gradientRows(
  g: { rows: string[]; columns: number; values: ArrayLike<number>; steps: ArrayLike<number> },
  max = 25,
): number[][] {
  const n = g.columns;
  if (n === 0) return [];
  const picks =
    n <= max
      ? Array.from({ length: n }, (_, j) => j)
      : Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
  return picks.map((j) => [g.steps[j] as number, ...g.rows.map((_, l) => g.values[l * n + j] as number)]);
}

/**
 * The points with the model's answer as table rows: [set, x, y, class, model's class, its probability], read from
 * a decision grid (size × size × classes scores over xRange × yRange, row 0 = top) at each point. Classes are
 * named by `names` (the reader's own data) or "class 0", "class 1", ….
 */
export function boundaryRows(
  grid: ArrayLike<number> | null,
  size: number,
  data: DataSnapshot | null,
  xRange: [number, number] = [-1.25, 1.25],
  yRange: [number, number] = xRange,
  names?: readonly string[],
): (string | number)[][] {
  if (!data) return [];
  const name = (c: number) => names?.[c] ?? `class ${c}`;
  const rows: (string | number)[][] = [];
  for (const [set, x, labels] of [
    ["train", data.trainX, data.trainLabels],
    ["test", data.testX, data.testLabels],
  ] as const) {
    for (let i = 0; i < labels.length; i++) {
      const [px, py] = [x[2 * i] as number, x[2 * i + 1] as number];
      const guess = grid && size > 0 ? predictAt(grid, size, data.classes, xRange, yRange, px, py) : null;
      rows.push([set, px, py, name(labels[i]!), guess ? name(guess.label) : "—", guess ? guess.p : "—"]);
    }
  }
  return rows;
}

/** One hidden layer's cells for UnitGrid: states[i] = −1 alive, else the step since which unit i has been dead. */
export interface UnitLayer {
  label: string;
  states: number[];
}

/** Splits deadSince (hidden units, layer after layer) by the hidden widths; missing entries read as alive. */
export function unitLayers(deadSince: readonly number[], widths: readonly number[]): UnitLayer[] {
  let o = 0;
  return widths.map((w, l) => {
    const states = Array.from({ length: w }, (_, i) => deadSince[o + i] ?? -1);
    o += w;
    return { label: `L${l + 1}`, states };
  });
}

/** Dead hidden units and all hidden units. */
export function deadCount(layers: readonly UnitLayer[]): { dead: number; total: number } {
  let dead = 0;
  let total = 0;
  for (const l of layers) {
    total += l.states.length;
    for (const s of l.states) if (s >= 0) dead++;
  }
  return { dead, total };
}

/** Where the ratio sits against the rule of thumb: "too small", "healthy" or "too large" (or "no value"). */
export function ratioVerdict(ratio: number): "too small" | "healthy" | "too large" | "no value" {
  if (!Number.isFinite(ratio)) return "no value";
  if (ratio < HEALTHY_UPDATE_RATIO.low) return "too small";
  return ratio > HEALTHY_UPDATE_RATIO.high ? "too large" : "healthy";
}

/**
 * "first-layer gradient 3×10⁻⁵, last 0.02; 2 of 16 units dead; update ratio of L1 10⁻³ (healthy)". Units with
 * z ≤ 0 everywhere are "dead" only under ReLU and step; under other activations they are "inactive".
 */
/**
 * Hidden layers whose units are copies of each other, e.g. "layer 1: its 8 units are 1 distinct unit": units that
 * start with equal weights get equal gradients and stay equal, so the layer works as if it had that many units.
 */
export function copiedUnits(layers: readonly LayerSnapshot[]): string[] {
  return layers
    .slice(0, -1)
    .flatMap((l, i) =>
      l.distinctUnits < l.units
        ? [
            `layer ${i + 1}: its ${l.units} units are ${l.distinctUnits} distinct unit${l.distinctUnits === 1 ? "" : "s"}`,
          ]
        : [],
    );
}

export function instrumentSummary(
  layers: readonly LayerSnapshot[],
  units: readonly UnitLayer[],
  activation = "relu",
): string {
  if (layers.length === 0) return "";
  const first = layers[0]!;
  const last = layers[layers.length - 1]!;
  const { dead, total } = deadCount(units);
  const parts = [`first-layer gradient ${formatNumber(first.gradNormW)}, output layer ${formatNumber(last.gradNormW)}`];
  if (total > 0)
    parts.push(
      offWord(activation) === "dead"
        ? `${dead} of ${total} hidden units dead`
        : `${dead} of ${total} hidden units inactive (z ≤ 0 on every point)`,
    );
  parts.push(`update ratio of L1 ${formatNumber(first.updateRatio)} (${ratioVerdict(first.updateRatio)})`);
  parts.push(...copiedUnits(layers));
  return parts.join("; ");
}
