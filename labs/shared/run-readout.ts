/**
 * The run readout every training lab shows above its instruments: the step, the training loss, and the train and
 * test accuracy of the snapshot on screen, as short labelled figures. Plain formatting, no DOM: the view lays
 * them out, the tests read them.
 */
import { formatNumber } from "../../src/plots/format.ts";
import type { Snapshot } from "../../src/worker/protocol.ts";

/** One figure of the readout: its label, its value as shown, and the raw number (null when not measured). */
export interface ReadoutFigure {
  name: "step" | "loss" | "train" | "test";
  label: string;
  text: string;
  value: number | null;
}

/** 0.9866 → "99%"; null or not finite → "—". */
export function percentText(v: number | null): string {
  return v === null || !Number.isFinite(v) ? "—" : `${Math.round(v * 100)}%`;
}

/** The readout's figures for a snapshot (none before the first): step, loss, and the accuracies it has. */
export function runReadout(s: Snapshot | null): ReadoutFigure[] {
  if (!s) return [];
  const figures: ReadoutFigure[] = [
    { name: "step", label: "step", text: String(s.step), value: s.step },
    {
      name: "loss",
      label: "loss",
      text: s.trainLoss === null ? "—" : formatNumber(s.trainLoss, 3),
      value: s.trainLoss,
    },
    { name: "train", label: "train accuracy", text: percentText(s.trainAccuracy), value: s.trainAccuracy },
  ];
  // A run without held-out points reports NaN or null: no test figure rather than a dash that looks like a failure.
  if (s.testAccuracy !== null && Number.isFinite(s.testAccuracy))
    figures.push({ name: "test", label: "test accuracy", text: percentText(s.testAccuracy), value: s.testAccuracy });
  return figures;
}
