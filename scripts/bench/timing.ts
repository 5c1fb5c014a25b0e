/**
 * Wall-clock throughput of several step functions measured side by side. Each one warms up, then all
 * take turns in short slices until each has run for the whole window, so that a busy machine (other
 * processes come and go) slows them alike and the ratios stay fair.
 */

/** A step function: runs k steps and returns how many it actually ran. */
export type Stepper = (k: number) => number;

/** Runs `step` for about ms milliseconds in chunks of `chunk` steps; returns [steps, elapsed ms, CPU ms of this process]. */
function runFor(step: Stepper, chunk: number, ms: number): [number, number, number] {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let done = 0;
  let now = t0;
  while (now - t0 < ms) {
    done += step(chunk);
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return [done, now - t0, (cpu.user + cpu.system) / 1000];
}

/** Throughput of one stepper: over the whole window, and in its fastest slice (a hint of the speed on an idle machine). */
export interface Rate {
  mean: number;
  best: number;
  /** Steps per second of CPU time this process got: what an idle machine would give, when others compete for the cores. */
  perCpuSecond: number;
}

/** Steps per second of each stepper: warmupMs of warm-up each, then windowMs each, interleaved in sliceMs turns. */
export function interleavedRates(steppers: Stepper[], warmupMs: number, windowMs: number, sliceMs = 250): Rate[] {
  const chunks = steppers.map((step) => {
    let chunk = 1;
    const t0 = performance.now();
    let done = 0;
    while (performance.now() - t0 < warmupMs) {
      done += step(chunk);
      if (performance.now() - t0 < warmupMs / 10) chunk *= 2;
    }
    const rate = done / ((performance.now() - t0) / 1000);
    return Math.max(1, Math.round((rate * sliceMs) / 1000 / 20));
  });
  const steps = steppers.map(() => 0);
  const time = steppers.map(() => 0);
  const best = steppers.map(() => 0);
  const cpu = steppers.map(() => 0);
  while (time.some((t) => t < windowMs)) {
    steppers.forEach((step, i) => {
      if (time[i]! >= windowMs) return;
      const [done, ms, cpuMs] = runFor(step, chunks[i]!, Math.min(sliceMs, windowMs - time[i]!));
      steps[i]! += done;
      time[i]! += ms;
      cpu[i]! += cpuMs;
      if (ms >= sliceMs / 2) best[i] = Math.max(best[i]!, (done / ms) * 1000);
    });
  }
  return steps.map((s, i) => ({
    mean: (s / time[i]!) * 1000,
    best: Math.max(best[i]!, (s / time[i]!) * 1000),
    perCpuSecond: (s / cpu[i]!) * 1000,
  }));
}
