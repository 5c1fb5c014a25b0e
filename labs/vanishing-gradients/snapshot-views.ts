/** Reading a snapshot for the lab's tables and plots: the chain-rule path as rows, the data as plot columns. */
import type { LabelledPoints } from "../../src/plots/types.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";
import { runningProducts } from "./gradients.ts";

/** One row of the chain-rule table: the weight W_l[from, to], the slope f′(z_l) of unit `to`, their product and the running product. */
export interface PathRow {
  layer: string;
  fPrime: number;
  weight: number;
  factor: number;
  running: number;
}

/** The path's rows, its whole product, and the hidden unit it goes through (from 1). */
export interface PathView {
  rows: PathRow[];
  product: number;
  unit: number;
}

/** The snapshot's path factors as table rows: input x₁, then unit `unit` (from 1) of every hidden layer, clamped to the width, then the output. */
export function pathRows(s: Snapshot | null, hidden: number, unit: number): PathView | null {
  const p = s?.path;
  if (!s || !p || p.factors.length === 0) return null;
  const j = Math.max(1, Math.min(unit, s.layers[0]?.units ?? 1));
  const running = runningProducts(p.factors);
  return {
    product: p.product,
    unit: j,
    rows: p.factors.map((factor, l) => ({
      layer: l < hidden ? `L${l + 1}` : "out",
      fPrime: p.fPrime[l]!,
      weight: p.weights[l]!,
      factor,
      running: running[l]!,
    })),
  };
}

/** n×2 row-major points and their labels → the x, y and label columns a plot takes. */
export function splitPoints(X: Float64Array, labels: Int32Array): LabelledPoints {
  const n = labels.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = X[2 * i]!;
    y[i] = X[2 * i + 1]!;
  }
  return { x, y, label: labels };
}
