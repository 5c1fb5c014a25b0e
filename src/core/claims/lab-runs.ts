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
import { COLUMN } from "../../../labs/shared/history-views.ts";
import { HISTORY_CAPACITY } from "../../../labs/shared/training-lab.svelte.ts";
import { describeRatio, recentGradNorms } from "../../../labs/vanishing-gradients/gradients.ts";
import { BoundedHistory } from "../../plots/downsample.ts";
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

/**
 * What the vanishing-gradients lab shows for a session: its history kept as the lab keeps it (a BoundedHistory fed
 * with each snapshot's rows), the bars (recentGradNorms), the sentence under them (describeRatio) and the readout.
 */
export class GradientBarsView {
  readonly session: TrainingSession;
  #history: BoundedHistory | null = null;
  snapshot!: Snapshot;
  /** The training accuracy after every step so far, from the history rows the snapshots carry (index = step). */
  readonly accuracies: number[] = [];

  constructor(session: TrainingSession) {
    this.session = session;
    this.#take();
  }

  /** Trains to `step`, with a snapshot every 16 steps as the lab's frames take them (so no history row is thinned). */
  to(step: number): this {
    while (this.session.trainer.steps < step && this.session.trainer.status.status === "ok") {
      this.session.step(Math.min(16, step - this.session.trainer.steps));
      this.#take();
    }
    return this;
  }

  /** The first layer's bar over the output layer's, and the sentence the lab prints under the bars. */
  get ratio(): { ratio: number; text: string } {
    const layers = this.snapshot.layers.length;
    const bars = recentGradNorms(this.#history!, layers);
    return describeRatio(bars[0]!, bars[layers - 1]!);
  }

  get trainAccuracy(): number {
    return this.snapshot.trainAccuracy!;
  }

  #take(): void {
    this.snapshot = this.session.snapshot(0);
    const h = this.snapshot.history;
    this.#history ??= new BoundedHistory(HISTORY_CAPACITY, h.width - 1);
    const layers = this.snapshot.layers.length;
    for (let r = 0; r < h.rows; r++) {
      const row = h.data.subarray(r * h.width, (r + 1) * h.width);
      this.#history.push(row[0]!, row.subarray(1));
      this.accuracies[row[0]!] = row[1 + COLUMN.trainAccuracy(layers)]!;
    }
  }
}
