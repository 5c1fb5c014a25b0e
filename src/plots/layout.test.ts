import { describe, expect, it } from "vitest";
import { cellsPerRow, labelStride, spreadIndices } from "./layout.ts";

describe("spreadIndices", () => {
  it("spreads labels evenly and always includes both ends", () => {
    expect(spreadIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(spreadIndices(3, 5)).toEqual([0, 1, 2]);
    expect(spreadIndices(10, 1)).toEqual([9]);
  });

  it("never repeats an index or goes out of range", () => {
    const ix = spreadIndices(7, 6);
    expect(new Set(ix).size).toBe(ix.length);
    expect(Math.max(...ix)).toBe(6);
    expect(spreadIndices(0, 4)).toEqual([]);
  });
});

describe("labelStride", () => {
  it("labels every layer when there is room, every other one on a phone", () => {
    expect(labelStride(10, 600, 24)).toBe(1);
    expect(labelStride(20, 290, 24)).toBe(2);
    expect(labelStride(5, 0, 24)).toBe(1);
  });
});

describe("cellsPerRow", () => {
  it("fits 16 px cells with 2 px gaps into the width", () => {
    expect(cellsPerRow(340, 16, 2)).toBe(19);
    expect(cellsPerRow(16, 16, 2)).toBe(1);
    expect(cellsPerRow(5, 16, 2)).toBe(1);
    expect(cellsPerRow(Number.NaN, 16, 2)).toBe(1);
  });
});
