/**
 * `npm run bench`: training throughput of the compute core on four workloads, in float64 and float32, next to
 * its peers measured in the same run; then each training lab in the built site in Chromium. Prints:
 *
 *   1. W1 against a hand-written float64 loop (plain-loop.ts), the core at the labs' diagnostics cadence
 *   2. float64: the core (SIMD tiles, and JavaScript only) and TensorFlow.js's CPU backend (autodiff)
 *   3. float32: the core and TensorFlow.js's WebAssembly backend (XNNPACK) with backprop written by hand
 *   4. the browser table (browser.ts), 5. an allocation check, and last one line of JSON with every figure.
 *
 * Every group is measured --repeat times (default 3); tables show the median, and the ratios the targets are
 * about are given as ranges over the repeats. All float64 groups run before any float32 one (a float64 run
 * that follows float32 ones measured the same, but the order keeps the question out). Options (after `npm run bench --`): --window
 * <seconds> per column (default 2), --repeat <n>, --only <W1,W3,…>, --no-browser, --reuse-build (browse
 * an existing dist-bench/ instead of building it).
 */
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createTrainer, simdAvailable } from "../../src/core/index.ts";
import { probeAllocation } from "./allocation.ts";
import { measureBrowser } from "./browser.ts";
import { float32Group, float64Group, w1Group, type Float32Rates, type Float64Rates, type W1Rates } from "./groups.ts";
import type { Rate } from "./timing.ts";
import { median, range, table } from "./report.ts";
import { loadTfjs } from "./tfjs.ts";
import { flopsPerStep, POINTS, WORKLOADS } from "./workloads.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { values: args } = parseArgs({
  options: {
    window: { type: "string" },
    repeat: { type: "string" },
    only: { type: "string" },
    "no-browser": { type: "boolean" },
    "reuse-build": { type: "boolean" },
  },
});
const WINDOW_MS = 1000 * Number(args.window ?? 2);
if (!(WINDOW_MS > 0)) throw new Error(`--window must be a positive number of seconds; got ${args.window}.`);
const REPEAT = Number(args.repeat ?? 3);
if (!(Number.isInteger(REPEAT) && REPEAT >= 1))
  throw new Error(`--repeat must be a whole number ≥ 1; got ${args.repeat}.`);
const ONLY = args.only?.split(",") ?? WORKLOADS.map((w) => w.id);
const unknown = ONLY.filter((id) => !WORKLOADS.some((w) => w.id === id));
if (unknown.length > 0) throw new Error(`--only: unknown workload ${unknown.join(", ")}.`);
const workloads = WORKLOADS.filter((w) => ONLY.includes(w.id));

const loadAtStart = loadavg()[0]!.toFixed(1);
const tf = await loadTfjs(ROOT);
const w1Runs: W1Rates[] = [];
const f64Runs = new Map<string, Float64Rates[]>(workloads.map((w) => [w.id, []]));
const f32Runs = new Map<string, Float32Rates[]>(workloads.map((w) => [w.id, []]));
for (let r = 1; r <= REPEAT; r++) {
  if (ONLY.includes("W1")) w1Runs.push(w1Group(WORKLOADS[0]!, WINDOW_MS));
  for (const w of workloads) f64Runs.get(w.id)!.push(await float64Group(w, tf, WINDOW_MS));
  console.log(`float64, repeat ${r} of ${REPEAT} done`);
}
for (let r = 1; r <= REPEAT; r++) {
  for (const w of workloads) f32Runs.get(w.id)!.push(await float32Group(w, tf, WINDOW_MS));
  console.log(`float32, repeat ${r} of ${REPEAT} done`);
}
const browser = args["no-browser"] ? null : await measureBrowser(ROOT, args["reuse-build"] === true);

const kernels = simdAvailable() ? "simd" : "js";
const num = (v: number | null, digits = 0) => (v === null || !Number.isFinite(v) ? "n/a" : v.toFixed(digits));
const times = (v: number | null) => (v === null || !Number.isFinite(v) ? "n/a" : `${v.toFixed(2)}×`);
const spans = (vs: number[]) => {
  const [lo, hi] = range(vs);
  return `${lo.toFixed(2)}–${hi.toFixed(2)}×`;
};
console.log(
  `\nCompute core (kernels: ${kernels}) and its peers; ${POINTS} points, full batch, SGD; ${REPEAT} repeats of` +
    ` ${WINDOW_MS / 1000} s per column, interleaved in 250 ms turns; load average at start ${loadAtStart}.` +
    "\nTables give the median over the repeats; ranges are min–max over them. cpu: the ratio per second of CPU" +
    "\ntime each contender got (what an idle machine would show, when other programs compete for the cores).",
);

