/**
 * What the view shows for each binary pairing and for the selected multiclass point, computed from a
 * run's latest snapshot and data (plain values in, plain values out, so it is tested without a browser).
 */
import { DEFAULT_GRID_BOUNDS } from "../../src/core/index.ts";
import type { DataSnapshot, Snapshot } from "../../src/worker/protocol.ts";
import { partsRows, wrongSummary, type PartsRow } from "./gradient-parts.ts";
import { fractionDropped } from "./loss-compare.ts";
import { PAIRINGS, type PairingId } from "./settings.ts";
import { softmaxTable, type SoftmaxTable } from "./softmax-view.ts";

/** The plotted box of the boundary grids (the core's default grid bounds). */
export const X_RANGE: [number, number] = [DEFAULT_GRID_BOUNDS.xMin, DEFAULT_GRID_BOUNDS.xMax];
export const Y_RANGE: [number, number] = [DEFAULT_GRID_BOUNDS.yMin, DEFAULT_GRID_BOUNDS.yMax];

/** One pairing's numbers: progress, the gradient split at the first training points, and the example row. */
export interface PairingView {
  id: PairingId;
  label: string;
  color: string;
  dashed: boolean;
  slope: string;
  step: number;
  diverged: boolean;
  loss: number;
  start: number;
  /** 1 − L/L₀. */
  dropped: number;
  rows: PartsRow[];
  example: PartsRow | null;
  wrong: { count: number; meanDLdz: number };
}

/** Builds a pairing's view; `start` is its step-0 loss from the history, `ex` the example's training index. */
export function pairingView(
  id: PairingId,
  snapshot: Snapshot | null,
  data: DataSnapshot | null,
  start: number,
  ex: number,
): PairingView {
  const p = PAIRINGS.find((q) => q.id === id)!;
  const rows = snapshot?.outputParts && data ? partsRows(id, snapshot.outputParts, data.trainLabels) : [];
  const loss = snapshot?.trainLoss ?? Number.NaN;
  return {
    id,
    label: p.label,
    color: p.color,
    dashed: p.dashed,
    slope: p.slope,
    step: snapshot?.step ?? 0,
    diverged: snapshot?.status === "diverged",
    loss,
    start,
    dropped: fractionDropped(start, loss),
    rows,
    example: rows[Math.min(Math.max(0, ex), rows.length - 1)] ?? null,
    wrong: wrongSummary(id, rows),
  };
}

/** The training points as the boundary plot takes them. */
export function trainPoints(data: DataSnapshot | null): { x: Float64Array; y: Float64Array; label: Int32Array } {
  if (!data) return { x: new Float64Array(0), y: new Float64Array(0), label: new Int32Array(0) };
  const n = data.trainLabels.length;
  return {
    x: Float64Array.from({ length: n }, (_, i) => data.trainX[2 * i]!),
    y: Float64Array.from({ length: n }, (_, i) => data.trainX[2 * i + 1]!),
    label: data.trainLabels,
  };
}

/** The selected multiclass training point: where it is, its class, and the softmax of the network's logits there. */
export interface PointView {
  index: number;
  x: number;
  y: number;
  label: number;
  table: SoftmaxTable | null;
}

/** The view of training point `index` (clamped to the training set), or null before the data arrive. */
export function pointView(snapshot: Snapshot | null, data: DataSnapshot | null, index: number): PointView | null {
  const n = data?.trainLabels.length ?? 0;
  if (!data || n === 0) return null;
  const i = Math.min(Math.max(0, Math.floor(index)), n - 1);
  const [x, y, label] = [data.trainX[2 * i]!, data.trainX[2 * i + 1]!, data.trainLabels[i]!];
  const k = data.classes;
  // The worker's logits at every training point (n × k): this point's row is exactly what the loss sees.
  const logits = snapshot?.logits;
  const z = logits && snapshot.outputs === k && logits.length === n * k ? logits.slice(i * k, (i + 1) * k) : null;
  return { index: i, x, y, label, table: z ? softmaxTable(z, label) : null };
}
