/**
 * Claim tests run a lab's named preset exactly as the lab does: the lab's controller reads the preset (as on the
 * page), the worker's TrainingSession trains it, and the lab's own code counts what the reader sees. A test
 * helper, not part of the core: it imports the labs and the worker (see src/core/tsconfig.json).
 *
 *   const s = labSession("vanishing-gradients", "sigmoid-window");   // step 0 of the preset's run
 *   s.step(WARMUP_STEPS);  s.snapshot(0)                              // what the lab shows when it opens
 */
import { LAB_PRESETS } from "../../../labs/index.ts";
import { DyingReluLab } from "../../../labs/dying-relu/dying-relu.svelte.ts";
import { offCounts, unitLayers, type OffCounts } from "../../../labs/dying-relu/units.ts";
import { OutputLossLab } from "../../../labs/output-loss/output-loss.svelte.ts";
import { binarySpec, multiclassSpec, PAIRING_IDS, type PairingId } from "../../../labs/output-loss/settings.ts";
import { SandboxLab } from "../../../labs/sandbox/sandbox.svelte.ts";
import { StepFunctionLab } from "../../../labs/step-function/step-function.svelte.ts";
import { VanishingGradientsLab } from "../../../labs/vanishing-gradients/vanishing-gradients.svelte.ts";
import type { Snapshot } from "../../worker/protocol.ts";
import { TrainingSession } from "../../worker/session.ts";

/** The labs that train one run from their settings. */
const CONTROLLERS = {
  "vanishing-gradients": VanishingGradientsLab,
  "dying-relu": DyingReluLab,
  sandbox: SandboxLab,
  "step-function": StepFunctionLab,
} as const;

/** A lab whose preset a claim test can run as one session. */
export type SingleRunLab = keyof typeof CONTROLLERS;

/** A lab's named preset's settings with `patch` on top; a name the lab does not have fails loudly. */
function presetSettings(id: SingleRunLab | "output-loss", preset: string, patch: Record<string, unknown>) {
  const found = LAB_PRESETS[id][preset];
  if (!found)
    throw new Error(`${id} has no preset ${JSON.stringify(preset)}: ${Object.keys(LAB_PRESETS[id]).join(", ")}`);
  return { ...found.settings, ...patch };
}

/**
 * The run a lab starts for a named preset (with optional settings changed on top), at step 0: its session as the
 * worker trains it. Step it by the lab's warm-up to see what the lab shows when it opens.
 */
export function labSession(id: SingleRunLab, preset: string, patch: Record<string, unknown> = {}): TrainingSession {
  const lab = new CONTROLLERS[id](presetSettings(id, preset, patch), { address: null });
  return new TrainingSession(lab.firstRun.spec);
}

/** The output-loss lab's runs for a named preset: the three binary pairings (same data and weights) and the multiclass run. */
export function outputLossSessions(
  preset: string,
  patch: Record<string, unknown> = {},
): { binary: Record<PairingId, TrainingSession>; multiclass: TrainingSession } {
  const settings = new OutputLossLab(presetSettings("output-loss", preset, patch), { address: null }).base;
  const binary = Object.fromEntries(PAIRING_IDS.map((id) => [id, new TrainingSession(binarySpec(id, settings))]));
  return {
    binary: binary as Record<PairingId, TrainingSession>,
    multiclass: new TrainingSession(multiclassSpec(settings)),
  };
}

/** A dying-ReLU lab session at step 0 for a named preset (see labSession). */
export function dyingReluSession(preset: string, patch: Record<string, unknown> = {}): TrainingSession {
  return labSession("dying-relu", preset, patch);
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

/** ‖∂L/∂W‖ of the first weight layer over the last's, as the vanishing-gradients lab's ratio reads it (one measurement). */
export function gradientRatio(s: Snapshot): number {
  return s.layers[0]!.gradNormW / s.layers.at(-1)!.gradNormW;
}
