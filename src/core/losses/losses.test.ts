import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, getActivation } from "../activations/activations.ts";
import { sigmoid } from "../activations/sigmoid.ts";
import { activationKernel } from "../activations/activation-kernels.ts";
import { headForward, HEAD_NAMES } from "../network/heads.ts";
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropyRow,
  LOSS_HEADS,
  LOSS_NAMES,
  lossValue,
} from "./losses.ts";
import { outputDelta } from "./output-gradient.ts";
import { logSumExp, softmaxRows } from "./softmax.ts";

const BASE = [0, 5e-324, 1, 20, 40, 89, 710, 745, 800, 1e308];
/** ±{0, 5e-324, 1, 20, 40, 89, 710, 745, 800, 1e308}. */
const FINITE = BASE.flatMap((x) => (x === 0 ? [0, -0] : [x, -x]));
const EXTREME = [...FINITE, Infinity, -Infinity, NaN];

describe("softmax", () => {
  it("softmax of [1000, 1000] is [0.5, 0.5]", () => {
    const p = new Float64Array(2);
    softmaxRows(new Float64Array([1000, 1000]), p, 1, 2);
    expect(Array.from(p)).toEqual([0.5, 0.5]);
    expect(logSumExp(new Float64Array([1000, 1000]), 0, 2)).toBe(1000 + Math.LN2);
  });

  it("finite logits give finite probabilities summing to 1; ±∞ give the limits; NaN propagates", () => {
    for (const x of FINITE) {
      for (const row of [
        [x, 0, -x],
        [x, x, 0],
        [x, -1e308, 1e308],
      ]) {
        const p = new Float64Array(3);
        softmaxRows(new Float64Array(row), p, 1, 3);
        expect(
          p.every((v) => Number.isFinite(v) && v >= 0 && v <= 1),
          `softmax(${row})`,
        ).toBe(true);
        expect(Math.abs(p.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-15);
        expect(Number.isFinite(logSumExp(new Float64Array(row), 0, 3))).toBe(true);
      }
    }
    const p = new Float64Array(3);
    softmaxRows(new Float64Array([Infinity, 0, Infinity]), p, 1, 3);
    expect(Array.from(p)).toEqual([0.5, 0, 0.5]);
    softmaxRows(new Float64Array([-Infinity, 0, 1]), p, 1, 3);
    expect(p[0]).toBe(0);
    softmaxRows(new Float64Array([NaN, 0, 1]), p, 1, 3);
    expect(p.every(Number.isNaN)).toBe(true);
  });

  it("keeps tiny probabilities instead of flushing them", () => {
    const p = new Float64Array(2);
    softmaxRows(new Float64Array([0, -700]), p, 1, 2);
    expect(p[1]).toBeGreaterThan(0);
    expect(Math.abs(p[1]! / Math.exp(-700) - 1)).toBeLessThan(1e-14);
  });
});

describe("losses (PyTorch conventions)", () => {
  it("BCE on probabilities clamps its logs at −100 like nn.BCELoss: p = 0, y = 0 gives 0, not NaN", () => {
    expect(binaryCrossEntropy(0, 0)).toBe(0);
    expect(binaryCrossEntropy(1, 1)).toBe(0);
    expect(binaryCrossEntropy(0, 1)).toBe(100);
    expect(binaryCrossEntropy(1, 0)).toBe(100);
    expect(binaryCrossEntropy(0.5, 1)).toBe(Math.LN2);
    expect(binaryCrossEntropy(NaN, 1)).toBeNaN();
  });

  it("BCE with logits is max(z, 0) − z·y + log1p(e^(−|z|)), finite wherever the math is", () => {
    expect(binaryCrossEntropyWithLogits(0, 1)).toBe(Math.LN2);
    expect(binaryCrossEntropyWithLogits(800, 0)).toBe(800);
    expect(binaryCrossEntropyWithLogits(800, 1)).toBe(0);
    expect(binaryCrossEntropyWithLogits(-40, 1)).toBe(40 + Math.log1p(Math.exp(-40)));
    expect(binaryCrossEntropyWithLogits(-1e308, 1)).toBe(1e308);
    expect(binaryCrossEntropyWithLogits(Infinity, 1)).toBe(0);
    expect(binaryCrossEntropyWithLogits(-Infinity, 0)).toBe(0);
    expect(binaryCrossEntropyWithLogits(Infinity, 0)).toBe(Infinity);
    expect(binaryCrossEntropyWithLogits(NaN, 0)).toBeNaN();
    expect(binaryCrossEntropyWithLogits(30, 0)).toBeCloseTo(30, 12);
  });

  it("cross-entropy on logits uses log-sum-exp, like nn.CrossEntropyLoss", () => {
    const y = new Float64Array([0, 1, 0]);
    expect(crossEntropyRow(new Float64Array([1000, 1000, -Infinity]), y, 0, 3)).toBe(Math.LN2);
    expect(crossEntropyRow(new Float64Array([0, 0, 0]), y, 0, 3)).toBeCloseTo(Math.log(3), 15);
    expect(crossEntropyRow(new Float64Array([1e308, 0, 0]), y, 0, 3)).toBe(1e308);
    expect(crossEntropyRow(new Float64Array([0, Infinity, 0]), y, 0, 3)).toBe(0);
    expect(crossEntropyRow(new Float64Array([Infinity, 0, 0]), y, 0, 3)).toBe(Infinity);
    expect(crossEntropyRow(new Float64Array([NaN, 0, 0]), y, 0, 3)).toBeNaN();
  });

  it("means: MSE over all elements, BCE over all elements, cross-entropy over the batch", () => {
    const z = new Float64Array([0, 0, 0, 0]);
    const a = new Float64Array([1, 2, 3, 4]);
    const y = new Float64Array([0, 0, 0, 1]);
    expect(lossValue("mse", z, a, y, 2, 2)).toBe((1 + 4 + 9 + 9) / 4);
    expect(lossValue("cross-entropy", z, a, new Float64Array([1, 0, 0, 1]), 2, 2)).toBe(Math.LN2);
  });

  for (const loss of LOSS_NAMES) {
    for (const head of LOSS_HEADS[loss]) {
      it(`${head} + ${loss}: extreme logits give finite losses and gradients where the math is finite, NaN propagates`, () => {
        for (const x of EXTREME) {
          for (const target of [0, 1]) {
            const m = head === "softmax" ? 2 : 1;
            const z = new Float64Array(m === 2 ? [x, 0] : [x]);
            const y = new Float64Array(
              m === 2 ? [target, 1 - target] : [head === "tanh" && target === 0 ? -1 : target],
            );
            const a = new Float64Array(m);
            const fp = new Float64Array(m);
            const d = new Float64Array(m);
            headForward(head, z, a, fp, 1, m);
            outputDelta(loss, z, a, fp, y, 1, m, d);
            const L = lossValue(loss, z, a, y, 1, m);
            const label = `${head}+${loss} z=${x} y=${target}`;
            if (Number.isNaN(x)) {
              expect(L, label).toBeNaN();
              expect(d.some(Number.isNaN), label).toBe(true);
              continue;
            }
            const mathFinite = !(loss === "mse" && head === "identity" && Math.abs(x) > 1e150) && Number.isFinite(x);
            if (mathFinite) {
              expect(Number.isFinite(L), label).toBe(true);
              expect(d.every(Number.isFinite), label).toBe(true);
            }
            if (head === "sigmoid" && loss === "mse" && Number.isFinite(x) && x < 0 && x > -745 && target === 1)
              expect(d[0], label).toBeLessThan(0);
          }
        }
      });
    }
  }

  it("does not flush sigmoid+MSE's tiny output gradient: at z = −700, y = 1 it is −2σ′(−700) ≈ −2e-304", () => {
    const z = new Float64Array([-700]);
    const [a, fp, d] = [new Float64Array(1), new Float64Array(1), new Float64Array(1)];
    headForward("sigmoid", z, a, fp, 1, 1);
    outputDelta("mse", z, a, fp, new Float64Array([1]), 1, 1, d);
    expect(Math.abs(d[0]! / (-2 * 9.85967654375977e-305) - 1)).toBeLessThan(1e-14);
  });

  it("every head is reachable from some loss", () => {
    for (const head of HEAD_NAMES) expect(LOSS_NAMES.some((l) => LOSS_HEADS[l].includes(head))).toBe(true);
  });
});

describe("fused activation kernels equal the scalar definitions bit for bit", () => {
  for (const name of ACTIVATION_NAMES) {
    it(name, () => {
      const alpha = name === "leaky-relu" ? 0.3 : name === "elu" ? 0.7 : undefined;
      const act = getActivation(name, alpha);
      const z = new Float64Array([...EXTREME, 0.5, -0.5, 3, -3, 1e-8, -1e-8]);
      const a = new Float64Array(z.length);
      const fp = new Float64Array(z.length);
      activationKernel(name, alpha)(z, a, fp, z.length);
      z.forEach((v, i) => {
        expect(Object.is(a[i], act.f(v)), `${name}(${v})`).toBe(true);
        expect(Object.is(fp[i], act.df(v)), `${name}′(${v})`).toBe(true);
      });
    });
  }
  it("sigmoid head equals the scalar sigmoid", () => {
    const z = new Float64Array([-800, -3, 0, 3, 800]);
    const a = new Float64Array(5);
    headForward("sigmoid", z, a, new Float64Array(5), 5, 1);
    z.forEach((v, i) => expect(a[i]).toBe(sigmoid(v)));
  });
});
