import { describe, expect, it } from "vitest";
import { validateConfig, LIMITS, parameterCount } from "../../src/core/index.ts";
import { BoundedHistory } from "../../src/plots/downsample.ts";
import {
  describeRatio,
  explodedText,
  gradNormHeatmap,
  layerLabels,
  recentGradNorms,
  runningProducts,
  scientific,
} from "./gradients.ts";
import { alignLayers, lossAxis, makePin } from "./pin.ts";
import { boundarySize, describeSettings, sessionSpec, VG_DEFAULTS, SCHEMA, type VgSettings } from "./settings.ts";

/** A history of `rows` steps for `layers` weight layers (the worker's row layout); gradNorm of layer l at step s = g(l, s). */
function history(layers: number, rows: number, g: (l: number, s: number) => number): BoundedHistory {
  const h = new BoundedHistory(512, 5 + 3 * layers);
  for (let s = 0; s < rows; s++) {
    const row = new Float64Array(5 + 3 * layers);
    row[0] = 1 / (s + 1);
    row[1] = Number.NaN;
    for (let l = 0; l < layers; l++) row[2 + l] = g(l, s);
    h.push(s, row);
  }
  return h;
}

describe("settings", () => {
  it("turns the extremes of every bounded setting into configs the core accepts", () => {
    const extremes: VgSettings[] = [
      {
        ...VG_DEFAULTS,
        depth: SCHEMA.depth.max,
        width: SCHEMA.width.max,
        scale: SCHEMA.scale.max,
        lr: SCHEMA.lr.max,
        seed: SCHEMA.seed.max,
        unit: 64,
      },
      {
        ...VG_DEFAULTS,
        depth: SCHEMA.depth.min,
        width: SCHEMA.width.min,
        scale: SCHEMA.scale.min,
        lr: SCHEMA.lr.min,
        seed: 0,
        unit: 1,
        init: "he-uniform",
      },
    ];
    for (const s of extremes) {
      const config = validateConfig(sessionSpec(s).config);
      expect(parameterCount(config.layers) * config.dataset.n).toBeLessThanOrEqual(LIMITS.maxWork);
    }
  });

  it("builds [2, 16 × 10, 1] sigmoid layers with naive N(0, 1) weights and the path through unit 1", () => {
    const spec = sessionSpec(VG_DEFAULTS);
    const c = validateConfig(spec.config);
    expect(c.layers).toEqual([2, ...Array(10).fill(16), 1]);
    expect(c.hidden).toBe("sigmoid");
    expect(c.init).toMatchObject({ kind: "normal", scale: 1 });
    expect(spec.path?.indices).toEqual([0, ...Array(10).fill(0), 0]);
    expect(describeSettings(VG_DEFAULTS)).toBe("sigmoid, 10×16, normal(1), lr 0.1, circles, seed 1");
  });

  it("keeps the decision-boundary grid at 32² for small networks and coarsens it for big ones", () => {
    expect(sessionSpec(VG_DEFAULTS).boundarySize).toBe(32);
    expect(sessionSpec({ ...VG_DEFAULTS, depth: 20, width: 64 }).boundarySize).toBe(16);
    expect(boundarySize(1e9)).toBe(12);
  });

  it("ignores the scale for Xavier and He, which set their own spread", () => {
    const c = validateConfig(sessionSpec({ ...VG_DEFAULTS, init: "he", scale: 3 }).config);
    expect(c.init).toMatchObject({ kind: "he-normal", scale: 1 });
  });
});

