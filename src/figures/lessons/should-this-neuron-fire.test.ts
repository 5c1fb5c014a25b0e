/** The lesson-1 figures show what the lesson says: z = 0.1 through two activations; a straight boundary and a closed one. */
import { describe, expect, it } from "vitest";
import { boundaryRuns, linearVsCurvedBoundary, oneNeuron } from "./should-this-neuron-fire.ts";

describe("one-neuron", () => {
  it("tabulates the worked example: z = 0.5·1 + (−0.25)·2 + 0.1 = 0.1, step 1, σ 0.525", () => {
    const rows = Object.fromEntries(oneNeuron.build().table.rows as [string, number][]);
    expect(rows["z = w₁x₁ + w₂x₂ + b"]).toBeCloseTo(0.1, 15);
    expect(rows["a = step(z)"]).toBe(1);
    expect(rows["a = σ(z)"]).toBeCloseTo(0.525, 3);
  });
});

describe("linear-vs-curved-boundary", () => {
  const [linear, curved] = boundaryRuns();
  const size = Math.sqrt(linear!.grid.length);
  const ring = (grid: Float64Array, r: number, c: number): boolean => grid[r * size + c]! >= 0.5;

  it("the identity network's regions are two half-planes: in every row the ring side is one run that reaches an edge", () => {
    for (let r = 0; r < size; r++) {
      const row = Array.from({ length: size }, (_, c) => ring(linear!.grid, r, c));
      const changes = row.slice(1).filter((v, c) => v !== row[c]).length;
      expect(changes).toBeLessThanOrEqual(1);
    }
  });

  it("the tanh network's disc region is closed: it touches no edge of the square, and the ring surrounds it", () => {
    const edge = [0, size - 1];
    for (let k = 0; k < size; k++) {
      for (const e of edge) {
        expect(ring(curved!.grid, e, k)).toBe(true);
        expect(ring(curved!.grid, k, e)).toBe(true);
      }
    }
    expect(ring(curved!.grid, size / 2, size / 2)).toBe(false);
  });

  it("titles its panels with the accuracies the caption gives", () => {
    const body = linearVsCurvedBoundary.build().body;
    expect(body).toContain(">identity: 61% right</text>");
    expect(body).toContain(">tanh: 100% right</text>");
  });
});
