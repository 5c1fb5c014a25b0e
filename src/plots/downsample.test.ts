import { describe, expect, it } from "vitest";
import { BoundedHistory, downsampleMinMax } from "./downsample.ts";

describe("downsampleMinMax", () => {
  const n = 10_000;
  const xs = Float64Array.from({ length: n }, (_, i) => i);
  const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 300));

  it("returns at most maxPoints points and keeps the first and last", () => {
    const d = downsampleMinMax(xs, ys, 200);
    expect(d.xs.length).toBeLessThanOrEqual(200);
    expect(d.xs.length).toBeGreaterThan(150);
    expect(d.xs[0]).toBe(0);
    expect(d.xs[d.xs.length - 1]).toBe(n - 1);
  });

  it("keeps a one-sample spike that plain striding would miss", () => {
    const spiky = Float64Array.from(ys);
    spiky[4321] = 50;
    spiky[7777] = -50;
    const d = downsampleMinMax(xs, spiky, 100);
    expect(Math.max(...d.ys)).toBe(50);
    expect(Math.min(...d.ys)).toBe(-50);
    expect([...d.xs]).toContain(4321);
  });

  it("keeps points in x order", () => {
    const d = downsampleMinMax(xs, ys, 64);
    for (let i = 1; i < d.xs.length; i++) expect(d.xs[i]).toBeGreaterThan(d.xs[i - 1]!);
  });

  it("skips NaN and Infinity, including at the ends", () => {
    const bad = Float64Array.from(ys);
    bad[0] = Number.NaN;
    bad[n - 1] = Infinity;
    for (let i = 500; i < 2500; i++) bad[i] = Number.NaN;
    const d = downsampleMinMax(xs, bad, 100);
    expect([...d.ys].every(Number.isFinite)).toBe(true);
    expect(d.xs[0]).toBe(1);
    expect(d.xs[d.xs.length - 1]).toBe(n - 2);
  });

  it("returns short series unchanged and empty ones empty", () => {
    expect([...downsampleMinMax([0, 1, 2], [3, Number.NaN, 5], 10).ys]).toEqual([3, 5]);
    expect(downsampleMinMax([], [], 10).xs.length).toBe(0);
    expect(downsampleMinMax([0, 1], [Number.NaN, Number.NaN], 10).xs.length).toBe(0);
  });
});

describe("BoundedHistory", () => {
  it("never holds more than its capacity over a million pushes, and covers the whole run", () => {
    const h = new BoundedHistory(64, 2);
    let maxLength = 0;
    for (let step = 0; step < 1_000_000; step++) {
      h.push(step, [Math.exp(-step / 1e5), 1 + Math.sin(step)]);
      if (h.length > maxLength) maxLength = h.length;
    }
    expect(maxLength).toBeLessThanOrEqual(64);
    expect(h.length).toBeGreaterThan(16);
    const steps = h.steps();
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(999_999);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
    expect([...h.column(0), ...h.column(1)].every(Number.isFinite)).toBe(true);
  });

  it("keeps the newest step after every push", () => {
    const h = new BoundedHistory(8, 1);
    for (let step = 0; step < 1000; step++) {
      h.push(step * 10, [step]);
      expect(h.steps()[h.length - 1]).toBe(step * 10);
      expect(h.steps()[0]).toBe(0);
      expect(h.length).toBeLessThanOrEqual(8);
    }
  });

  it("merges pairs into the later step and the mean, so the resolution stays even", () => {
    const h = new BoundedHistory(6, 1);
    for (let step = 0; step <= 5; step++) h.push(step, [step * 2]);
    // Rows 1..4 filled the buffer and merged: (1,2) → step 2, mean 3; (3,4) → step 4, mean 7; step 5 fills the next bucket.
    expect([...h.steps()]).toEqual([0, 2, 4, 5]);
    expect([...h.column(0)]).toEqual([0, 3, 7, 10]);
    expect(h.stride).toBe(2);
    h.push(6, [12]);
    expect([...h.steps()]).toEqual([0, 2, 4, 6]);
    h.push(7, [14]);
    // The full bucket (5, 6) became its mean when step 7 opened the next one.
    expect([...h.steps()]).toEqual([0, 2, 4, 6, 7]);
    expect([...h.column(0)]).toEqual([0, 3, 7, 11, 14]);
  });

  it("shows the latest push exactly as its last row, however full the bucket it fills", () => {
    const h = new BoundedHistory(16, 2);
    for (let step = 0; step < 5000; step++) {
      const values = [Math.sin(step), step % 7 === 0 ? Number.NaN : step / 3];
      h.push(step, values);
      expect(h.steps().at(-1)).toBe(step);
      expect(h.column(0).at(-1)).toBe(values[0]);
      expect(Object.is(h.column(1).at(-1), values[1])).toBe(true);
      expect(h.length).toBeLessThanOrEqual(16);
    }
    expect(h.stride).toBeGreaterThan(64);
  });

  it("averages over finite values only; a bucket with none is NaN", () => {
    const h = new BoundedHistory(6, 2);
    h.push(0, [1, 1]);
    h.push(1, [Number.NaN, 4]);
    expect(Number.isNaN(h.column(0)[1])).toBe(true);
    expect(h.column(1)[1]).toBe(4);
  });

  it("lays the series out row-major for a heatmap", () => {
    const h = new BoundedHistory(10, 2);
    h.push(0, [1, 10]);
    h.push(1, [2, 20]);
    h.push(2, [3, 30]);
    expect([...h.rowMajor()]).toEqual([1, 2, 3, 10, 20, 30]);
  });

  it("clears to empty and refuses bad shapes loudly", () => {
    const h = new BoundedHistory(4, 1);
    h.push(0, [1]);
    h.clear();
    expect(h.length).toBe(0);
    expect(h.steps().length).toBe(0);
    expect(() => h.push(1, [1, 2])).toThrow(RangeError);
    expect(() => new BoundedHistory(2, 1)).toThrow(RangeError);
    expect(() => h.column(3)).toThrow(RangeError);
  });
});
