/**
 * vi.waitFor's default timeout is one second, and the unit tests call it (90 times) mostly without one: wait
 * for a lab's worker to finish its warm-up, for a snapshot to land. On a quiet machine that takes a few
 * milliseconds; under a load of 12 (a build and a browser suite beside the unit suite) it took over a second
 * once in 20 runs, and a correct test failed. The default here is 4 s, under vitest's 5 s test timeout so a
 * test that truly waits forever still fails with what it was waiting for. A call that gives its own timeout
 * keeps it.
 */
import { vi } from "vitest";

const WAIT_FOR_TIMEOUT_MS = 4000;
const waitFor = vi.waitFor.bind(vi);

vi.waitFor = ((callback, options) =>
  waitFor(
    callback,
    typeof options === "number" ? options : { ...options, timeout: options?.timeout ?? WAIT_FOR_TIMEOUT_MS },
  )) as typeof vi.waitFor;