describe("gradient norms from the history", () => {
  it("labels hidden weight layers L1…Ld and the output layer 'out'", () => {
    expect(layerLabels(3)).toEqual(["L1", "L2", "L3", "out"]);
  });

  it("averages each layer's norm over the last 16 rows", () => {
    const h = history(3, 40, (l, s) => (l + 1) * (s < 24 ? 100 : 1));
    expect(recentGradNorms(h, 3)).toEqual([1, 2, 3]);
    expect(recentGradNorms(h, 3, 32)).toEqual([50.5, 101, 151.5]);
  });

  it("reads NaN for a layer the history does not have, and for an empty history", () => {
    expect(
      recentGradNorms(
        history(2, 5, () => 1),
        3,
      )[2],
    ).toBeNaN();
    expect(recentGradNorms(new BoundedHistory(8, 2), 2).every(Number.isNaN)).toBe(true);
  });

  it("lays the history out as rows = layers, columns = steps", () => {
    const { values, columns } = gradNormHeatmap(
      history(2, 3, (l, s) => 10 * l + s),
      2,
    );
    expect(columns).toBe(3);
    expect(Array.from(values)).toEqual([0, 1, 2, 10, 11, 12]);
  });

  it("hatches an exploded measurement instead of painting its zeros as vanished gradients", () => {
    // ReLU + He at learning rate 10: by step 2 the later layers' norms are ~10¹⁰⁶ and the first layers' exactly 0.
    const norms = [
      [0.01, 0.02],
      [2e5, 5e5],
      [0, 4.6e106],
    ];
    const { values } = gradNormHeatmap(
      history(2, 3, (l, s) => norms[s]![l]!),
      2,
    );
    expect(Array.from(values)).toEqual([0.01, 2e5, Number.NaN, 0.02, 5e5, Number.NaN]);
  });

  it("on divergence, advises only the cures the settings leave open and names the last drawn step", () => {
    const all = explodedText(6, { usesScale: true, canLowerRate: true });
    expect(all).toContain("Step 6 made the weights non-finite and was not applied, so the charts end at step 5.");
    expect(all).toContain("Try He or Xavier initialisation, a smaller init scale or a smaller learning rate.");
    // He is selected (no init scale to change): only the learning rate is left.
    const he = explodedText(6, { usesScale: false, canLowerRate: true });
    expect(he).toContain("Try a smaller learning rate.");
    expect(he).not.toMatch(/He or Xavier|init scale/);
    expect(explodedText(null, { usesScale: false, canLowerRate: false })).toMatch(/Reset to try again\.$/);
  });

  it("multiplies the chain-rule factors up layer by layer", () => {
    expect(runningProducts([0.5, 0.2, -2])).toEqual([0.5, 0.1, -0.2]);
  });

  it("writes the product in scientific notation, however large or small", () => {
    expect(scientific(-1.04e-15)).toBe("−1.0×10⁻¹⁵");
    expect(scientific(0.25)).toBe("2.5×10⁻¹");
    expect(scientific(1234, 3)).toBe("1.23×10³");
    expect(scientific(0)).toBe("0");
    expect(scientific(Number.NaN)).toBe("not a number");
  });
});

describe("describeRatio", () => {
  it("says how many times smaller the first layer's gradient is", () => {
    const r = describeRatio(2.1e-4, 1);
    expect(r.ratio).toBe(2.1e-4);
    expect(r.text).toBe("The first layer's gradient is 2.1×10⁻⁴ of the last layer's — about 4,800 times smaller.");
  });

  it("calls ratios between ½ and 2 the same size, and larger ones larger", () => {
    expect(describeRatio(0.8, 1).text).toMatch(/0\.8 of the last layer's — about the same size/);
    expect(describeRatio(1.1, 1).text).toMatch(/1\.1 times the last layer's — about the same size/);
    expect(describeRatio(32, 1).text).toMatch(/32 times the last layer's — larger, not smaller/);
  });

  it("names zero and non-finite gradients instead of dividing by them", () => {
    expect(describeRatio(0, 1).text).toMatch(/first layer gets no gradient/);
    expect(describeRatio(0, 0).ratio).toBeNaN();
    expect(describeRatio(Number.NaN, 1).text).toMatch(/not finite/);
    expect(describeRatio(1e-9, 1).text).toMatch(/10⁹ times smaller/);
  });
});

describe("pinning a run", () => {
  it("copies the loss curve and the norms, so later training does not change the pin", () => {
    const h = history(2, 10, () => 1);
    const pin = makePin("A", 1, [0.1, 0.2, 99], h);
    h.push(10, new Float64Array(5 + 3 * 2));
    expect(pin.grads).toEqual([0.1, 0.2]);
    expect(pin.saturation).toEqual([]);
    const withSaturation = makePin("B", 1, [0.1, 0.2], h, [0.4, 0.6]);
    expect(alignLayers(2, [0.5, 0.5, 0.7], { hidden: 1, grads: withSaturation.saturation }).overlay).toEqual([
      0.4,
      Number.NaN,
      0.6,
    ]);
    expect(pin.ratio).toBe(0.5);
    expect(pin.loss.steps).toHaveLength(10);
    expect(pin.loss.values[0]).toBe(1);
  });

  it("lines up a deeper pinned run: hidden layers by index, output with output, '—' where a run has no layer", () => {
    const a = alignLayers(2, [1, 2, 3], { hidden: 3, grads: [4, 5, 6, 7] });
    expect(a.labels).toEqual(["L1", "L2", "L3", "out"]);
    expect(a.values).toEqual([1, 2, Number.NaN, 3]);
    expect(a.overlay).toEqual([4, 5, 6, 7]);
    expect(alignLayers(2, [1, 2, 3], null)).toEqual({ labels: ["L1", "L2", "out"], values: [1, 2, 3], overlay: null });
  });

  it("gives a loss axis in whole decades that holds both curves, and a sane one for no data", () => {
    expect(
      lossAxis(
        [
          [0.5, 0.2],
          [0.03, Number.NaN],
        ],
        true,
      ),
    ).toEqual({ min: 0.01, max: 1 });
    expect(lossAxis([[Number.POSITIVE_INFINITY]], true)).toEqual({ min: 0.01, max: 1 });
    expect(lossAxis([[1, 1]], true)).toEqual({ min: 1, max: 10 });
  });
});
