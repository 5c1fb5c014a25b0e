import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameSync } from "./frame-sync.svelte.ts";

/** A hand-cranked requestAnimationFrame: frame(t) runs the callbacks waiting for the next frame. */
function fakeFrames() {
  let waiting: FrameRequestCallback[] = [];
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => waiting.push(cb));
  vi.stubGlobal("cancelAnimationFrame", () => (waiting = []));
  return (time: number) => {
    const now = waiting;
    waiting = [];
    for (const cb of now) cb(time);
  };
}

describe("FrameSync", () => {
  let frame: (time: number) => void;
  beforeEach(() => {
    frame = fakeFrames();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("bumps its version once per frame however many sources changed, and only when one did", () => {
    const sources = [{}, {}, {}];
    const sync = new FrameSync(() => sources.slice());
    sync.start();
    frame(0);
    expect(sync.version).toBe(1);
    frame(16);
    expect(sync.version).toBe(1);
    sources[0] = {};
    sources[2] = {};
    frame(32);
    expect(sync.version).toBe(2);
    sync.stop();
    sources[1] = {};
    frame(48);
    expect(sync.version).toBe(2);
  });

  it("waits at least the interval between two bumps, then shows the latest", () => {
    let source = {};
    const sync = new FrameSync(() => [source], 50);
    sync.start();
    frame(0);
    source = {};
    frame(16);
    frame(33);
    expect(sync.version).toBe(1);
    const latest = (source = {});
    frame(50);
    expect(sync.version).toBe(2);
    expect(sync.read(() => source)).toBe(latest);
  });

  it("reads plainly where there are no animation frames", () => {
    vi.unstubAllGlobals();
    const sync = new FrameSync(() => []);
    sync.start();
    expect(sync.read(() => 42)).toBe(42);
  });
});
