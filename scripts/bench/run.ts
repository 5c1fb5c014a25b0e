/**
 * `npm run bench`: training throughput of the compute core on four workloads, next to TensorFlow.js's
 * pure-JS CPU backend on the same workloads in the same run. Prints a table, an allocation check, and
 * last one line of JSON: {"kernels","workloads":[{"id","stepsPerSecond","gflops","tfjsCpuStepsPerSecond",
 * "jsKernelsStepsPerSecond","jsKernelsGflops"}, …]}. The headline figures use the kernels the labs use
 * (WebAssembly SIMD tiles where they run); the JavaScript-only kernels run alongside for comparison.
 * Options (after `npm run bench --`): --window <seconds> per column (default 2; longer evens out a busy
 * machine), --only <W1,W3,…> to run some workloads.
 */
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createTrainer, encodeTargets, simdAvailable, type Trainer } from "../../src/core/index.ts";
import { probeAllocation } from "./allocation.ts";
import { interleavedRates, type Stepper } from "./timing.ts";
import { loadTfjs, tfjsStep } from "./tfjs.ts";
import { flopsPerStep, POINTS, WORKLOADS, type Workload } from "./workloads.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const WARMUP_MS = 600;
const { values: args } = parseArgs({ options: { window: { type: "string" }, only: { type: "string" } } });
const WINDOW_MS = 1000 * Number(args.window ?? 2);
if (!(WINDOW_MS > 0)) throw new Error(`--window must be a positive number of seconds; got ${args.window}.`);
const ONLY = args.only?.split(",") ?? WORKLOADS.map((w) => w.id);
const unknown = ONLY.filter((id) => !WORKLOADS.some((w) => w.id === id));
if (unknown.length > 0) throw new Error(`--only: unknown workload ${unknown.join(", ")}.`);

/** A step function over a trainer that survives divergence (resets and keeps counting). */
function stepper(t: Trainer): Stepper {
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
  peakGflops: number;
  cpuGflops: number;
  cpuRatio: number | null;
  withDiagnostics: number;
  tfjs: number | null;
  jsKernels: number;
}

