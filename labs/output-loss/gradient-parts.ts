/**
 * Reading the worker's output-gradient split (Snapshot.outputParts: per-example ∂L/∂a, ∂a/∂z and ∂L/∂z for
 * the first training points) into rows the lab can show: the prediction a and the logit z are recovered
 * from the parts, so nothing beyond the protocol is needed.
 */
import type { OutputPartsSnapshot } from "../../src/worker/protocol.ts";
import { logitMagnitude } from "./logit-curves.ts";
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

/**
 * Rows for the first parts.dLda.length training points. a − t is ∂L/∂a / 2 under MSE (L = (a − t)²) and
 * ∂L/∂z under BCE (a − y); z = ±|z| from the slope ∂a/∂z (see logitMagnitude), positive when a is past the
 * head's midpoint.
 */
export function partsRows(pairing: PairingId, parts: OutputPartsSnapshot, labels: ArrayLike<number>): PartsRow[] {
  const head = pairing === "tanh-mse" ? "tanh" : "sigmoid";
  const mid = head === "tanh" ? 0 : 0.5;
  const count = Math.min(parts.dLda.length, parts.dadz.length, parts.dLdz.length, labels.length);
  return Array.from({ length: count }, (_, i) => {
    const label: 0 | 1 = labels[i] === 1 ? 1 : 0;
    const error = pairing === "sigmoid-bce" ? parts.dLdz[i]! : parts.dLda[i]! / 2;
    const a = target(pairing, label) + error;
    const z = (a > mid ? 1 : -1) * logitMagnitude(head, parts.dadz[i]!);
    return { index: i, label, a, z, dLda: parts.dLda[i]!, dadz: parts.dadz[i]!, dLdz: parts.dLdz[i]! };
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
