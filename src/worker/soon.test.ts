import { afterEach, describe, expect, it, vi } from "vitest";
import { soonScheduler } from "./soon.ts";

describe("soonScheduler", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What ran, in order: "a" and "b" queued, then `after` called synchronously; resolves once "b" has run. */
  async function order(after: (soon: ReturnType<typeof soonScheduler>, seen: string[]) => void): Promise<string[]> {
    const soon = soonScheduler();
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      soon(() => seen.push("a"));
      soon(() => {
        seen.push("b");
        resolve();
      });
      after(soon, seen);
    });
    return seen;
  }

  it("runs functions later (never inside the caller), in the order given", async () => {
    expect(await order((_, seen) => seen.push("synchronous"))).toEqual(["synchronous", "a", "b"]);
  });

  it("runs a function scheduled first ahead of those already queued", async () => {
    expect(await order((soon, seen) => soon(() => seen.push("first"), true))).toEqual(["first", "a", "b"]);
  });

  it("uses no timer, so nested calls are not held to the 4 ms browsers impose on nested setTimeout(fn, 0)", async () => {
    const timeout = vi.spyOn(globalThis, "setTimeout");
    const soon = soonScheduler();
    await new Promise<void>((resolve) => {
      let left = 20;
      const again = () => (--left === 0 ? resolve() : soon(again));
      soon(again);
    });
    expect(timeout).not.toHaveBeenCalled();
  });
});
