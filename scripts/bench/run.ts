/**
 * `npm run bench`: training throughput of the compute core on four workloads, next to TensorFlow.js's
 * pure-JS CPU backend on the same workloads in the same run. Prints a table, an allocation check, and
 * last one line of JSON: {"workloads":[{"id","stepsPerSecond","gflops","tfjsCpuStepsPerSecond"}, …]}.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTrainer, encodeTargets, type Trainer } from "../../src/core/index.ts";
import { probeAllocation } from "./allocation.ts";
import { stepsPerSecond } from "./timing.ts";
import { loadTfjs, tfjsStep } from "./tfjs.ts";
import { flopsPerStep, POINTS, WORKLOADS, type Workload } from "./workloads.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const WARMUP_MS = 600;
const WINDOW_MS = 2000;

/** A step function over a trainer that survives divergence (resets and keeps counting). */
function stepper(t: Trainer): (k: number) => number {
  return (k) => {
    const ran = t.step(k);
    if (ran < k) t.reset();
    return ran;
  };
}

function targets(w: Workload, t: Trainer): Float64Array {
  const m = w.config.layers[w.config.layers.length - 1]!;
  const y = new Float64Array(t.dataset.train.n * m);
  encodeTargets(t.dataset.train.labels, t.dataset.train.n, m, 0, y);
  return y;
}

interface Row {
  id: string;
  label: string;
  stepsPerSecond: number;
  gflops: number;
  withDiagnostics: number;
  tfjs: number | null;
}

const tf = await loadTfjs(ROOT);
const rows: Row[] = [];
for (const w of WORKLOADS) {
  const plain = createTrainer(w.config, { every: 0 });
  if (plain.dataset.train.n !== POINTS) throw new Error(`${w.id}: expected ${POINTS} training points`);
  const sps = stepsPerSecond(stepper(plain), WARMUP_MS, WINDOW_MS);
  const diag = createTrainer(w.config, { every: 1, histogramBins: 20 });
  const spsDiag = stepsPerSecond(stepper(diag), WARMUP_MS, WINDOW_MS);
  let tfjs: number | null = null;
  if (tf) {
    const run = tfjsStep(tf, w, plain.dataset.train.x, targets(w, plain));
    tfjs = stepsPerSecond((k) => {
      for (let i = 0; i < k; i++) run();
      return k;
    }, WARMUP_MS, WINDOW_MS);
  }
  const gflops = (sps * flopsPerStep(w.config.layers, POINTS)) / 1e9;
  rows.push({ id: w.id, label: w.label, stepsPerSecond: sps, gflops, withDiagnostics: spsDiag, tfjs });
  console.log(`${w.id} done: ${sps.toFixed(0)} steps/s`);
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (v: number | null, digits = 0) => (v === null ? "n/a" : v.toFixed(digits));
console.log(`\nCompute core vs TensorFlow.js CPU (pure JS, float32); ${POINTS} points, full batch, SGD; ${WINDOW_MS / 1000} s window per run.\n`);
console.log(`${pad("id", 4)}${pad("network", 36)}${pad("steps/s", 10)}${pad("GFLOP/s", 9)}${pad("diag/step", 11)}${pad("diag %", 8)}${pad("tfjs steps/s", 14)}vs tfjs`);
for (const r of rows) {
  console.log(
    `${pad(r.id, 4)}${pad(r.label, 36)}${pad(num(r.stepsPerSecond), 10)}${pad(num(r.gflops, 2), 9)}${pad(num(r.withDiagnostics), 11)}` +
      `${pad(num((100 * r.withDiagnostics) / r.stepsPerSecond), 8)}${pad(num(r.tfjs, 1), 14)}${r.tfjs ? `${(r.stepsPerSecond / r.tfjs).toFixed(1)}×` : "n/a"}`,
  );
}

console.log("\nAllocation check (diagnostics every step; GC events and heap growth over the run):");
for (const w of [WORKLOADS[0]!, WORKLOADS[3]!]) {
  const steps = w.id === "W1" ? 10_000 : 2_000;
  const r = await probeAllocation(createTrainer(w.config, { every: 1, histogramBins: 20 }), steps);
  console.log(`  ${w.id}: ${r.steps} steps, ${r.gcEvents} GC events, heap ${r.heapDeltaBytes >= 0 ? "+" : ""}${r.heapDeltaBytes} bytes`);
}

const json = {
  workloads: rows.map((r) => ({
    id: r.id,
    stepsPerSecond: Math.round(r.stepsPerSecond * 10) / 10,
    gflops: Math.round(r.gflops * 100) / 100,
    tfjsCpuStepsPerSecond: r.tfjs === null ? null : Math.round(r.tfjs * 10) / 10,
  })),
};
console.log(JSON.stringify(json));
