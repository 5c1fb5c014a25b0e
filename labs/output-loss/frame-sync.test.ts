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

  it("bumps a group's version at most once per frame however many sources changed, and only when one did", () => {
    const sources = [{}, {}, {}];
    const sync = new FrameSync(() => sources.slice());
    sync.start();
    frame(0);
    expect(sync.versions).toEqual([1]);
    frame(16);
    expect(sync.versions).toEqual([1]);
    sources[0] = {};
    sources[2] = {};
    frame(32);
    expect(sync.versions).toEqual([2]);
    sync.stop();
    sources[1] = {};
    frame(48);
    expect(sync.versions).toEqual([2]);
  });

  it("gives each frame to one group in turn, so no two groups redraw in one frame, and each shows the latest", () => {
    let source = {};
    const sync = new FrameSync(() => [source], 3);
    sync.start();
    const bumped: number[][] = [];
    for (let f = 0; f < 6; f++) {
      source = {};
      const before = [...sync.versions];
      frame(f * 16);
      bumped.push(sync.versions.map((v, g) => v - before[g]!));
    }
    expect(bumped).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    const latest = (source = {});
    frame(96);
    frame(112);
    frame(128);
    expect(sync.versions).toEqual([3, 3, 3]);
    expect(sync.read(2, () => source)).toBe(latest);
  });

  it("reads plainly where there are no animation frames", () => {
    vi.unstubAllGlobals();
    const sync = new FrameSync(() => []);
    sync.start();
    expect(sync.read(0, () => 42)).toBe(42);
  });
});
