/**
 * Finite-difference checks of float32 backprop for every hidden activation × every head/loss pairing. The loss
 * itself is computed in float32, so a central difference carries its rounding divided by the step: the step is
 * 2⁻⁷·max(1, |θ|) (exact in float32) and a gradient passes when |analytic − numeric| ≤ 5e-4·max|g| + 5e-3·|numeric|,
 * about 5 times the worst gap the correct derivatives show over these seeds, and 3 times smaller than the gap a
 * derivative 1 % off leaves (float64's check, gradient-check.test.ts, is 1e-8 + 1e-5·|numeric| at step 1e-6).
 */
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, type Activation, type ActivationName } from "../activations/activations.ts";
import { getActivation32 } from "../activations/activations32.ts";
import { activationKernel32, scalarKernel32 } from "../activations/activation-kernels32.ts";
import { createRng } from "../data/rng.ts";
import type { LossName } from "../losses/losses.ts";
import type { HeadName } from "./heads.ts";
import { Mlp } from "./mlp.ts";

const PAIRS: [HeadName, LossName, number][] = [
  ["identity", "mse", 1],
  ["sigmoid", "mse", 1],
  ["tanh", "mse", 1],
  ["step", "mse", 1],
  ["sigmoid", "bce", 1],
  ["identity", "bce-logits", 1],
  ["softmax", "cross-entropy", 3],
  ["identity", "mse", 3],
  ["sigmoid", "bce", 3],
  ["identity", "bce-logits", 3],
];
const ALPHA: Partial<Record<ActivationName, number>> = { "leaky-relu": 0.1, elu: 0.7 };
/** Points with a pre-activation this close to a kink are dropped: the step moves z by up to about 0.01. */
const KINK = 1e-2;

/** Parameters whose float32 backprop gradient misses the central difference of the float32 loss. */
function gradientCheck32(mlp: Mlp, seed: number, head: HeadName, points = 6): number[] {
  const rng = createRng(seed);
  for (let i = 0; i < mlp.params.length; i++) mlp.params[i] = 0.8 * rng.normal();
  const m = mlp.outputs;
  const probe = mlp.workspace(1);
  const xs: number[] = [];
  const ys: number[] = [];
  while (xs.length < 2 * points) {
    const x0 = 2 * rng.next() - 1;
    const x1 = 2 * rng.next() - 1;
    probe.x[0] = x0;
    probe.x[1] = x1;
    mlp.forward(probe, 1);
    if (probe.z.some((z) => Array.from(z).some((v) => Math.abs(v) < KINK))) continue;
    xs.push(x0, x1);
    const cls = rng.int(Math.max(m, 2));
    for (let j = 0; j < m; j++) ys.push(m === 1 ? (cls === 1 ? 1 : head === "tanh" ? -1 : 0) : j === cls ? 1 : 0);
  }
  const ws = mlp.workspace(points);
  ws.x.set(xs);
  ws.y.set(ys);
  mlp.lossAndGradient(ws, points);
  const analytic = Float64Array.from(mlp.grads);
  const largest = Math.max(...analytic.map(Math.abs));
  const lossAt = (i: number, theta: number): [number, number] => {
    mlp.params[i] = theta;
    mlp.forward(ws, points);
    return [mlp.lossOf(ws, points), mlp.params[i]!];
  };
  const failures: number[] = [];
  for (let i = 0; i < mlp.params.length; i++) {
    const theta = mlp.params[i]!;
    const h = 2 ** -7 * Math.max(1, Math.abs(theta));
    const [up, hi] = lossAt(i, theta + h);
    const [down, lo] = lossAt(i, theta - h);
    mlp.params[i] = theta;
    const numeric = (up - down) / (hi - lo);
    if (!(Math.abs(analytic[i]! - numeric) <= 5e-4 * largest + 5e-3 * Math.abs(numeric))) failures.push(i);
  }
  return failures;
}

function build32(
  hidden: Activation,
  kernel: ReturnType<typeof activationKernel32>,
  head: HeadName,
  loss: LossName,
  m: number,
) {
  return new Mlp({ sizes: [2, 4, 3, m], hidden, hiddenKernel: kernel, head, loss, precision: "float32" });
}

describe("float32 backprop matches central finite differences of the float32 loss", () => {
  for (const name of ACTIVATION_NAMES)
    for (const [head, loss, m] of PAIRS)
      it(`hidden ${name} × head ${head} + ${loss} (${m} output${m > 1 ? "s" : ""})`, () => {
        const alpha = ALPHA[name];
        for (const seed of [1, 2, 3]) {
          const mlp = build32(getActivation32(name, alpha), activationKernel32(name, alpha), head, loss, m);
          expect(mlp.params).toBeInstanceOf(Float32Array);
          expect(gradientCheck32(mlp, seed * 101 + m, head)).toEqual([]);
        }
      });

  it("catches a float32 derivative that is wrong by 1 % (tanh′ scaled by 1.01)", () => {
    const tanh = getActivation32("tanh");
    const wrong: Activation = { name: "tanh", f: tanh.f, df: (x) => Math.fround(1.01 * tanh.df(x)) };
    const mlp = build32(wrong, scalarKernel32(wrong), "sigmoid", "bce", 1);
    expect(gradientCheck32(mlp, 5, "sigmoid").length).toBeGreaterThan(0);
  });
});
