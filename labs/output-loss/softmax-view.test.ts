import { describe, expect, it } from "vitest";
import { predictGrid, createTrainer, readParameters, softmaxRows } from "../../src/core/index.ts";
import { probabilitiesAt, softmaxTable } from "./softmax-view.ts";

describe("softmaxTable", () => {
  it("fills the formula with logits shifted so the largest is 0, and gives back the probabilities", () => {
    const t = softmaxTable([0.7, 0.2, 0.1], 1);
    [0, Math.log(0.2 / 0.7), Math.log(0.1 / 0.7)].forEach((z, j) => expect(t.rows[j]!.z).toBeCloseTo(z, 14));
    expect(t.rows[0]!.ez).toBe(1);
    expect(t.sum).toBeCloseTo(1 / 0.7, 12);
    t.rows.forEach((r, j) => expect(r.p).toBeCloseTo([0.7, 0.2, 0.1][j]!, 12));
    expect(t.crossEntropy).toBeCloseTo(-Math.log(0.2), 12);
  });

  it("is shift-invariant: logits z + c give the same table as z", () => {
    const z = Float64Array.from([2, -1, 0.5, 3]);
    const zc = z.map((v) => v + 1000);
    const [p, pc] = [new Float64Array(4), new Float64Array(4)];
    softmaxRows(z, p, 1, 4);
    softmaxRows(zc, pc, 1, 4);
    const [a, b] = [softmaxTable([...p], 3), softmaxTable([...pc], 3)];
    a.rows.forEach((r, j) => {
      expect(r.z).toBeCloseTo(z[j]! - 3, 12);
      expect(b.rows[j]!.z).toBeCloseTo(r.z, 12);
    });
  });

  it("stays finite when a probability underflowed to 0, and keeps digits for a target near 1", () => {
    const t = softmaxTable([1, 0, 0], 0);
    expect(t.rows.every((r) => Number.isFinite(r.z) && Number.isFinite(r.ez))).toBe(true);
    expect(t.crossEntropy).toBeLessThan(1e-300);
    const p = 1 - 1e-12;
    const exact = -Math.log1p(p - 1); // p − 1 is exact in floating point
    expect(Math.abs(softmaxTable([p, 1 - p], 0).crossEntropy / exact - 1)).toBeLessThan(1e-9);
  });
});

describe("probabilitiesAt", () => {
  it("reads the model's exact softmax at the centre of the grid cell containing the point", () => {
    const trainer = createTrainer({
      layers: [2, 6, 3],
      hidden: "tanh",
      head: "softmax",
      loss: "cross-entropy",
      init: { kind: "xavier-normal" },
      optimizer: { kind: "sgd", lr: 0.5 },
      seeds: { data: 1, init: 2, batch: 3 },
      dataset: { kind: "blobs", n: 60, noise: 0.1, classes: 3, testFraction: 0 },
    });
    trainer.step(50);
    const size = 64;
    const grid = new Float64Array(size * size * 3);
    predictGrid(trainer, size, grid);
    const cell = probabilitiesAt(grid, size, 3, [-1.25, 1.25], [-1.25, 1.25], 0.3, -0.42)!;
    expect(Math.abs(cell.cx - 0.3)).toBeLessThanOrEqual(1.25 / size);
    expect(Math.abs(cell.cy + 0.42)).toBeLessThanOrEqual(1.25 / size);
    // Evaluate the network at the cell centre directly: a 1×1 grid over a tiny box around it.
    const one = new Float64Array(3);
    const eps = 1e-9;
    predictGrid(trainer, 1, one, {
      xMin: cell.cx - eps,
      xMax: cell.cx + eps,
      yMin: cell.cy - eps,
      yMax: cell.cy + eps,
    });
    cell.p.forEach((p, j) => expect(p).toBeCloseTo(one[j]!, 12));
    expect(cell.p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(readParameters(trainer).length).toBeGreaterThan(0);
  });

  it("is null outside the grid or for a short grid", () => {
    const grid = new Float64Array(4 * 4 * 3).fill(1 / 3);
    expect(probabilitiesAt(grid, 4, 3, [-1, 1], [-1, 1], 1.5, 0)).toBeNull();
    expect(probabilitiesAt(grid.subarray(0, 10), 4, 3, [-1, 1], [-1, 1], 0, 0)).toBeNull();
    expect(probabilitiesAt(grid, 4, 3, [-1, 1], [-1, 1], 1, 1)?.p).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});
