/**
 * Reading the hidden units' states out of a snapshot. The core calls a unit dead when its pre-activation
 * z is ≤ 0 on every training example. Under ReLU that unit's gradient is exactly 0, so it is dead for good;
 * under Leaky ReLU the same unit still passes gradient α·δ, so the lab calls it "inactive", not dead.
 */
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import type { AxisSpec } from "../../src/plots/types.ts";
import { COLUMN } from "../shared/history-views.ts";
import { offWord } from "../shared/off-word.ts";

/** One hidden layer's cells: states[i] is −1 while unit i is active somewhere, else the step since which z ≤ 0 everywhere. */
export interface UnitLayer {
  label: string;
  states: number[];
}

/** Units with z ≤ 0 on every example, per hidden layer and in all. */
export interface OffCounts {
  off: number;
  total: number;
  layers: { off: number; total: number }[];
}

/**
 * Splits deadSince (every hidden unit, layer after layer) by the hidden layers' widths. widths: units per
 * hidden layer (the snapshot's layers[l].units for every weight layer but the last). Missing entries read as alive.
 */
export function unitLayers(deadSince: readonly number[], widths: readonly number[]): UnitLayer[] {
  let o = 0;
  return widths.map((w, l) => {
    const states = Array.from({ length: w }, (_, i) => deadSince[o + i] ?? -1);
    o += w;
    return { label: `Layer ${l + 1}`, states };
  });
}

/** Indices (layer after layer) of the units dead now: those whose "dead since" is a step (≥ 0). */
export function deadUnits(deadSince: readonly number[]): number[] {
  return deadSince.flatMap((d, u) => (d >= 0 ? [u] : []));
}

/**
 * The two ways units come back after a switch to Leaky ReLU, in words: "4 stopped counting as dead at the
 * switch, with no weight moving (their inputs changed); 1 has come back since, as training moved the weights".
 */
export function revivalText(r: { atSwitch: number; since: number }): string {
  const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;
  return (
    `at the switch ${units(r.atSwitch)} stopped counting as dead with no weight moving (their inputs changed); ` +
    `since then ${units(r.since)} came back as training moved the weights`
  );
}

/** Counts the units whose state is a step (≥ 0), per layer and in all. */
export function offCounts(layers: readonly UnitLayer[]): OffCounts {
  const per = layers.map((l) => ({ off: l.states.filter((s) => s >= 0).length, total: l.states.length }));
  return {
    off: per.reduce((a, p) => a + p.off, 0),
    total: per.reduce((a, p) => a + p.total, 0),
    layers: per,
  };
}

export { offWord };

/** "5 of 32 units dead (layer 1: 3 of 16, layer 2: 2 of 16)". */
export function countsText(counts: OffCounts, activation: string): string {
  const per = counts.layers.map((l, i) => `layer ${i + 1}: ${l.off} of ${l.total}`).join(", ");
  return `${counts.off} of ${counts.total} units ${offWord(activation)}${per ? ` (${per})` : ""}`;
}

/** A colour and dash per hidden layer, so the lines differ by more than colour. */
const LAYER_STYLE = [
  { color: "var(--color-data-1)", dashed: false },
  { color: "var(--color-data-2)", dashed: true },
  { color: "var(--color-data-3)", dashed: false },
  { color: "var(--color-data-4)", dashed: true },
] as const;

/**
 * The share of each hidden layer's units with z ≤ 0 on every example, over the run, from the history
 * (COLUMN.deadFraction(L, l) for l < L − 1; L = weight layers). Gives plot series, the x axis and table rows.
 */
export function offFractionSeries(history: BoundedHistory, weightLayers: number) {
  const steps = history.steps();
  const hidden = Math.max(0, weightLayers - 1);
  const columns = Array.from({ length: hidden }, (_, l) => history.column(COLUMN.deadFraction(weightLayers, l)));
  const series = columns.map((ys, l) => ({
    label: `layer ${l + 1}`,
    xs: steps,
    ys,
    ...LAYER_STYLE[l % LAYER_STYLE.length]!,
  }));
  const last = steps.length > 0 ? (steps[steps.length - 1] as number) : 0;
  const x: AxisSpec = { min: 0, max: Math.max(10, last), label: "step" };
  const rows: (string | number)[][] = [];
  const stride = Math.max(1, Math.ceil(steps.length / 50));
  const row = (i: number) => [steps[i]!, ...columns.map((c) => c[i]!)];
  for (let i = 0; i < steps.length; i += stride) rows.push(row(i));
  // Always end on the latest measurement.
  if (steps.length > 0 && (steps.length - 1) % stride !== 0) rows.push(row(steps.length - 1));
  return { series, x, rows, columns: ["step", ...columns.map((_, l) => `layer ${l + 1}`)] };
}
