/**
 * Claim tests for the backpropagation primer of "Vanishing gradients" (content/lessons/03-vanishing-gradients):
 * a 2 → 2 → 2 → 1 network with sigmoid hidden units and a sigmoid output with BCE, on one example. Every number of
 * the lesson's two tables is checked against the core's own forward and backward pass (createTrainer with layers
 * [2, 2, 2, 1], writeParameters, lossAndGradient), and found in the lesson's text as it prints it (4 decimals).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { backpropByHand, PRIMER, primerPass, primerTrainer } from "../../figures/lessons/vanishing-gradients.ts";
import { lossAndGradient, readLayer, readParameters, sigmoid, sigmoidDerivative, writeParameters } from "../index.ts";

const LESSON = readFileSync(
  new URL("../../../content/lessons/03-vanishing-gradients/index.mdx", import.meta.url),
  "utf8",
);
const pass = primerPass();
const x = Float64Array.from(PRIMER.x);

/** v as the lesson's tables print it: 4 decimals, a typographic minus. */
const print = (v: number, digits = 4): string => v.toFixed(digits).replace("-", "−");
/** A row vector as the lesson prints it: (a, b). */
const row = (v: readonly number[]): string => `(${v.map((e) => print(e)).join(", ")})`;

/** The core's loss and flat gradient [W₁, b₁, W₂, b₂, W₃, b₃] at the primer's weights, for class y. */
function coreGradient(y: number): { loss: number; grad: Float64Array } {
  const t = primerTrainer();
  const grad = new Float64Array(readParameters(t).length);
  return { loss: lossAndGradient(t, x, Int32Array.of(y), grad), grad };
}

/** δ_l = (δ_(l+1)·W_(l+1)ᵀ) ⊙ σ′(z_l), with W row-major as inputs × outputs. */
function backOne(next: readonly number[], W: readonly (readonly number[])[], z: readonly number[]): number[] {
  return z.map((zi, i) => next.reduce((s, d, j) => s + d * W[i]![j]!, 0) * sigmoidDerivative(zi));
}

