import { describe, expect, it } from "vitest";
import { softmaxRows } from "../../src/core/index.ts";
import { softmaxTable } from "./softmax-view.ts";

describe("softmaxTable", () => {
  it("fills the formula with the network's logits and gives back softmax(z)", () => {
    const z = [2, -1, 0.5];
    const t = softmaxTable(z, 1)!;
    const p = new Float64Array(3);
    softmaxRows(Float64Array.from(z), p, 1, 3);
    t.rows.forEach((r, j) => {
      expect(r.z).toBe(z[j]);
      expect(r.ez).toBeCloseTo(Math.exp(z[j]! - 2), 14);
      expect(r.p).toBeCloseTo(p[j]!, 14);
    });
    expect(t.max).toBe(2);
    expect(t.rows[0]!.ez).toBe(1);
    expect(t.crossEntropy).toBeCloseTo(-Math.log(p[1]!), 12);
  });

  it("shows ∂L/∂z_j = p_j − y_j: the cross-entropy's slope at each logit (checked by finite differences), summing to 0", () => {
    const z = [2, -1, 0.5];
    const t = softmaxTable(z, 1)!;
    t.rows.forEach((r, j) => {
      expect(r.grad).toBe(r.p - (j === 1 ? 1 : 0));
      const h = 1e-6;
      const up = softmaxTable(
        z.map((v, k) => (k === j ? v + h : v)),
        1,
      )!.crossEntropy;
      const down = softmaxTable(
        z.map((v, k) => (k === j ? v - h : v)),
        1,
      )!.crossEntropy;
      expect(r.grad).toBeCloseTo((up - down) / (2 * h), 8);
    });
    expect(Math.abs(t.rows.reduce((sum, r) => sum + r.grad, 0))).toBeLessThan(1e-15);
  });

  it("is shift-invariant, and stays finite for huge logits (a learning rate of 100)", () => {
    const a = softmaxTable([2, -1, 0.5, 3], 3)!;
    const b = softmaxTable([1002, 999, 1000.5, 1003], 3)!;
    a.rows.forEach((r, j) => expect(b.rows[j]!.p).toBeCloseTo(r.p, 12));
    // One point far on the wrong side: the target's p underflows, its cross-entropy is still the exact 161.
    const wrong = softmaxTable([161, 0, -40], 1)!;
    expect(wrong.crossEntropy).toBeCloseTo(161, 9);
    expect(wrong.rows.every((r) => Number.isFinite(r.ez))).toBe(true);
  });

  it("keeps digits for a target near 1, and is null without finite logits", () => {
    const t = softmaxTable([0, -27.6], 0)!; // p₁ ≈ 10⁻¹²
    expect(Math.abs(t.crossEntropy / Math.log1p(Math.exp(-27.6)) - 1)).toBeLessThan(1e-12);
    expect(softmaxTable([1, Number.NaN], 0)).toBeNull();
    expect(softmaxTable([], 0)).toBeNull();
  });
});
