import { describe, expect, it } from "vitest";
import { readParameters, sigmoid } from "../../src/core/index.ts";
import { TrainingSession } from "../../src/worker/session.ts";
import { isConfidentlyWrong, partsRows, wrongSummary } from "./gradient-parts.ts";
import { binarySpec, DEFAULTS, PAIRING_IDS, PARTS_POINTS } from "./settings.ts";

/** The true logits z = w·x + b of the first training points, straight from the weights. */
function trueLogits(session: TrainingSession, count: number): number[] {
  const [w0, w1, b] = readParameters(session.trainer);
  const x = session.trainer.dataset.train.x;
  return Array.from({ length: count }, (_, i) => w0! * x[2 * i]! + w1! * x[2 * i + 1]! + b!);
}

describe("partsRows: the worker's output-gradient split, read back into a and z", () => {
  it("in float32 at b = −40 a class-1 point reads a ≈ 4e-18 and z ≈ −40 under every pairing, though BCELoss's floor breaks a − y = ∂L/∂z", () => {
    for (const id of PAIRING_IDS) {
      const session = new TrainingSession(binarySpec(id, { ...DEFAULTS, bias: -40, prec: "float32" }));
      const labels = session.trainer.dataset.train.labels;
      const rows = partsRows(id, session.snapshot(0).outputParts!, labels);
      const logits = trueLogits(session, rows.length);
      rows.forEach((r, i) => {
        expect(r.z, `${id} #${i}`).toBeCloseTo(logits[i]!, 4);
        expect(r.z).toBeLessThan(-35);
        if (id !== "tanh-mse") expect(r.a).toBeLessThan(1e-15);
      });
    }
  });

  it.each(PAIRING_IDS)(
    "recovers %s's prediction and logit at every reported point, at the start and after training",
    (id) => {
      const session = new TrainingSession(binarySpec(id, { ...DEFAULTS, lr: 1 }));
      for (const steps of [0, 40]) {
        session.step(steps);
        const s = session.snapshot(0);
        const rows = partsRows(id, s.outputParts!, session.trainer.dataset.train.labels);
        expect(rows).toHaveLength(PARTS_POINTS);
        const zs = trueLogits(session, PARTS_POINTS);
        rows.forEach((r, i) => {
          expect(r.z).toBeCloseTo(zs[i]!, 6);
          expect(r.a).toBeCloseTo(id === "tanh-mse" ? Math.tanh(zs[i]!) : sigmoid(zs[i]!), 9);
          if (id !== "sigmoid-bce") expect(r.dLdz).toBeCloseTo(r.dLda * r.dadz, 15);
        });
      }
    },
  );

  it("from the −10 bias, every class-1 point is confidently wrong and every class-0 point is not", () => {
    const session = new TrainingSession(binarySpec("sigmoid-mse", DEFAULTS));
    const rows = partsRows("sigmoid-mse", session.snapshot(0).outputParts!, session.trainer.dataset.train.labels);
    for (const r of rows) {
      expect(r.z).toBeLessThan(-8.5);
      expect(r.z).toBeGreaterThan(-11.5);
      expect(isConfidentlyWrong("sigmoid-mse", r)).toBe(r.label === 1);
    }
    const ones = rows.filter((r) => r.label === 1).length;
    expect(ones).toBeGreaterThan(3);
    expect(wrongSummary("sigmoid-mse", rows).count).toBe(ones);
  });

  it("from a +20 bias, every class-0 point is confidently wrong and every class-1 point is not; in float32 σ is exactly 1 there, and a(1 − a) = 0 makes ∂L/∂z exactly 0 under every pairing, BCE's too", () => {
    for (const id of PAIRING_IDS) {
      const session = new TrainingSession(binarySpec(id, { ...DEFAULTS, bias: 20, prec: "float32" }));
      const rows = partsRows(id, session.snapshot(0).outputParts!, session.trainer.dataset.train.labels);
      for (const r of rows) {
        expect(r.z).toBeGreaterThan(16.64);
        expect(isConfidentlyWrong(id, r)).toBe(r.label === 0);
        expect(r.a).toBe(1);
        expect(r.dadz).toBe(0);
        expect(Object.is(r.dLdz, 0) || Object.is(r.dLdz, -0)).toBe(true);
      }
      expect(rows.filter((r) => r.label === 0).length).toBeGreaterThan(3);
    }
  });

  it("the mean ∂L/∂z over confidently wrong points: ≈ −1 under BCE, about 10⁻⁴ under sigmoid+MSE, about 10⁻⁷ under tanh+MSE", () => {
    const mean = (id: (typeof PAIRING_IDS)[number]) => {
      const session = new TrainingSession(binarySpec(id, DEFAULTS));
      return wrongSummary(id, partsRows(id, session.snapshot(0).outputParts!, session.trainer.dataset.train.labels));
    };
    expect(mean("sigmoid-bce").meanDLdz).toBeCloseTo(-1, 3);
    expect(Math.abs(mean("sigmoid-mse").meanDLdz)).toBeGreaterThan(3e-5);
    expect(Math.abs(mean("sigmoid-mse").meanDLdz)).toBeLessThan(3e-4);
    expect(Math.abs(mean("tanh-mse").meanDLdz)).toBeLessThan(1e-6);
  });

  it("gives NaN for the mean when no point is confidently wrong", () => {
    expect(wrongSummary("sigmoid-bce", []).meanDLdz).toBeNaN();
  });
});
