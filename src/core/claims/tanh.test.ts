/**
 * Claim tests for the lesson "Tanh" (content/lessons/04-tanh). Each test name quotes the lesson's
 * sentence; the numbers are computed with the core's public API.
 */
import { describe, expect, it } from "vitest";
import { createTrainer, getActivation, sigmoid, sigmoidDerivative, tanhDerivative, type Trainer } from "../index.ts";

const tanh = getActivation("tanh");

/**
 * The vanishing-gradients lab with the lesson's preset (labs/vanishing-gradients/settings.ts, sessionSpec):
 * ten hidden layers of 16, Xavier-normal weights, sigmoid output with BCE, SGD at 0.1 on minibatches of 32,
 * circles (300 points, noise 0.1, a quarter held out), seeds data s, init s + 1, batch s + 2.
 */
function labTrainer(hidden: "tanh" | "sigmoid", seed: number): Trainer {
  return createTrainer(
    {
      layers: [2, ...Array<number>(10).fill(16), 1],
      hidden,
      head: "sigmoid",
      loss: "bce",
      init: { kind: "xavier-normal", scale: 1 },
      optimizer: { kind: "sgd", lr: 0.1 },
      batchSize: 32,
      seeds: { data: seed, init: seed + 1, batch: seed + 2 },
      dataset: { kind: "circles", n: 300, noise: 0.1, testFraction: 0.25 },
    },
    { every: 1, saturationThreshold: 0.05, histogramBins: 0 },
  );
}

/** The lab opens after this many steps. */
const WARMUP = 25;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * ‖∂L/∂W‖ of the last layer over the first's: at initialisation, and as the lab opens (each layer's norm
 * averaged over the last 16 history rows, one row at step 0 and one per step, as the lab's bars are).
 */
function ratios(hidden: "tanh" | "sigmoid", seed: number): number[] {
  const t = labTrainer(hidden, seed);
  t.evaluate();
  const rows: number[][] = [t.diagnostics.layers.map((l) => l.gradNormW)];
  for (let k = 0; k < WARMUP; k++) {
    t.step(1);
    rows.push(t.diagnostics.layers.map((l) => l.gradNormW));
  }
  const last = rows[0]!.length - 1;
  const recent = rows.slice(-16);
  const mean = (l: number): number => recent.reduce((sum, row) => sum + row[l]!, 0) / recent.length;
  return [rows[0]![last]! / rows[0]![0]!, mean(last) / mean(0)];
}

/** Geometric mean over the hidden layers of mean|δ_l| / mean|δ_(l+1)| at initialisation: the shrink per step backwards. */
function shrinkPerLayer(hidden: "tanh" | "sigmoid"): number {
  const t = labTrainer(hidden, 1);
  t.evaluate();
  const d = t.diagnostics.layers.map((l) => l.meanAbsDelta);
  const perLayer = d.slice(1, 10).map((v, l) => v / d[l]!);
  return Math.exp(perLayer.reduce((s, r) => s + Math.log(r), 0) / perLayer.length);
}

/** Points on [lo, hi] every h. */
function grid(lo: number, hi: number, h: number): number[] {
  const out: number[] = [];
  for (let x = lo; x <= hi + 1e-12; x += h) out.push(x);
  return out;
}

