/** Wall-clock throughput: warm up, then count steps in a fixed window, in chunks sized from the warm-up rate. */

/** Runs `step(k)` (which returns the steps it actually ran) for warmupMs, then for windowMs; returns steps per second. */
export function stepsPerSecond(step: (k: number) => number, warmupMs: number, windowMs: number): number {
  let chunk = 1;
  let t0 = performance.now();
  let done = 0;
  while (performance.now() - t0 < warmupMs) {
    done += step(chunk);
    const elapsed = performance.now() - t0;
    if (elapsed < warmupMs / 20) chunk *= 2;
  }
  const rate = done / ((performance.now() - t0) / 1000);
  chunk = Math.max(1, Math.round(rate / 100));
  done = 0;
  t0 = performance.now();
  while (performance.now() - t0 < windowMs) done += step(chunk);
  return done / ((performance.now() - t0) / 1000);
}
