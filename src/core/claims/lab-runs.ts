/**
 * Claim tests run a lab's named preset exactly as the lab does: the lab's controller reads the preset (as on the
 * page), the worker's TrainingSession trains it, and the lab's own code counts what the reader sees. A test
 * helper, not part of the core: it imports the labs and the worker (see src/core/tsconfig.json).
 */
import { DyingReluLab } from "../../../labs/dying-relu/dying-relu.svelte.ts";
import { PRESETS as DR_PRESETS } from "../../../labs/dying-relu/presets.ts";
import { offCounts, unitLayers, type OffCounts } from "../../../labs/dying-relu/units.ts";
import { TrainingSession } from "../../worker/session.ts";
import type { Snapshot } from "../../worker/protocol.ts";

/** A dying-ReLU lab session at step 0 for a named preset, with optional settings changed on top. */
export function dyingReluSession(
  preset: keyof typeof DR_PRESETS,
  patch: Record<string, unknown> = {},
): TrainingSession {
  const lab = new DyingReluLab({ ...DR_PRESETS[preset].settings, ...patch }, { address: null });
  return new TrainingSession(lab.firstRun.spec);
}

/** What the dying-ReLU lab's count line shows for a session now: units with z ≤ 0 everywhere, per layer. */
export function labCounts(session: TrainingSession): OffCounts {
  return countsOf(session.snapshot(0));
}

/** The lab's count of a snapshot (labs/dying-relu/units.ts, as the lab's view reads it). */
export function countsOf(s: Snapshot): OffCounts {
  const widths = s.layers.slice(0, -1).map((l) => l.units);
  return offCounts(unitLayers(s.deadSince, widths));
}

/** The per-layer counts only, e.g. [3, 5]. */
export function perLayer(session: TrainingSession): number[] {
  return labCounts(session).layers.map((l) => l.off);
}
