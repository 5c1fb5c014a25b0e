/**
 * Evidence that a training step allocates nothing: run many steps and count garbage collections
 * (a step that allocated even a few bytes would fill the young generation and trigger scavenges
 * within 10k steps) and the change in used heap.
 */
import { PerformanceObserver } from "node:perf_hooks";
import type { Trainer } from "../../src/core/index.ts";

/** Result of an allocation probe. */
export interface AllocationReport {
  steps: number;
  gcEvents: number;
  heapDeltaBytes: number;
}

/** Runs `steps` steps in calls of at most 1000, resetting on divergence. */
function run(trainer: Trainer, steps: number): void {
  let done = 0;
  while (done < steps) {
    const ran = trainer.step(Math.min(1000, steps - done));
    if (ran === 0) trainer.reset();
    done += ran;
  }
}

/**
 * Runs `steps` training steps after a warm-up and reports GC events and heap growth during them. The
 * warm-up is the same run, untimed, then a pause: optimised code compiled on background threads (late
 * on a busy machine) and object layouts settled by the first diagnostics are in place before counting,
 * so that their one-off allocations are not mistaken for a step's.
 */
export async function probeAllocation(trainer: Trainer, steps: number): Promise<AllocationReport> {
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
  run(trainer, steps);
  await settle();
  let gcEvents = 0;
  const observer = new PerformanceObserver((list) => {
    gcEvents += list.getEntries().length;
  });
  observer.observe({ entryTypes: ["gc"] });
  await settle();
  gcEvents = 0;
  const before = process.memoryUsage().heapUsed;
  run(trainer, steps);
  const heapDeltaBytes = process.memoryUsage().heapUsed - before;
  await settle();
  observer.disconnect();
  return { steps, gcEvents, heapDeltaBytes };
}
