/**
 * Reading the worker's output-gradient split (Snapshot.outputParts: per-example ∂L/∂a, ∂a/∂z and ∂L/∂z for
 * the first training points, with their prediction a and logit z) into rows the lab can show.
 */
import type { OutputPartsSnapshot } from "../../src/worker/protocol.ts";
import type { PairingId } from "./settings.ts";

/** One training point's output gradient under one pairing. */
export interface PartsRow {
  /** Index in the training set. */
  index: number;
  /** Class label 0 or 1; the head's target is t = y (sigmoid) or 2y − 1 (tanh). */
  label: 0 | 1;
  a: number;
  z: number;
  dLda: number;
  dadz: number;
  dLdz: number;
}

/** The head's target for class y. */
export function target(pairing: PairingId, y: 0 | 1): number {
  return pairing === "tanh-mse" ? 2 * y - 1 : y;
}

/** Rows for the first training points the parts cover (as many as every array and the labels have). */
export function partsRows(pairing: PairingId, parts: OutputPartsSnapshot, labels: ArrayLike<number>): PartsRow[] {
  const { a, z, dLda, dadz, dLdz } = parts;
  const count = Math.min(a.length, z.length, dLda.length, dadz.length, dLdz.length, labels.length);
  return Array.from({ length: count }, (_, i) => {
    const label: 0 | 1 = labels[i] === 1 ? 1 : 0;
    return { index: i, label, a: a[i]!, z: z[i]!, dLda: dLda[i]!, dadz: dadz[i]!, dLdz: dLdz[i]! };
  });
}

/** Confidently wrong: the output sits in the far 5 % of its range on the wrong side (|a − t| > 0.95 of the range). */
export function isConfidentlyWrong(pairing: PairingId, row: PartsRow): boolean {
  const range = pairing === "tanh-mse" ? 2 : 1;
  return Math.abs(row.a - target(pairing, row.label)) > 0.95 * range;
}

/** How many rows are confidently wrong, and the mean ∂L/∂z over them (NaN when none). */
export function wrongSummary(pairing: PairingId, rows: readonly PartsRow[]): { count: number; meanDLdz: number } {
  const wrong = rows.filter((r) => isConfidentlyWrong(pairing, r));
  const sum = wrong.reduce((s, r) => s + r.dLdz, 0);
  return { count: wrong.length, meanDLdz: wrong.length > 0 ? sum / wrong.length : Number.NaN };
}
