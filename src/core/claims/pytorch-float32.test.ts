/**
 * The core's float32 mode computes as PyTorch computes by default: its float32 activations, losses and output
 * gradients give the numbers real torch gave in float32 (pytorch-facts.json, computed by scripts/pytorch-facts.py),
 * bit for bit, except where a test below names the difference and says why. And a float32 trainer shows the
 * float32 effects the course teaches, live: a saturated sigmoid under BCELoss stops learning.
 */
import { describe, expect, it } from "vitest";
import {
  createTrainer,
  outputGradientParts,
  readParameters,
  type ActivationName,
  type TrainerConfig,
} from "../index.ts";
import { getActivation32, sigmoid32 } from "../activations/activations32.ts";
import { binaryCrossEntropy32, binaryCrossEntropyWithLogits32, lossInto32 } from "../losses/losses32.ts";
import { lossGradientWrtOutput32, outputDelta32 } from "../losses/output-gradient32.ts";
import { softmaxRows32 } from "../losses/softmax32.ts";
import { Optimizer } from "../training/optimizers.ts";
import facts from "./pytorch-facts.json" with { type: "json" };

const grid = facts.activations.z.float32;

/** The gap between x and the next float32 away from zero (the smallest subnormal at 0). */
function ulp32(x: number): number {
  const a = Math.abs(x);
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/** One output row through the float32 output layer: [loss, δ = ∂L/∂z] for a head, loss and target. */
function outputLayer32(
  head: "sigmoid" | "identity",
  loss: "mse" | "bce" | "bce-logits",
  z: number,
  y: number,
): [number, number] {
  const zs = Float32Array.of(z);
  const a = new Float32Array(1);
  const fp = new Float32Array(1);
  if (head === "sigmoid") {
    a[0] = sigmoid32(z);
    fp[0] = Math.fround(Math.fround(1 - a[0]!) * a[0]!);
  } else [a[0], fp[0]] = [z, 1];
  const ys = Float32Array.of(y);
  const out = new Float32Array(1);
  const d = new Float32Array(1);
  lossInto32(loss, zs, a, ys, 1, 1, out, 0);
  outputDelta32(loss, head, zs, a, fp, ys, 1, 1, d);
  return [out[0]!, d[0]!];
}

describe("float32 activations give torch's float32 numbers", () => {
  for (const entry of facts.activations.functions) {
    if (entry.name === "gelu") continue;
    it(`${entry.torch}: f and autograd's f′ on the grid, batched, bit for bit`, () => {
      const act = getActivation32(entry.name as ActivationName, entry.alpha ?? undefined);
      grid.forEach((z, i) => {
        expect(Object.is(act.f(z), entry.float32.f[i]), `f(${z}) = ${act.f(z)}, torch ${entry.float32.f[i]}`).toBe(
          true,
        );
        expect(Object.is(act.df(z), entry.float32.df[i]), `f′(${z}) = ${act.df(z)}, torch ${entry.float32.df[i]}`).toBe(
          true,
        );
      });
    });
  }

  it("tanh′ is 1 − tanh² rounded once, as PyTorch's compiled kernel fuses it: rounding tanh² first is 566 ulps off at z = 5", () => {
    const t = Math.fround(Math.tanh(5));
    const torch = facts.activations.functions.find((f) => f.name === "tanh")!.float32.df[grid.indexOf(5)]!;
    expect(getActivation32("tanh").df(5)).toBe(torch);
    expect(Math.round((Math.fround(1 - Math.fround(t * t)) - torch) / ulp32(torch))).toBe(566);
  });

  it("GELU (approximate=\"none\") equals torch's one-element results; a batch differs where torch's vectorised erf approximates", () => {
    // torch evaluates erf with std::erf for a one-element tensor and with its own vectorised approximation for a
    // batch (the fixture records both). The core evaluates erf to float64 accuracy and rounds once, as std::erf
    // does, so it agrees with the one-element path at every grid point; the batch's erf is off in its last bits,
    // which 1 + erf(x/√2) magnifies where erf is near −1: at z = −5 torch's batch gives −1.19e-6 for −1.43e-6.
    const entry = facts.activations.functions.find((f) => f.name === "gelu")!;
    const gelu = getActivation32("gelu");
    const single = new Map(entry.float32.one_element_differs.map((d) => [d.z, d] as const));
    grid.forEach((z, i) => {
      const want = single.get(z) ?? { f: entry.float32.f[i]!, df: entry.float32.df[i]! };
      expect(Object.is(gelu.f(z), want.f), `f(${z})`).toBe(true);
      expect(Object.is(gelu.df(z), want.df), `f′(${z})`).toBe(true);
    });
    expect(single.size).toBeGreaterThan(0);
    const at = grid.indexOf(-5);
    expect(Math.abs(entry.float32.f[at]! - gelu.f(-5)) / ulp32(gelu.f(-5))).toBeGreaterThan(1000);
  });

  it("σ rounds to 0 and 1, with a zero gradient, at the very floats where torch's does", () => {
    const sigmoid = getActivation32("sigmoid");
    for (const p of Object.values(facts.sigmoid.float32))
      expect([sigmoid.f(p.z), sigmoid.df(p.z)]).toEqual([p.value, p.grad]);
    const s = facts.saturation_gradients;
    s.sigmoid.z.forEach((z, i) => expect(sigmoid.df(z)).toBe(s.sigmoid.float32[i]));
    s.tanh.z.forEach((z, i) => expect(getActivation32("tanh").df(z)).toBe(s.tanh.float32[i]));
  });

  it("tanh reaches ±1 (and tanh′ 0) 77 floats after torch's: the core's tanh is correctly rounded, torch's vectorised one rounds up early", () => {
    // From |z| = 9.0108404 torch gives ±1; the true tanh there is 1 − 2.1e-8, nearer 1 − 2⁻²⁴ (0.99999994) than 1
    // until |z| = 9.0109138, where the core's float32 tanh turns to 1. Either way tanh′ is exactly 0 from |z| ≈ 9.01.
    const tanh = getActivation32("tanh");
    const t = facts.tanh.float32;
    expect([tanh.f(t.last_below_one.z), tanh.f(t.first_above_minus_one.z)]).toEqual([
      t.last_below_one.value,
      t.first_above_minus_one.value,
    ]);
    expect(tanh.f(t.first_one.z)).toBe(1 - 2 ** -24);
    const bits = new Uint32Array(Float32Array.of(t.first_one.z).buffer);
    const after = (k: number) => new Float32Array(Uint32Array.of(bits[0]! + k).buffer)[0]!;
    expect([tanh.f(after(76)), tanh.f(after(77)), tanh.df(after(77)), tanh.f(-after(77))]).toEqual([
      1 - 2 ** -24,
      1,
      0,
      -1,
    ]);
  });
});

describe("float32 losses and output gradients give torch's float32 numbers", () => {
  it("every loss on its fixed inputs (reduction mean), bit for bit", () => {
    for (const entry of facts.losses) {
      const n = entry.n;
      const m = entry.m;
      const z = Float32Array.from(entry.input);
      const y = Float32Array.from(entry.target);
      const out = new Float32Array(1);
      lossInto32(entry.name as "mse", z, z, y, n, m, out, 0);
      expect(out[0], `${entry.torch} with ${entry.target_kind}`).toBe(entry.float32);
    }
  });

  it("BCELoss: logs clamped at −100, and ∂L/∂p = (p − y)/max((1 − p)p, 1e-12) in float32", () => {
    for (const c of facts.bce_loss.float32.cases) {
      const [p, y, out, dLda] = [Float32Array.of(c.p), Float32Array.of(c.y), new Float32Array(1), new Float32Array(1)];
      lossInto32("bce", p, p, y, 1, 1, out, 0);
      lossGradientWrtOutput32("bce", p, p, y, 1, 1, dLda);
      expect([out[0], dLda[0]], `p = ${c.p}, y = ${c.y}`).toEqual([c.loss, c.grad_p]);
    }
    // The element itself is −0 at p = y = 1 ((y − 1)·(−100) − 1·0); the mean, summed from +0, is +0 as torch's is.
    expect(Object.is(binaryCrossEntropy32(1, 1), -0)).toBe(true);
  });

  it("sigmoid then BCELoss is chained as autograd chains it (no fusing), so far-off logits lose their gradient; BCEWithLogitsLoss keeps it", () => {
    for (const c of facts.sigmoid_bce.float32.cases) {
      expect(outputLayer32("sigmoid", "bce", c.z, c.y), `σ then BCE at z = ${c.z}`).toEqual([
        c.sigmoid_bce.loss,
        c.sigmoid_bce.grad_z,
      ]);
      expect(outputLayer32("identity", "bce-logits", c.z, c.y), `BCE with logits at z = ${c.z}`).toEqual([
        c.bce_with_logits.loss,
        c.bce_with_logits.grad_z,
      ]);
    }
    for (const c of facts.bce_with_logits.float32) {
      const loss = binaryCrossEntropyWithLogits32(c.z, c.y);
      expect(outputLayer32("identity", "bce-logits", c.z, c.y)[1], `gradient at z = ${c.z}, y = ${c.y}`).toBe(c.grad_z);
      if (c.z === 100 && c.y === 1) {
        // log1p(e^(−100)) is subnormal in float32: e^(−100) = 3.72e-44 is 26.5 steps of 2⁻¹⁴⁹, which the core rounds
        // to 27 and torch's vectorised exp, less careful below the normal range, to 28: one subnormal step apart.
        expect([loss / 2 ** -149, c.loss / 2 ** -149]).toEqual([27, 28]);
      } else expect(loss, `loss at z = ${c.z}, y = ${c.y}`).toBe(c.loss);
    }
  });

  it("sigmoid then MSELoss or BCELoss at z = 20 on class 0, where σ is exactly 1: torch's loss (1, and BCELoss's clamp, 100) and its ∂L/∂z, exactly 0, bit for bit", () => {
    const top = facts.sigmoid_flat_top;
    expect(sigmoid32(top.z)).toBe(1);
    expect(outputLayer32("sigmoid", "mse", top.z, top.y)).toEqual([
      top.float32.sigmoid_mse.loss,
      top.float32.sigmoid_mse.grad_z,
    ]);
    expect(outputLayer32("sigmoid", "bce", top.z, top.y)).toEqual([
      top.float32.sigmoid_bce.loss,
      top.float32.sigmoid_bce.grad_z,
    ]);
    expect([top.float32.sigmoid_mse.grad_z, top.float32.sigmoid_bce.grad_z]).toEqual([0, 0]);
  });

  it("CrossEntropyLoss on logits: the loss and softmax bit for bit; the gradient within 1 ulp (torch takes it from the log-softmax)", () => {
    // The core's float32 δ is (p − y)/n from the softmax it has; torch's is exp(log_softmax) − y from its
    // backward, and exp(log p) rounds differently from p in the last bit (0.098565899 against 0.098565891 here).
    const c = facts.cross_entropy;
    const z = Float32Array.from(c.logits);
    const y = Float32Array.from(c.logits, (_, j) => +(j === c.target));
    const p = new Float32Array(3);
    softmaxRows32(z, p, 1, 3);
    const out = new Float32Array(1);
    const d = new Float32Array(3);
    lossInto32("cross-entropy", z, p, y, 1, 3, out, 0);
    outputDelta32("cross-entropy", "softmax", z, p, new Float32Array(3), y, 1, 3, d);
    expect(out[0]).toBe(c.float32.on_logits.loss);
    expect(Array.from(p)).toEqual(c.float32.on_logits.softmax);
    c.float32.on_logits.grad.forEach((g, j) => expect(Math.abs(d[j]! - g)).toBeLessThanOrEqual(ulp32(g)));
    expect(d[2]).not.toBe(c.float32.on_logits.grad[2]);
  });
});

describe("float32 optimisers take torch.optim's steps", () => {
  for (const c of facts.optimizers.cases)
    it(`${c.kind} (torch.optim.${c.torch}): three steps from the same θ and gradients give torch's θ bit for bit`, () => {
      const opt = new Optimizer({ kind: c.kind as "sgd", ...c.config }, facts.optimizers.theta.length, "float32");
      const theta = Float32Array.from(facts.optimizers.theta);
      c.float32.forEach((want, step) => {
        expect(opt.step(theta, Float32Array.from(facts.optimizers.grads[step]!))).toBe(true);
        expect(Array.from(theta), `after step ${step + 1}`).toEqual(want);
      });
    });
});

describe("a float32 trainer shows the float32 effects live", () => {
  /** One sigmoid unit with BCELoss, every weight 0 and the bias at 20: σ = 1 in float32, confidently wrong on class 0. */
  const saturated = (precision: "float32" | "float64"): TrainerConfig => ({
    layers: [2, 1],
    hidden: "identity",
    head: "sigmoid",
    loss: "bce",
    init: { kind: "constant", scale: 0, bias: 20 },
    optimizer: { kind: "sgd", lr: 0.5 },
    seeds: { data: 1, init: 2, batch: 3 },
    dataset: { kind: "xor", n: 40, noise: 0.1, testFraction: 0 },
    precision,
  });

  it("a sigmoid saturated at σ = 1 under BCELoss gets a zero gradient and never moves in float32, but learns in float64", () => {
    const f32 = createTrainer(saturated("float32"));
    const f64 = createTrainer(saturated("float64"));
    expect(f32.precision).toBe("float32");
    const [before32, before64] = [readParameters(f32), readParameters(f64)];
    f32.step(50);
    f64.step(50);
    expect(readParameters(f32)).toEqual(before32);
    expect(f32.lastLoss).toBe(50); // half the points are class 0: each costs the clamp, 100
    expect(readParameters(f64)).not.toEqual(before64);
    const n = f32.dataset.train.n;
    const [dLda, dadz, dLdz] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    outputGradientParts(f32, dLda, dadz, dLdz);
    expect(dadz.every((v) => v === 0)).toBe(true);
    expect(dLdz.every((v) => v === 0)).toBe(true);
    expect(Math.max(...dLda)).toBeGreaterThan(1e9); // ∂L/∂p hits BCELoss's 1e-12 floor; σ′ = 0 cancels it
  });
});
