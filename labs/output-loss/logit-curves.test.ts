import { describe, expect, it } from "vitest";
import { tanhDerivative } from "../../src/core/index.ts";
import { outputGradient, sampleLogitCurves } from "./logit-curves.ts";

describe("output gradient against the logit (one example, y = 1)", () => {
  it("at z = −10 sigmoid+MSE's ∂L/∂z is −9.08×10⁻⁵ while sigmoid+BCE's is −0.99995: σ′(z) crushes MSE and cancels under BCE", () => {
    const mse = outputGradient("sigmoid-mse", -10, 1);
    const bce = outputGradient("sigmoid-bce", -10, 1);
    expect(mse.dadz).toBeCloseTo(4.5396e-5, 8);
    expect(mse.dLda).toBeCloseTo(-2 * 0.9999546, 6);
    expect(mse.dLdz).toBeCloseTo(-9.0787e-5, 8);
    expect(mse.dLdz / -9.08e-5).toBeCloseTo(1, 3);
    expect(bce.dLdz).toBeCloseTo(-0.9999546, 7);
    // The chain rule holds for BCE too: a huge ∂L/∂a times a tiny σ′(z).
    expect(bce.dLda).toBeCloseTo(-1 / 4.5398e-5, -1);
    expect(bce.dLda * bce.dadz).toBeCloseTo(bce.dLdz, 10);
    expect(bce.loss).toBeCloseTo(10.0000454, 6);
    expect(Math.abs(bce.dLdz / mse.dLdz)).toBeGreaterThan(10_000);
  });

  it("tanh+MSE is crushed harder still: target +1, a = −1, ∂L/∂a = −4 and tanh′(−10) ≈ 8.2×10⁻⁹", () => {
    const g = outputGradient("tanh-mse", -10, 1);
    expect(g.a).toBeCloseTo(-1, 8);
    expect(g.dLda).toBeCloseTo(-4, 7);
    expect(g.dadz).toBeCloseTo(tanhDerivative(-10), 20);
    expect(g.dadz).toBeCloseTo(8.2446e-9, 12);
    expect(g.dLdz).toBeCloseTo(-3.2978e-8, 11);
  });

  it("a confidently right example (z = +10, y = 1) has a tiny gradient under every pairing", () => {
    for (const id of ["sigmoid-mse", "sigmoid-bce", "tanh-mse"] as const) {
      expect(Math.abs(outputGradient(id, 10, 1).dLdz)).toBeLessThan(1e-4);
    }
  });

  it("class 0 mirrors class 1: L(z; y = 0) = L(−z; y = 1)", () => {
    for (const id of ["sigmoid-mse", "sigmoid-bce", "tanh-mse"] as const) {
      for (const z of [-7, -1, 0, 2.5, 9]) {
        expect(outputGradient(id, z, 0).loss).toBeCloseTo(outputGradient(id, -z, 1).loss, 10);
        expect(outputGradient(id, z, 0).dLdz).toBeCloseTo(-outputGradient(id, -z, 1).dLdz, 10);
      }
    }
  });

  it("matches a central finite difference of L(z) everywhere on the plotted range", () => {
    const h = 1e-5;
    for (const id of ["sigmoid-mse", "sigmoid-bce", "tanh-mse"] as const) {
      for (const y of [0, 1] as const) {
        for (let z = -9.5; z <= 9.5; z += 1.9) {
          const numeric = (outputGradient(id, z + h, y).loss - outputGradient(id, z - h, y).loss) / (2 * h);
          expect(Math.abs(outputGradient(id, z, y).dLdz - numeric)).toBeLessThan(1e-8 + 1e-5 * Math.abs(numeric));
        }
      }
    }
  });
});

describe("sampleLogitCurves", () => {
  it("samples L(z) and |∂L/∂z| on [−10, 10], ends included", () => {
    const c = sampleLogitCurves(1, -10, 10, 201);
    expect(c.zs[0]).toBe(-10);
    expect(c.zs[200]).toBe(10);
    expect(c.zs[100]).toBeCloseTo(0, 12);
    expect(c.gradient["sigmoid-mse"][0]).toBeCloseTo(9.0787e-5, 8);
    expect(c.gradient["sigmoid-bce"][0]).toBeCloseTo(0.9999546, 7);
    expect(c.loss["sigmoid-bce"][100]).toBeCloseTo(Math.LN2, 12);
    for (const id of ["sigmoid-mse", "sigmoid-bce", "tanh-mse"] as const) {
      expect(c.gradient[id].every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
  });
});
