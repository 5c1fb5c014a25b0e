/** The lab's live summary for screen readers: what moved, and the numbers the lab is about. */
import { formatNumber } from "../../src/plots/format.ts";
import type { PairingView, PointView } from "./views.ts";

/** Below this many per cent a change is rounding noise, not movement: it reads "≈ 0 %". */
const NOISE_PERCENT = 0.01;

/** A share as a percentage with sensible digits ("5.2 %", "0.25 %"); |x| < 0.01 % reads "≈ 0 %", never "−8.5×10⁻⁵ %". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return "—";
  const percent = 100 * share;
  return Math.abs(percent) < NOISE_PERCENT ? "≈ 0 %" : `${formatNumber(percent, 2)} %`;
}

/** "step 120: loss fallen since step 0: sigmoid + MSE ≈ 0 %, …; ∂L/∂z at point #0: sigmoid + MSE −9.1×10⁻⁵, …". */
export function binarySummary(step: number, pairings: readonly PairingView[], ex: number): string {
  const moved = pairings.map((v) => `${v.label} ${formatPercent(v.dropped)}`).join(", ");
  const grads = pairings
    .filter((v) => v.example)
    .map((v) => `${v.label} ${formatNumber(v.example!.dLdz, 2)}`)
    .join(", ");
  return `step ${step}: loss fallen since step 0: ${moved}${grads ? `; ∂L/∂z at point #${ex}: ${grads}` : ""}`;
}

/** "unstable: loss rose from 1.1 to 360 — lower the learning rate" (the notice and the live summary say the same). */
export function unstableText(u: { from: number; to: number }): string {
  return `unstable: loss rose from ${formatNumber(u.from, 3)} to ${formatNumber(u.to, 3)} — lower the learning rate`;
}

/** The run's own summary, a warning when the loss blew up, then the chosen point's cross-entropy. */
export function multiclassSummary(
  base: string,
  point: PointView | null,
  unstable: { from: number; to: number } | null = null,
): string {
  const warn = unstable ? `; ${unstableText(unstable)}` : "";
  if (!point?.table) return `${base}${warn}`;
  return `${base}${warn}; point #${point.index} (class ${point.label}): cross-entropy ${formatNumber(point.table.crossEntropy, 3)}`;
}
