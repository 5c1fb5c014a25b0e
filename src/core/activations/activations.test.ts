import { describe, expect, it } from "vitest";
import { ACTIVATION_NAMES, getActivation, isActivationName } from "./activations.ts";
import { sigmoid, sigmoidDerivative } from "./sigmoid.ts";
import { tanhDerivative } from "./tanh.ts";
import { erf, erfc, normalCdf } from "./erf.ts";

/** Extreme and moderate inputs. */
const X = [
  0, 5e-324, -5e-324, 1, -1, 20, -20, 40, -40, 89, -89, 710, -710, 745, -745, 800, -800, 1e308, -1e308, 0.5, -0.5, 2,
  -2, 3, -3, -5, -10, -30, -37.5, -360,
];
/** [f(X), f′(X)] per activation (α = 0.01 for Leaky ReLU, 1 for ELU), from mpmath at 60 digits, rounded to float64. */
const REF: Record<string, [number[], number[]]> = {
  step: [
    [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ],
  identity: [
    [
      0, 5e-324, -5e-324, 1, -1, 20, -20, 40, -40, 89, -89, 710, -710, 745, -745, 800, -800, 1e308, -1e308, 0.5, -0.5,
      2, -2, 3, -3, -5, -10, -30, -37.5, -360,
    ],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  ],
  sigmoid: [
    [
      0.5, 0.5, 0.5, 0.7310585786300049, 0.2689414213699951, 0.9999999979388464, 2.0611536181902037e-9, 1,
      4.248354255291589e-18, 1, 2.2273635617957438e-39, 1, 4.47628622567513e-309, 1, 5e-324, 1, 0, 1, 0,
      0.6224593312018546, 0.37754066879814546, 0.8807970779778824, 0.11920292202211756, 0.9525741268224333,
      0.04742587317756678, 0.0066928509242848554, 4.5397868702434395e-5, 9.357622968839299e-14, 5.175555005801868e-17,
      4.508027065606742e-157,
    ],
    [
      0.25, 0.25, 0.25, 0.19661193324148185, 0.19661193324148185, 2.061153613941849e-9, 2.061153613941849e-9,
      4.248354255291589e-18, 4.248354255291589e-18, 2.2273635617957438e-39, 2.2273635617957438e-39,
      4.47628622567513e-309, 4.47628622567513e-309, 5e-324, 5e-324, 0, 0, 0, 0, 0.2350037122015945, 0.2350037122015945,
      0.10499358540350652, 0.10499358540350652, 0.04517665973091213, 0.04517665973091213, 0.006648056670790155,
      4.5395807735951673e-5, 9.357622968838423e-14, 5.175555005801868e-17, 4.508027065606742e-157,
    ],
  ],
  tanh: [
    [
      0, 5e-324, -5e-324, 0.7615941559557649, -0.7615941559557649, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1,
      0.46211715726000974, -0.46211715726000974, 0.9640275800758169, -0.9640275800758169, 0.9950547536867305,
      -0.9950547536867305, -0.9999092042625951, -0.9999999958776927, -1, -1, -1,
    ],
    [
      1, 1, 1, 0.4199743416140261, 0.4199743416140261, 1.6993417021166355e-17, 1.6993417021166355e-17,
      7.219405551381661e-35, 7.219405551381661e-35, 1.984459374566169e-77, 1.984459374566169e-77, 0, 0, 0, 0, 0, 0, 0,
      0, 0.7864477329659274, 0.7864477329659274, 0.07065082485316447, 0.07065082485316447, 0.00986603716544019,
      0.00986603716544019, 0.0001815832309438067, 8.244614455767397e-9, 3.502604305078608e-26, 1.0714547847232311e-32,
      8.12892320967e-313,
    ],
  ],
  relu: [
    [0, 5e-324, 0, 1, 0, 20, 0, 40, 0, 89, 0, 710, 0, 745, 0, 800, 0, 1e308, 0, 0.5, 0, 2, 0, 3, 0, 0, 0, 0, 0, 0],
    [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0],
  ],
  "leaky-relu": [
    [
      0, 5e-324, -0, 1, -0.01, 20, -0.2, 40, -0.4, 89, -0.89, 710, -7.1, 745, -7.45, 800, -8, 1e308, -1e306, 0.5,
      -0.005, 2, -0.02, 3, -0.03, -0.05, -0.1, -0.3, -0.375, -3.6,
    ],
    [
      0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01,
      0.01, 0.01, 0.01, 0.01, 0.01,
    ],
  ],
  elu: [
    [
      0, 5e-324, -5e-324, 1, -0.6321205588285577, 20, -0.9999999979388464, 40, -1, 89, -1, 710, -1, 745, -1, 800, -1,
      1e308, -1, 0.5, -0.3934693402873666, 2, -0.8646647167633873, 3, -0.950212931632136, -0.9932620530009145,
      -0.9999546000702375, -0.9999999999999064, -1, -1,
    ],
    [
      1, 1, 1, 1, 0.36787944117144233, 1, 2.061153622438558e-9, 1, 4.248354255291589e-18, 1, 2.2273635617957438e-39, 1,
      4.47628622567513e-309, 1, 5e-324, 1, 0, 1, 0, 1, 0.6065306597126334, 1, 0.1353352832366127, 1,
      0.049787068367863944, 0.006737946999085467, 4.5399929762484854e-5, 9.357622968840175e-14, 5.175555005801869e-17,
      4.508027065606742e-157,
    ],
  ],
  gelu: [
    [
      0, 0, -0, 0.8413447460685429, -0.15865525393145705, 20, -5.507248237212468e-88, 40, -0, 89, -0, 710, -0, 745, -0,
      800, 0, 1e308, 0, 0.34573123063700656, -0.15426876936299344, 1.9544997361036416, -0.04550026389635842,
      2.99595030590511, -0.0040496940948902835, -1.4332578593959695e-6, -7.619853024160526e-23, -1.472014178144456e-196,
      -1.7270073785932332e-306, -0,
    ],
    [
      0.5, 0.5, 0.5, 1.0833154705876864, -0.0833154705876863, 1, -1.1014360483133464e-86, 1, -0, 1, -0, 1, -0, 1, -0, 1,
      0, 1, 0, 0.8674951246561629, 0.13250487534383715, 1.085231801078197, -0.0852318010781969, 1.011945647204184,
      -0.011945647204183927, -7.146946001792295e-6, -7.618400096464814e-22, -4.416031690708495e-195,
      -6.476271143055812e-305, -0,
    ],
  ],
  silu: [
    [
      0, 0, -0, 0.7310585786300049, -0.2689414213699951, 19.99999995877693, -4.122307236380407e-8, 40,
      -1.6993417021166355e-16, 89, -1.982353569998212e-37, 710, -3.1781632202293424e-306, 745, -2.105e-321, 800, -0,
      1e308, -0, 0.3112296656009273, -0.18877033439907273, 1.7615941559557649, -0.23840584404423512, 2.8577223804672998,
      -0.14227761953270035, -0.03346425462142428, -0.00045397868702434395, -2.8072868906517896e-12,
      -1.9408331271757007e-15, -1.622889743618427e-154,
    ],
    [
      0.5, 0.5, 0.5, 0.9276705118714867, 0.07232948812851327, 1.0000000391619186, -3.9161918660646786e-8,
      1.0000000000000002, -1.6568581595637197e-16, 1, -1.9600799343802546e-37, 1, -3.173686934003667e-306, 1, -2.1e-321,
      1, -0, 1, -0, 0.7399611873026518, 0.2600388126973482, 1.0907842487848955, -0.09078424878489548,
      1.0881041060151697, -0.08810410601516962, -0.02654743242966592, -0.0004085602086570823, -2.713710660963134e-12,
      -1.8890775771176817e-15, -1.6183817165528203e-154,
    ],
  ],
};

/** Relative tolerance per activation: a few ulp, looser for GELU whose x/√2 rounding is amplified by 2x² in the tail. */
const RTOL: Record<string, number> = { gelu: 2e-15, silu: 1e-15 };

/** True when got matches a correctly rounded reference: exactly at 0, within rtol otherwise (subnormals within a few units of 5e-324·…). */
function close(got: number, ref: number, rtol: number): boolean {
  if (ref === 0) return got === 0;
  return (
    Math.abs(got - ref) <=
    rtol * Math.abs(ref) +
      4 * Number.MIN_VALUE * (Math.abs(ref) < 2.3e-308 ? Math.abs(ref) / Number.MIN_VALUE : 0) ** 0.5
  );
}

describe("activations", () => {
  it("lists every name once, in teaching order, and recognises names", () => {
    expect(ACTIVATION_NAMES).toEqual([
      "step",
      "identity",
      "sigmoid",
      "tanh",
      "relu",
      "leaky-relu",
      "elu",
      "gelu",
      "silu",
    ]);
    for (const name of ACTIVATION_NAMES) {
      expect(isActivationName(name)).toBe(true);
      expect(getActivation(name).name).toBe(name);
    }
    expect(isActivationName("softmax")).toBe(false);
    expect(isActivationName(3)).toBe(false);
    expect(() => getActivation("swish" as never)).toThrow(/Unknown activation "swish"/);
  });

  for (const name of ACTIVATION_NAMES) {
    it(`${name}: f and f′ match 60-digit references at extreme and moderate inputs`, () => {
      const act = getActivation(name);
      const [fRef, dRef] = REF[name]!;
      const rtol = RTOL[name] ?? 5e-16;
      X.forEach((x, i) => {
        const f = act.f(x);
        const d = act.df(x);
        expect(close(f, fRef[i]!, rtol), `${name}(${x}) = ${f}, expected ${fRef[i]}`).toBe(true);
        expect(close(d, dRef[i]!, rtol), `${name}′(${x}) = ${d}, expected ${dRef[i]}`).toBe(true);
      });
    });

    it(`${name}: NaN in gives NaN out; ±∞ give the limits; finite in gives finite out`, () => {
      const act = getActivation(name);
      expect(act.f(NaN)).toBeNaN();
      expect(act.df(NaN)).toBeNaN();
      for (const x of X) {
        expect(Number.isFinite(act.f(x))).toBe(true);
        expect(Number.isFinite(act.df(x))).toBe(true);
      }
      for (const x of [Infinity, -Infinity]) {
        expect(Number.isNaN(act.f(x))).toBe(false);
        expect(Number.isFinite(act.df(x))).toBe(true);
      }
    });
  }

  it("limits at ±∞", () => {
    const at = (n: string, x: number) => [getActivation(n as never).f(x), getActivation(n as never).df(x)];
    expect(at("sigmoid", Infinity)).toEqual([1, 0]);
    expect(at("sigmoid", -Infinity)).toEqual([0, 0]);
    expect(at("tanh", -Infinity)).toEqual([-1, 0]);
    expect(at("relu", -Infinity)).toEqual([0, 0]);
    expect(at("relu", Infinity)).toEqual([Infinity, 1]);
    expect(at("leaky-relu", -Infinity)).toEqual([-Infinity, 0.01]);
    expect(at("elu", -Infinity)).toEqual([-1, 0]);
    expect(at("gelu", -Infinity)).toEqual([0, 0]);
    expect(at("gelu", Infinity)).toEqual([Infinity, 1]);
    expect(at("silu", -Infinity)).toEqual([0, 0]);
    expect(at("silu", Infinity)).toEqual([Infinity, 1]);
    expect(at("step", Infinity)).toEqual([1, 0]);
  });

  it("σ′(40) ≈ 4.248e-18 and tanh′(20) ≈ 1.7e-17, not 0; σ′(−700) is not flushed", () => {
    expect(sigmoidDerivative(40)).toBeCloseTo(4.248354255291589e-18, 30);
    expect(Math.abs(sigmoidDerivative(40) / 4.248354255291589e-18 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(tanhDerivative(20) / 1.6993417021166355e-17 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(sigmoidDerivative(-700) / 9.85967654375977e-305 - 1)).toBeLessThan(1e-15);
    expect(tanhDerivative(360)).toBeGreaterThan(0);
    expect(sigmoid(-745)).toBe(5e-324);
  });

  it("kink conventions follow PyTorch: ReLU′(0) = 0, LeakyReLU′(0) = α, ELU′(0) = α, step(0) = 0, step′ ≡ 0", () => {
    expect(getActivation("relu").df(0)).toBe(0);
    expect(getActivation("leaky-relu", 0.2).df(0)).toBe(0.2);
    expect(getActivation("leaky-relu", 0.2).f(-3)).toBeCloseTo(-0.6, 15);
    expect(getActivation("elu", 0.5).df(0)).toBe(0.5);
    expect(getActivation("elu", 0.5).f(-1)).toBeCloseTo(0.5 * -0.6321205588285577, 15);
    expect(getActivation("step").f(0)).toBe(0);
    expect(getActivation("step").f(1e-300)).toBe(1);
    for (const x of [-2, 0, 2]) expect(getActivation("step").df(x)).toBe(0);
  });
});

describe("erf (Cody)", () => {
  const known: [number, number, number][] = [
    [0.5, 0.5204998778130465, 0.4795001221869535],
    [1, 0.8427007929497149, 0.15729920705028513],
    [3, 0.9999779095030014, 2.209049699858544e-5],
    [-2, -0.9953222650189527, 1.9953222650189528],
    [0.1, 0.1124629160182849, 0.887537083981715],
    [4.5, 0.9999999998033839, 1.9661604415428876e-10],
    [5.5, 0.9999999999999927, 7.357847917974398e-15],
    [10, 1, 2.088487583762545e-45],
    [26, 1, 5.663192408856143e-296],
  ];
  for (const [x, e, ec] of known) {
    it(`erf(${x}) and erfc(${x}) to 1e-15 relative`, () => {
      expect(Math.abs(erf(x) - e)).toBeLessThanOrEqual(1e-15 * Math.abs(e));
      expect(Math.abs(erfc(x) - ec)).toBeLessThanOrEqual(1e-15 * Math.abs(ec));
    });
  }
  it("is odd, saturates, and handles NaN and ±∞", () => {
    expect(erf(-0.3)).toBe(-erf(0.3));
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
    expect(erfc(27)).toBeGreaterThan(0);
    expect(normalCdf(0)).toBe(0.5);
  });
});
