/**
 * The bench's measurement groups. Each group interleaves its contenders on one workload (timing.ts), so a
 * busy machine slows them alike and the ratios inside a group are fair; figures from different groups are
 * from different moments.
 *
 *   w1Group       W1: the plain float64 loop (the reference), the core with diagnostics every step, without
 *   float64Group  the core (SIMD tiles), with diagnostics every step, on JavaScript kernels only, TF.js CPU (autodiff)
 *   float32Group  the core in float32 (f32x4 tiles), on JavaScript kernels only, the float64 core, TF.js WASM
 *                 (backprop by hand)
 *
 * "Diagnostics every step" is the labs' cadence: TrainingSession (src/worker/session.ts) builds its trainer
 * with every = spec.diagnosticsEvery, which every lab sets to 1, and histogramBins 0.
 */
import { createTrainer, encodeTargets, readParameters, type Trainer } from "../../src/core/index.ts";
import { plainW1Loop } from "./plain-loop.ts";
import { interleavedRates, type Rate, type Stepper } from "./timing.ts";
import { tfjsBackpropStep, tfjsStep, useBackend, type Tf } from "./tfjs.ts";
import { POINTS, type Workload } from "./workloads.ts";

const WARMUP_MS = 600;

/** The diagnostics the labs' sessions ask for: every step, no histograms. */
export const LAB_CADENCE = { every: 1, histogramBins: 0 } as const;

/** A step function over a trainer that survives divergence (resets and keeps counting). */
function stepper(t: Trainer): Stepper {
  return (k) => {
    const ran = t.step(k);
    if (ran < k) t.reset();
    return ran;
  };
}

/** A stepper for a function that runs one step. */
function repeat(step: () => void): Stepper {
  return (k) => {
    for (let i = 0; i < k; i++) step();
    return k;
  };
}

/** The training targets of a trainer's data, encoded for its head (n × outputs). */
function targets(w: Workload, t: Trainer): Float64Array {
  const m = w.config.layers[w.config.layers.length - 1]!;
  const y = new Float64Array(t.dataset.train.n * m);
  encodeTargets(t.dataset.train.labels, t.dataset.train.n, m, 0, y);
  return y;
}

function checkPoints(w: Workload, t: Trainer): void {
  if (t.dataset.train.n !== POINTS) throw new Error(`${w.id}: expected ${POINTS} training points`);
}

/** W1's group. */
export interface W1Rates {
  plain: Rate;
  diagnostics: Rate;
  bare: Rate;
  /** The plain loop's parameters and last loss equal the core's, bit for bit, after the same 200 steps. */
  identical: boolean;
}

/** Interleaves the plain loop with the core on W1 (float64, the kernels the labs use). */
export function w1Group(w: Workload, windowMs: number): W1Rates {
  const check = createTrainer(w.config, { every: 0 });
  checkPoints(w, check);
  const plain = plainW1Loop(check.dataset.train.x, targets(w, check), readParameters(check), w.config.optimizer.lr);
  const losses = new Float64Array(200);
  check.step(200, losses);
  plain.step(200);
  const identical =
    readParameters(check).every((v, i) => Object.is(v, plain.params[i])) && Object.is(losses[199], plain.lastLoss);
  const diag = createTrainer(w.config, LAB_CADENCE);
  const bare = createTrainer(w.config, { every: 0 });
  const [p, d, b] = interleavedRates([(k) => plain.step(k), stepper(diag), stepper(bare)], WARMUP_MS, windowMs);
  return { plain: p!, diagnostics: d!, bare: b!, identical };
}

/** A float64 group's rates; tfjs is null when TF.js could not be loaded. */
export interface Float64Rates {
  core: Rate;
  diagnostics: Rate;
  jsOnly: Rate;
  tfjsCpu: Rate | null;
}

/** Interleaves the float64 core (SIMD tiles, with and without diagnostics, JavaScript only) with TF.js CPU. */
export async function float64Group(w: Workload, tf: Tf | null, windowMs: number): Promise<Float64Rates> {
  const core = createTrainer(w.config, { every: 0 });
  checkPoints(w, core);
  const steppers = [
    stepper(core),
    stepper(createTrainer(w.config, LAB_CADENCE)),
    stepper(createTrainer(w.config, { every: 0, kernels: "js" })),
  ];
  if (tf) {
    await useBackend(tf, "cpu");
    steppers.push(repeat(tfjsStep(tf, w, core.dataset.train.x, targets(w, core))));
  }
  const [c, d, j, t] = interleavedRates(steppers, WARMUP_MS, windowMs);
  return { core: c!, diagnostics: d!, jsOnly: j!, tfjsCpu: t ?? null };
}

/** A float32 group's rates; tfjsWasm is null when TF.js could not be loaded. */
export interface Float32Rates {
  core: Rate;
  jsOnly: Rate;
  /** The float64 core again, in this group, so float32's speed-up is measured at the same moments. */
  float64: Rate;
  tfjsWasm: Rate | null;
}

/** Interleaves the float32 core (f32x4 tiles, JavaScript only), the float64 core, and TF.js WASM with hand-written backprop. */
export async function float32Group(w: Workload, tf: Tf | null, windowMs: number): Promise<Float32Rates> {
  const config = { ...w.config, precision: "float32" as const };
  const core = createTrainer(config, { every: 0 });
  checkPoints(w, core);
  const steppers = [
    stepper(core),
    stepper(createTrainer(config, { every: 0, kernels: "js" })),
    stepper(createTrainer(w.config, { every: 0 })),
  ];
  if (tf) {
    await useBackend(tf, "wasm");
    steppers.push(repeat(tfjsBackpropStep(tf, w, core.dataset.train.x, targets(w, core))));
  }
  const [c, j, f, t] = interleavedRates(steppers, WARMUP_MS, windowMs);
  return { core: c!, jsOnly: j!, float64: f!, tfjsWasm: t ?? null };
}
