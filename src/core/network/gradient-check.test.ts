/** Finite-difference checks of backprop for every hidden activation × every head/loss pairing. */
import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, getActivation, type Activation, type ActivationName } from "../activations/activations.ts";
import { tanhDerivative } from "../activations/tanh.ts";
import { activationKernel, scalarKernel, type ActivationKernel } from "../activations/activation-kernels.ts";
import type { HeadName } from "./heads.ts";
import { createTrainer, lossAndGradient, readParameters, writeParameters } from "../index.ts";
import type { LossName } from "../losses/losses.ts";
import { Mlp } from "./mlp.ts";
import { createRng } from "../data/rng.ts";

/** Heads and losses, with their output widths (3 = one-hot / multi-label targets). */
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
const KINK = 1e-4;

interface Failure {
  index: number;
  analytic: number;
  numeric: number;
}

/**
 * Compares mlp's backprop gradient with central differences, h = 1e-6·max(1, |θ|). Points with any
 * pre-activation within 1e-4 of a kink (0) are dropped first. Returns the parameters that fail
 * |analytic − numeric| ≤ 1e-8 + 1e-5·|numeric|, and how many points were checked.
 */
function gradientCheck(mlp: Mlp, seed: number, head: HeadName, points = 6): { failures: Failure[]; used: number } {
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
    const nearKink = probe.z.some((z) => Array.from(z).some((v) => Math.abs(v) < KINK));
    if (nearKink) continue;
    xs.push(x0, x1);
    const cls = rng.int(Math.max(m, 2));
    for (let j = 0; j < m; j++) ys.push(m === 1 ? (cls === 1 ? 1 : head === "tanh" ? -1 : 0) : j === cls ? 1 : 0);
  }
  const ws = mlp.workspace(points);
  ws.x.set(xs);
  ws.y.set(ys);
  mlp.lossAndGradient(ws, points);
  const analytic = mlp.grads.slice();
  const lossAt = () => {
    mlp.forward(ws, points);
    return mlp.lossOf(ws, points);
  };
  const failures: Failure[] = [];
  for (let i = 0; i < mlp.params.length; i++) {
    const theta = mlp.params[i]!;
    const h = 1e-6 * Math.max(1, Math.abs(theta));
    mlp.params[i] = theta + h;
    const up = lossAt();
    mlp.params[i] = theta - h;
    const down = lossAt();
    mlp.params[i] = theta;
    const numeric = (up - down) / (2 * h);
    if (!(Math.abs(analytic[i]! - numeric) <= 1e-8 + 1e-5 * Math.abs(numeric)))
      failures.push({ index: i, analytic: analytic[i]!, numeric });
  }
  return { failures, used: points };
}

function build(hidden: Activation, kernel: ActivationKernel, head: HeadName, loss: LossName, m: number): Mlp {
  return new Mlp({ sizes: [2, 4, 3, m], hidden, hiddenKernel: kernel, head, loss });
}

describe("backprop matches central finite differences (float64)", () => {
  for (const name of ACTIVATION_NAMES) {
    for (const [head, loss, m] of PAIRS) {
      it(`hidden ${name} × head ${head} + ${loss} (${m} output${m > 1 ? "s" : ""})`, () => {
        const alpha = ALPHA[name];
        for (const seed of [1, 2, 3]) {
          const mlp = build(getActivation(name, alpha), activationKernel(name, alpha), head, loss, m);
          const { failures } = gradientCheck(mlp, seed * 101 + m, head);
          expect(failures, JSON.stringify(failures.slice(0, 3))).toEqual([]);
        }
      });
    }
  }

  it("catches a deliberately wrong derivative (tanh′ scaled by 1.5)", () => {
    const wrong: Activation = { name: "tanh", f: Math.tanh, df: (x) => 1.5 * tanhDerivative(x) };
    const mlp = build(wrong, scalarKernel(wrong), "sigmoid", "bce", 1);
    const { failures } = gradientCheck(mlp, 5, "sigmoid");
    expect(failures.length).toBeGreaterThan(0);
  });

  it("catches a derivative that is wrong by only 1e-3 relative", () => {
    const act = getActivation("sigmoid");
    const wrong: Activation = { name: "sigmoid", f: act.f, df: (x) => act.df(x) * 1.001 };
    const mlp = build(wrong, scalarKernel(wrong), "softmax", "cross-entropy", 3);
    expect(gradientCheck(mlp, 9, "softmax").failures.length).toBeGreaterThan(0);
  });

  it("the public lossAndGradient agrees with finite differences on a trainer's network", () => {
    const t = createTrainer({
      layers: [2, 5, 5, 3],
      hidden: "gelu",
      head: "softmax",
      loss: "cross-entropy",
      init: { kind: "xavier-normal", bias: 0.1 },
      optimizer: { kind: "sgd", lr: 0.1 },
      seeds: { data: 1, init: 2, batch: 3 },
      dataset: { kind: "blobs", n: 40, noise: 0.1, classes: 3, testFraction: 0.25 },
    });
    const { x, labels } = t.dataset.train;
    const grad = new Float64Array(readParameters(t).length);
    lossAndGradient(t, x, labels, grad);
    const theta = readParameters(t);
    for (let i = 0; i < theta.length; i++) {
      const h = 1e-6 * Math.max(1, Math.abs(theta[i]!));
      const p = theta.slice();
      p[i] = theta[i]! + h;
      writeParameters(t, p);
      const up = lossAndGradient(t, x, labels);
      p[i] = theta[i]! - h;
      writeParameters(t, p);
      const down = lossAndGradient(t, x, labels);
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(grad[i]! - numeric)).toBeLessThanOrEqual(1e-8 + 1e-5 * Math.abs(numeric));
    }
    writeParameters(t, theta);
  });
});