if (w1Runs.length > 0) {
  console.log(
    "\n1. W1 (2-8-8-1 tanh, sigmoid+BCE) against a plain loop: one hand-written float64 function, the core's arithmetic" +
      `\n   in the core's order (its trajectory equals the core's bit for bit: ${w1Runs.every((r) => r.identical) ? "yes" : "NO"}).` +
      "\n   The core runs at the labs' cadence: diagnostics every step, histograms off (what TrainingSession asks for).\n",
  );
  const row = (label: string, rate: (r: W1Rates) => Rate) => {
    const wall = w1Runs.map((r) => rate(r).mean / r.plain.mean);
    const cpu = w1Runs.map((r) => rate(r).perCpuSecond / r.plain.perCpuSecond);
    return [
      label,
      num(median(w1Runs.map((r) => rate(r).mean))),
      num(median(w1Runs.map((r) => rate(r).perCpuSecond))),
      times(median(wall)),
      spans(wall),
      times(median(cpu)),
      spans(cpu),
    ];
  };
  table(
    ["", "steps/s", "per cpu s", "vs plain", "range", "(cpu)", "range"],
    [
      row("plain loop", (r) => r.plain),
      row("core, diagnostics every step", (r) => r.diagnostics),
      row("core, no diagnostics", (r) => r.bare),
    ],
    [30, 9, 11, 10, 13, 8, 13],
  );
}

const f64Rows = workloads.map((w) => {
  const runs = f64Runs.get(w.id)!;
  const flops = flopsPerStep(w.config.layers, POINTS);
  const sps = median(runs.map((r) => r.core.mean));
  const tfjs = runs[0]!.tfjsCpu ? median(runs.map((r) => r.tfjsCpu!.mean)) : null;
  return {
    w,
    sps,
    gflops: (sps * flops) / 1e9,
    peak: (median(runs.map((r) => r.core.best)) * flops) / 1e9,
    diagnostics: median(runs.map((r) => r.diagnostics.mean)),
    tfjs,
    vsTfjs: tfjs ? median(runs.map((r) => r.core.mean / r.tfjsCpu!.mean)) : null,
    vsTfjsCpu: tfjs ? median(runs.map((r) => r.core.perCpuSecond / r.tfjsCpu!.perCpuSecond)) : null,
    jsOnly: median(runs.map((r) => r.jsOnly.mean)),
    flops,
  };
});
console.log("\n2. float64: the core against TensorFlow.js's CPU backend (pure JavaScript, float32, autodiff).\n");
table(
  [
    "id",
    "network",
    "steps/s",
    "GFLOP/s",
    "peak",
    "diag/step",
    "diag %",
    "tfjs-cpu",
    "vs tfjs",
    "(cpu)",
    "JS only",
    "GFLOP/s",
  ],
  f64Rows.map((r) => [
    r.w.id,
    r.w.label,
    num(r.sps),
    num(r.gflops, 2),
    num(r.peak, 2),
    num(r.diagnostics),
    num((100 * r.diagnostics) / r.sps),
    num(r.tfjs, 1),
    times(r.vsTfjs),
    times(r.vsTfjsCpu),
    num(r.jsOnly),
    num((r.jsOnly * r.flops) / 1e9, 2),
  ]),
  [4, 36, 9, 9, 7, 11, 8, 10, 9, 8, 9, 7],
);
console.log(
  "\nsteps/s, GFLOP/s: wall clock; peak: GFLOP/s in the fastest 250 ms slice; diag/step: steps/s with diagnostics every" +
    "\nstep (the labs' cadence); JS only: the JavaScript kernels alone (a browser without WebAssembly SIMD, or a policy" +
    "\nthat forbids compiling it).",
);