describe("Backpropagation by hand", () => {
  it("the trainer holds the lesson's weights: W₁ = [[0.5, −0.3], [0.8, 0.2]], b₁ = (0.1, 0.2), W₂ = [[1, −0.5], [−1, 0.5]], W₃ = [1.5, −1]ᵀ, b₂ = 0, b₃ = 0", () => {
    const t = primerTrainer();
    PRIMER.W.forEach((W, l) => {
      const layer = readLayer(t, l);
      expect(Array.from(layer.W)).toEqual(W.flat());
      expect(Array.from(layer.b)).toEqual([...PRIMER.b[l]!]);
    });
  });

  it("forward: z₁ = (1.0000, 0.0000), a₁ = (0.7311, 0.5000), z₂ = (0.2311, −0.1155), a₂ = (0.5575, 0.4711), z₃ = 0.3651, p = 0.5903, and the σ′ column", () => {
    expect(pass.z[0]![0]).toBeCloseTo(1, 15);
    expect(pass.z[0]![1]).toBeCloseTo(0, 15);
    const table = [
      `| 1 | ${row(pass.z[0]!)} | ${row(pass.a[0]!)} | ${row(pass.slope[0]!)} |`,
      `| 2 | ${row(pass.z[1]!)} | ${row(pass.a[1]!)} | ${row(pass.slope[1]!)} |`,
      `| 3 (output) | ${print(pass.z[2]![0]!)} | p = ${print(pass.a[2]![0]!)} | — |`,
    ];
    for (const line of table) expect(LESSON).toContain(line);
    expect(print(pass.a[2]![0]!)).toBe("0.5903");
  });

  it("the network gives the true class 0.5903, so L = −ln 0.5903 = 0.5272: the core's loss of the same weights", () => {
    const { loss } = coreGradient(1);
    expect(loss).toBeCloseTo(-Math.log(pass.a[2]![0]!), 14);
    expect(print(loss)).toBe("0.5272");
    expect(LESSON).toContain("$L = -\\ln 0.5903 = 0.5272$");
  });

  it("unit 1 of layer 1: z = 1 · 0.5 + 0.5 · 0.8 + 0.1 = 1 and a = σ(1) = 0.7311", () => {
    expect(1 * 0.5 + 0.5 * 0.8 + 0.1).toBeCloseTo(1, 15);
    expect(print(sigmoid(1))).toBe("0.7311");
  });

  it("δ₃ = −(1/p) · p(1 − p) = p − 1 = −0.4097: the core's output δ (the gradient of b₃)", () => {
    const { grad } = coreGradient(1);
    const p = pass.a[2]![0]!;
    expect(grad.at(-1)).toBeCloseTo(p - 1, 14);
    expect(-(1 / p) * p * (1 - p)).toBeCloseTo(p - 1, 14);
    expect(pass.delta[2]![0]).toBe(grad.at(-1));
    expect(LESSON).toContain(`= p - 1 = ${print(p - 1).replace("−", "-")} .`);
  });

  it("∂L/∂W₃ = a₂ᵢ δ₃: 0.5575 · (−0.4097) = −0.2284 and 0.4711 · (−0.4097) = −0.1930", () => {
    const d3 = pass.delta[2]![0]!;
    pass.a[1]!.forEach((ai, i) => expect(pass.dW[2]![i]![0]).toBeCloseTo(ai * d3, 15));
    const sentence =
      `$${print(pass.a[1]![0]!)} \\cdot (${print(d3)}) = ${print(pass.dW[2]![0]![0]!)}$ and\n` +
      `$${print(pass.a[1]![1]!)} \\cdot (${print(d3)}) = ${print(pass.dW[2]![1]![0]!)}$`;
    expect(LESSON).toContain(sentence.replace(/−/g, "-"));
  });

  it("one layer back: δ₂ = (−0.4097 · 1.5 · 0.2467, −0.4097 · (−1) · 0.2492) = (−0.1516, 0.1021), the core's δ₂", () => {
    const d2 = backOne(pass.delta[2]!, PRIMER.W[2]!, pass.z[1]!);
    d2.forEach((d, i) => expect(pass.delta[1]![i]).toBeCloseTo(d, 15));
    expect(row(d2)).toBe("(−0.1516, 0.1021)");
    expect(print(pass.slope[1]![0]!)).toBe("0.2467");
    expect(print(pass.slope[1]![1]!)).toBe("0.2492");
    const [d3, [s1, s2]] = [print(pass.delta[2]![0]!), pass.slope[1]!.map((v) => print(v))];
    const sentence = `$\\delta_{2,1} = ${d3} \\cdot 1.5 \\cdot ${s1} = ${print(d2[0]!)}$ and\n$\\delta_{2,2} = ${d3} \\cdot (-1) \\cdot ${s2} = ${print(d2[1]!)}$`;
    expect(LESSON).toContain(sentence.replace(/−/g, "-"));
  });

  it("two layers back, summing the two paths: δ₁ = (−0.0398, 0.0507), the core's δ₁", () => {
    const d1 = backOne(pass.delta[1]!, PRIMER.W[1]!, pass.z[0]!);
    d1.forEach((d, i) => expect(pass.delta[0]![i]).toBeCloseTo(d, 15));
    expect(row(d1)).toBe("(−0.0398, 0.0507)");
    const unit1 =
      (pass.delta[1]![0]! * PRIMER.W[1]![0]![0]! + pass.delta[1]![1]! * PRIMER.W[1]![0]![1]!) * pass.slope[0]![0]!;
    expect(unit1).toBeCloseTo(pass.delta[0]![0]!, 15);
    const sentence =
      `which for unit 1 is $(${print(pass.delta[1]![0]!)} \\cdot 1 + ${print(pass.delta[1]![1]!)} \\cdot (-0.5)) \\cdot ` +
      `${print(pass.slope[0]![0]!)} = ${print(unit1)}$, and for both units\ngives $\\delta_1 = ${row(d1).replace(", ", ",\\ ")}$`;
    expect(LESSON).toContain(sentence.replace(/−/g, "-"));
  });

  it("every ∂L/∂W_l,ij = a_(l−1),i · δ_l,j and ∂L/∂b_l = δ_l, as the backward table lists them", () => {
    const inputs = [[...PRIMER.x], pass.a[0]!, pass.a[1]!];
    pass.dW.forEach((dW, l) =>
      dW.forEach((r, i) => r.forEach((g, j) => expect(g).toBeCloseTo(inputs[l]![i]! * pass.delta[l]![j]!, 15))),
    );
    const cells = (dW: number[][]) => dW.map((r) => row(r)).join(", ");
    const d = (l: number) => (pass.delta[l]!.length === 1 ? print(pass.delta[l]![0]!) : row(pass.delta[l]!));
    for (const [l, name] of [
      [2, "3"],
      [1, "2"],
      [0, "1"],
    ] as const) {
      expect(LESSON).toContain(`| ${name} | ${d(l)} | ${cells(pass.dW[l]!)} |`);
    }
  });

  it("check it: raising W₁,₁₁ from 0.5 to 0.51 changes L from 0.52716 to 0.52676, a change of −0.00040 ≈ 0.01 · (−0.0398)", () => {
    const t = primerTrainer();
    const theta = readParameters(t);
    const before = lossAndGradient(t, x, Int32Array.of(1));
    theta[0] = 0.51;
    writeParameters(t, theta);
    const after = lossAndGradient(t, x, Int32Array.of(1));
    expect(print(before, 5)).toBe("0.52716");
    expect(print(after, 5)).toBe("0.52676");
    expect(print(after - before, 5)).toBe("−0.00040");
    expect(print(0.01 * pass.dW[0]![0]![0]!, 5)).toBe("−0.00040");
    expect(Math.abs(after - before - 0.01 * pass.dW[0]![0]![0]!)).toBeLessThan(2e-6);
  });

  it("the gradient of W₃ has norm 0.30, that of W₂ 0.16, that of W₁ 0.072: each layer back about halves it", () => {
    const norm = (m: number[][]) => Math.sqrt(m.flat().reduce((s, v) => s + v * v, 0));
    const [n1, n2, n3] = pass.dW.map(norm);
    expect(n3!.toFixed(2)).toBe("0.30");
    expect(n2!.toFixed(2)).toBe("0.16");
    expect(n1!.toFixed(3)).toBe("0.072");
    for (const r of [n2! / n3!, n1! / n2!]) {
      expect(r).toBeGreaterThan(0.4);
      expect(r).toBeLessThan(0.6);
    }
  });

  it("exercise 1: with y = 0, δ₃ = 0.5903, δ₂ = (0.2184, −0.1471), δ₁ = (0.0574, −0.0730), each the y = 1 value times −0.5903/0.4097", () => {
    const { grad } = coreGradient(0);
    // The flat gradient: W₁ (4), b₁ (2), W₂ (4), b₂ (2), W₃ (2), b₃ (1); the biases' gradients are the δs.
    const [d1, d2, d3] = [Array.from(grad.subarray(4, 6)), Array.from(grad.subarray(10, 12)), [grad[14]!]];
    expect(print(d3[0]!)).toBe("0.5903");
    expect(row(d2)).toBe("(0.2184, −0.1471)");
    expect(row(d1)).toBe("(0.0574, −0.0730)");
    const k = pass.a[2]![0]! / (pass.a[2]![0]! - 1);
    [d1, d2, d3].forEach((d, l) => d.forEach((v, j) => expect(v).toBeCloseTo(k * pass.delta[l]![j]!, 14)));
  });

  it("the figure draws the core's numbers, and its worked wire is 0.558 × (−0.41) = −0.228", () => {
    const chart = backpropByHand.build();
    for (const [name, w, start, delta, grad] of chart.table.rows as [string, number, number, number, number][]) {
      expect(grad).toBeCloseTo(start * delta, 15);
      expect(typeof name).toBe("string");
      expect(Number.isFinite(w)).toBe(true);
    }
    expect(chart.table.rows).toHaveLength(10);
    expect(backpropByHand.caption).toContain("0.558 × (−0.41) = −0.228");
    expect(chart.body).toContain("δ = −0.0398");
  });
});