const loadAtStart = loadavg()[0]!.toFixed(1);
const tf = await loadTfjs(ROOT);
const rows: Row[] = [];
for (const w of WORKLOADS.filter((w) => ONLY.includes(w.id))) {
  const plain = createTrainer(w.config, { every: 0 });
  if (plain.dataset.train.n !== POINTS) throw new Error(`${w.id}: expected ${POINTS} training points`);
  const diag = createTrainer(w.config, { every: 1, histogramBins: 20 });
  const jsOnly = createTrainer(w.config, { every: 0, kernels: "js" });
  const steppers: Stepper[] = [stepper(plain), stepper(diag), stepper(jsOnly)];
  if (tf) {
    const run = tfjsStep(tf, w, plain.dataset.train.x, targets(w, plain));
    steppers.push((k) => {
      for (let i = 0; i < k; i++) run();
      return k;
    });
  }
  const [plainRate, diagRate, jsRate, tfjsRate] = interleavedRates(steppers, WARMUP_MS, WINDOW_MS);
  const sps = plainRate!.mean;
  const flops = flopsPerStep(w.config.layers, POINTS);
  rows.push({
    id: w.id,
    label: w.label,
    stepsPerSecond: sps,
    gflops: (sps * flops) / 1e9,
    peakGflops: (plainRate!.best * flops) / 1e9,
    cpuGflops: (plainRate!.perCpuSecond * flops) / 1e9,
    cpuRatio: tfjsRate ? plainRate!.perCpuSecond / tfjsRate.perCpuSecond : null,
    withDiagnostics: diagRate!.mean,
    tfjs: tfjsRate?.mean ?? null,
    jsKernels: jsRate!.mean,
  });
  console.log(`${w.id} done: ${sps.toFixed(0)} steps/s`);
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (v: number | null, digits = 0) => (v === null ? "n/a" : v.toFixed(digits));
const kernels = simdAvailable() ? "simd" : "js";
const kernelNote = kernels === "simd" ? "WebAssembly SIMD tiles" : "JavaScript kernels (no WebAssembly SIMD here)";
console.log(
  `\nCompute core (float64, ${kernelNote}) vs TensorFlow.js CPU backend (pure JS, float32); ${POINTS} points, full batch, SGD;` +
    ` ${WINDOW_MS / 1000} s per column, interleaved in 250 ms turns; load average at start ${loadAtStart}.\n`,
);
const header = [
  "id",
  "network",
  "steps/s",
  "GFLOP/s",
  "peak",
  "cpu",
  "diag/step",
  "diag %",
  "tfjs st/s",
  "vs tfjs",
  "(cpu)",
  "JS only",
  "GFLOP/s",
];
const widths = [4, 36, 9, 9, 6, 6, 11, 8, 11, 9, 7, 9, 7];
const line = (cells: string[]) => console.log(cells.map((c, i) => pad(c, widths[i]!)).join(""));
line(header);
for (const r of rows) {
  line([
    r.id,
    r.label,
    num(r.stepsPerSecond),
    num(r.gflops, 2),
    num(r.peakGflops, 2),
    num(r.cpuGflops, 2),
    num(r.withDiagnostics),
    num((100 * r.withDiagnostics) / r.stepsPerSecond),
    num(r.tfjs, 1),
    r.tfjs ? `${(r.stepsPerSecond / r.tfjs).toFixed(1)}×` : "n/a",
    r.cpuRatio ? `${r.cpuRatio.toFixed(1)}×` : "n/a",
    num(r.jsKernels),
    num((r.jsKernels * r.gflops) / r.stepsPerSecond, 2),
  ]);
}
console.log(
  `\nsteps/s, GFLOP/s: wall clock over the ${WINDOW_MS / 1000} s window; peak: GFLOP/s in the fastest 250 ms slice; cpu: GFLOP/s per` +
    "\nsecond of CPU time this process got (an idle machine's figure when other processes compete for the cores);" +
    "\ndiag/step: steps/s with every diagnostic measured every step; vs tfjs: wall-clock steps/s over TF.js's in the" +
    "\nsame run; (cpu): the same ratio per CPU second; JS only: steps/s and GFLOP/s with the JavaScript kernels alone" +
    "\n(what a browser without WebAssembly SIMD, or a policy that forbids compiling it, gets).",
);

console.log("\nAllocation check (diagnostics every step; GC events and heap growth over the run):");
for (const w of [WORKLOADS[0]!, WORKLOADS[3]!].filter((w) => ONLY.includes(w.id))) {
  const steps = w.id === "W1" ? 10_000 : 2_000;
  const r = await probeAllocation(createTrainer(w.config, { every: 1, histogramBins: 20 }), steps);
  const sign = r.heapDeltaBytes >= 0 ? "+" : "";
  const perStep = (r.heapDeltaBytes / r.steps).toFixed(1);
  console.log(
    `  ${w.id}: ${r.steps} steps, ${r.gcEvents} GC events, heap ${sign}${r.heapDeltaBytes} bytes (${perStep} B/step)`,
  );
}

const json = {
  kernels,
  workloads: rows.map((r) => ({
    id: r.id,
    stepsPerSecond: Math.round(r.stepsPerSecond * 10) / 10,
    gflops: Math.round(r.gflops * 100) / 100,
    tfjsCpuStepsPerSecond: r.tfjs === null ? null : Math.round(r.tfjs * 10) / 10,
    jsKernelsStepsPerSecond: Math.round(r.jsKernels * 10) / 10,
    jsKernelsGflops: Math.round(((r.jsKernels * r.gflops) / r.stepsPerSecond) * 100) / 100,
  })),
};
console.log(JSON.stringify(json));