const f32Rows = workloads.map((w) => {
  const runs = f32Runs.get(w.id)!;
  const flops = flopsPerStep(w.config.layers, POINTS);
  const sps = median(runs.map((r) => r.core.mean));
  const has = runs[0]!.tfjsWasm !== null;
  return {
    w,
    sps,
    gflops: (sps * flops) / 1e9,
    vsFloat64: median(runs.map((r) => r.core.mean / r.float64.mean)),
    tfjs: has ? median(runs.map((r) => r.tfjsWasm!.mean)) : null,
    wall: has ? runs.map((r) => r.core.mean / r.tfjsWasm!.mean) : null,
    cpu: has ? runs.map((r) => r.core.perCpuSecond / r.tfjsWasm!.perCpuSecond) : null,
    jsOnly: median(runs.map((r) => r.jsOnly.mean)),
  };
});
console.log(
  "\n3. float32 (every value and result rounded to float32, PyTorch's formulas): the core against TensorFlow.js's" +
    "\n   WebAssembly backend (XNNPACK, SIMD, one thread) with backprop written by hand (backprop in tfjs.ts).\n",
);
table(
  ["id", "network", "steps/s", "GFLOP/s", "vs f64", "tfjs-wasm", "vs tfjs", "range", "(cpu)", "range", "JS only"],
  f32Rows.map((r) => [
    r.w.id,
    r.w.label,
    num(r.sps),
    num(r.gflops, 2),
    times(r.vsFloat64),
    num(r.tfjs, 1),
    times(r.wall ? median(r.wall) : null),
    r.wall ? spans(r.wall) : "n/a",
    times(r.cpu ? median(r.cpu) : null),
    r.cpu ? spans(r.cpu) : "n/a",
    num(r.jsOnly),
  ]),
  [4, 36, 9, 9, 8, 11, 9, 13, 8, 13, 8],
);
console.log("\nvs f64: float32 steps/s over the float64 core's, measured in the same group.");

if (browser) {
  console.log(
    `\n4. In Chromium: each training lab's default preset in the built site (dist-bench/, 1280×800), Speed: Fastest for` +
      " 4 s.\n   Targets: 60 frames/s while training; first trained frame ≤ 300 ms after hydration; no main-thread task > 50 ms.\n",
  );
  table(
    ["lab", "kernels", "steps/s", "frames/s", "seen→frame", "hydrated→frame", "longest task", "(loading)"],
    browser.map((b) => [
      b.lab,
      b.kernels ?? "?",
      num(b.stepsPerSecond),
      num(b.framesPerSecond, 1),
      `${num(b.visibleToLive)} ms`,
      `${num(b.hydratedToLive)} ms`,
      `${num(b.longestTaskTraining, 1)} ms`,
      `${num(b.longestTaskLoading, 1)} ms`,
    ]),
    [21, 9, 9, 10, 12, 16, 14, 10],
  );
  console.log(
    "\nframes/s: snapshots drawn per second (each changes the lab's data-step in the frame that draws it); seen→frame:" +
      "\nthe lab entering the viewport to its first trained frame (data-live), hydrated→frame: from hydration; longest" +
      "\ntask: the longest RunTask on the page's main thread while training (loading: from navigation to that first frame)." +
      `\nLoad average now ${loadavg()[0]!.toFixed(1)}.`,
  );
}

console.log(
  "\nAllocation check (diagnostics every step with 20-bin histograms; GC events and heap growth over the run):",
);
for (const w of [WORKLOADS[0]!, WORKLOADS[3]!].filter((w) => ONLY.includes(w.id)))
  for (const precision of ["float64", "float32"] as const) {
    const steps = w.id === "W1" ? 10_000 : 2_000;
    const trainer = createTrainer({ ...w.config, precision }, { every: 1, histogramBins: 20 });
    const r = await probeAllocation(trainer, steps);
    const sign = r.heapDeltaBytes >= 0 ? "+" : "";
    const perStep = (r.heapDeltaBytes / r.steps).toFixed(1);
    console.log(
      `  ${w.id} ${precision}: ${r.steps} steps, ${r.gcEvents} GC events, heap ${sign}${r.heapDeltaBytes} bytes (${perStep} B/step)`,
    );
  }

const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const json = {
  kernels,
  w1:
    w1Runs.length > 0
      ? {
          plainStepsPerSecond: round(median(w1Runs.map((r) => r.plain.mean)), 1),
          diagnosticsStepsPerSecond: round(median(w1Runs.map((r) => r.diagnostics.mean)), 1),
          ratio: w1Runs.map((r) => round(r.diagnostics.mean / r.plain.mean, 3)),
          identical: w1Runs.every((r) => r.identical),
        }
      : null,
  workloads: f64Rows.map((r) => ({
    id: r.w.id,
    stepsPerSecond: round(r.sps, 1),
    gflops: round(r.gflops, 2),
    diagnosticsStepsPerSecond: round(r.diagnostics, 1),
    tfjsCpuStepsPerSecond: round(r.tfjs, 1),
    jsKernelsStepsPerSecond: round(r.jsOnly, 1),
  })),
  float32: f32Rows.map((r) => ({
    id: r.w.id,
    stepsPerSecond: round(r.sps, 1),
    gflops: round(r.gflops, 2),
    tfjsWasmStepsPerSecond: round(r.tfjs, 1),
    vsTfjsWasm: r.wall?.map((v) => round(v, 3)) ?? null,
    jsKernelsStepsPerSecond: round(r.jsOnly, 1),
  })),
  browser,
};
console.log(JSON.stringify(json));