/** The x ≥ 0 where a decreasing f crosses level, by bisection on [0, hi]. */
function crossing(f: (x: number) => number, level: number, hi = 10): number {
  let lo = 0;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > level) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe("Tanh", () => {
  it("tanh(x) = 2σ(2x) − 1", () => {
    for (const x of grid(-8, 8, 0.25)) expect(tanh.f(x)).toBeCloseTo(2 * sigmoid(2 * x) - 1, 14);
  });

  it("the range (−1, 1) instead of (0, 1); tanh(0) = 0, and tanh(−x) = −tanh(x)", () => {
    expect(tanh.f(0)).toBe(0);
    for (const x of grid(-15, 15, 0.5)) {
      expect(Math.abs(tanh.f(x))).toBeLessThan(1);
      expect(tanh.f(-x)).toBe(-tanh.f(x));
    }
  });

  it("tanh′(x) = 4σ′(2x) = 1 − tanh²(x) = sech²(x)", () => {
    for (const x of grid(-6, 6, 0.25)) {
      expect(tanhDerivative(x)).toBeCloseTo(4 * sigmoidDerivative(2 * x), 14);
      expect(tanhDerivative(x)).toBeCloseTo(1 - Math.tanh(x) ** 2, 14);
      expect(tanhDerivative(x)).toBeCloseTo(1 / Math.cosh(x) ** 2, 14);
      expect(tanh.df(x)).toBe(tanhDerivative(x));
    }
  });

  it("tanh′(x) ≤ 1, with the maximum tanh′(0) = 1 — four times the sigmoid's 1/4", () => {
    expect(tanhDerivative(0)).toBe(1);
    expect(tanhDerivative(0) / sigmoidDerivative(0)).toBe(4);
    for (const x of grid(-10, 10, 0.01)) if (Math.abs(x) > 1e-9) expect(tanhDerivative(x)).toBeLessThan(1);
  });

  it("at x = 2 the sigmoid is steeper: σ′(2) ≈ 0.105 against tanh′(2) ≈ 0.071; at x = 0.5 tanh is: 0.786 against 0.235", () => {
    expect(sigmoidDerivative(2)).toBeCloseTo(0.105, 3);
    expect(tanhDerivative(2)).toBeCloseTo(0.071, 3);
    expect(tanhDerivative(0.5)).toBeCloseTo(0.786, 3);
    expect(sigmoidDerivative(0.5)).toBeCloseTo(0.235, 3);
  });

  it("tanh's slope is the larger one only for |x| < 1.66 or so", () => {
    const cross = crossing((x) => tanhDerivative(x) - sigmoidDerivative(x), 0);
    expect(cross).toBeCloseTo(1.66, 2);
    for (const x of grid(0, 1.65, 0.05)) expect(tanhDerivative(x)).toBeGreaterThan(sigmoidDerivative(x));
    for (const x of grid(1.67, 20, 0.05)) expect(tanhDerivative(x)).toBeLessThan(sigmoidDerivative(x));
  });

  it("the table: tanh and its slope against σ′ at x = 0, 0.5, 1, 2, 3, 5", () => {
    // [x, tanh(x), tanh′(x), σ′(x), decimals as printed for tanh′ and σ′]
    const rows: [x: number, t: number, dt: number, ds: number, dtDigits: number, dsDigits: number][] = [
      [0, 0, 1, 0.25, 3, 3],
      [0.5, 0.462, 0.786, 0.235, 3, 3],
      [1, 0.762, 0.42, 0.197, 3, 3],
      [2, 0.964, 0.0707, 0.105, 4, 3],
      [3, 0.995, 0.0099, 0.045, 4, 3],
      [5, 0.99991, 0.00018, 0.0066, 5, 4],
    ];
    for (const [x, t, dt, ds, dtDigits, dsDigits] of rows) {
      expect(Math.tanh(x)).toBeCloseTo(t, x === 5 ? 5 : 3);
      expect(tanhDerivative(x)).toBeCloseTo(dt, dtDigits);
      expect(sigmoidDerivative(x)).toBeCloseTo(ds, dsDigits);
    }
  });

  it("below 0.1, tanh is responsive for |x| ≲ 1.82, the sigmoid for |x| ≲ 2.06; below 0.01, tanh for |x| ≲ 2.99, the sigmoid for |x| ≲ 4.58", () => {
    expect(crossing(tanhDerivative, 0.1)).toBeCloseTo(1.82, 2);
    expect(crossing(sigmoidDerivative, 0.1)).toBeCloseTo(2.06, 2);
    expect(crossing(tanhDerivative, 0.01)).toBeCloseTo(2.99, 2);
    expect(crossing(sigmoidDerivative, 0.01)).toBeCloseTo(4.58, 2);
  });

  it("with Xavier initialisation, near the centre that leaves tanh a factor of about 1 per layer, and the sigmoid about 1/4; over ten layers the difference is 4¹⁰ ≈ 10⁶", () => {
    const t = shrinkPerLayer("tanh");
    expect(t).toBeGreaterThan(0.8);
    expect(t).toBeLessThan(1.25);
    const s = shrinkPerLayer("sigmoid");
    expect(s).toBeGreaterThan(3.5);
    expect(s).toBeLessThan(5);
    expect(4 ** 10).toBeCloseTo(1e6, -5);
  });

  it("with tanh and Xavier weights the first layer's gradient is within a factor of 10 of the last layer's, where the sigmoid's was more than 10⁴ times smaller", () => {
    for (const seed of SEEDS) {
      for (const r of ratios("tanh", seed)) {
        expect(r).toBeLessThan(10);
        expect(r).toBeGreaterThan(0.1);
      }
      for (const r of ratios("sigmoid", seed)) expect(r).toBeGreaterThan(1e4);
    }
  }, 120_000);

  it("in ten saturated layers with z = 2 each, the slopes alone multiply to 0.0707¹⁰ ≈ 3×10⁻¹²", () => {
    const product = tanhDerivative(2) ** 10;
    expect(product).toBeGreaterThan(2.5e-12);
    expect(product).toBeLessThan(3.5e-12);
  });

  it("for x ≳ 19.1, tanh(x) rounds to exactly 1 (the true value is 1 − 8.5×10⁻¹⁸ at x = 20), so 1 − tanh²(x) returns 0", () => {
    expect(Math.tanh(19)).toBeLessThan(1);
    expect(1 - Math.tanh(19) ** 2).toBeGreaterThan(0);
    expect(Math.tanh(19.1)).toBe(1);
    expect(Math.tanh(20)).toBe(1);
    expect(1 - Math.tanh(20) ** 2).toBe(0);
    // 1 − tanh(20) = 2e^(−40)/(1 + e^(−40)), computed without the subtraction.
    const e = Math.exp(-40);
    expect((2 * e) / (1 + e)).toBeCloseTo(8.5e-18, 19);
  });

  it("sech² written with e^(−|x|) gives tanh′(20) ≈ 1.7×10⁻¹⁷, correct to the last digit", () => {
    const stable = (x: number): number => {
      const e = Math.exp(-Math.abs(x));
      return ((2 * e) / (1 + e * e)) ** 2;
    };
    expect(tanhDerivative(20)).toBeCloseTo(1.7e-17, 18);
    expect(stable(20)).toBe(tanhDerivative(20));
    // 4e^(−40)/(1 + e^(−40))² with e^(−40) ≪ 1e-16: the reference is 4e^(−40) to double precision.
    expect(Math.abs(tanhDerivative(20) - 4 * Math.exp(-40)) / (4 * Math.exp(-40))).toBeLessThan(1e-15);
  });

  it("cosh²(x) overflows to infinity for |x| > 355.6, while sech²(x) is still a representable number there", () => {
    expect(Number.isFinite(Math.cosh(355.5) ** 2)).toBe(true);
    expect(Math.cosh(355.7) ** 2).toBe(Infinity);
    expect(1 / Math.cosh(356) ** 2).toBe(0);
    expect(tanhDerivative(356)).toBeGreaterThan(0);
    expect(tanhDerivative(-356)).toBe(tanhDerivative(356));
  });

  it("exercise 2: σ(x) = ½(1 + tanh(x/2))", () => {
    for (const x of grid(-10, 10, 0.5)) expect(sigmoid(x)).toBeCloseTo(0.5 * (1 + Math.tanh(x / 2)), 15);
  });

  it("exercise 3: tanh(1) ≈ 0.7616 and σ′(2) ≈ 0.1050; 1 − 0.7616² and 4σ′(2) both give tanh′(1) ≈ 0.420", () => {
    expect(Math.tanh(1)).toBeCloseTo(0.7616, 4);
    expect(sigmoidDerivative(2)).toBeCloseTo(0.105, 4);
    expect(1 - 0.7616 ** 2).toBeCloseTo(0.42, 3);
    expect(4 * 0.105).toBeCloseTo(0.42, 3);
    expect(tanhDerivative(1)).toBeCloseTo(0.42, 3);
  });

  it("exercise 4: the area under tanh′ is 2 and under σ′ is 1; in the tails tanh′ ≈ 4e^(−2|x|) and σ′ ≈ e^(−|x|)", () => {
    const h = 1e-3;
    let areaTanh = 0;
    let areaSigmoid = 0;
    for (const x of grid(-40, 40 - h, h)) {
      areaTanh += (h * (tanhDerivative(x) + tanhDerivative(x + h))) / 2;
      areaSigmoid += (h * (sigmoidDerivative(x) + sigmoidDerivative(x + h))) / 2;
    }
    expect(areaTanh).toBeCloseTo(2, 5);
    expect(areaSigmoid).toBeCloseTo(1, 5);
    for (const x of [10, 15, 20]) {
      expect(tanhDerivative(x) / (4 * Math.exp(-2 * x))).toBeCloseTo(1, 6);
      expect(sigmoidDerivative(x) / Math.exp(-x)).toBeCloseTo(1, 3);
    }
  });
});
