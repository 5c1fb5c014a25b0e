import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ACTIVATION_NAMES,
  cloneDiagnostics,
  createTrainer,
  LOSS_HEADS,
  LOSS_NAMES,
  predictGrid,
  readParameters,
  type KernelChoice,
  type TrainerConfig,
} from "../index.ts";
import { TileArena } from "./wasm/tile-arena.ts";

/** Widths that give every product whole 4×4 tiles and edges; 150 training points leave 2 rows over. */
function config(hidden: TrainerConfig["hidden"], loss: TrainerConfig["loss"], head: TrainerConfig["head"]) {
  const classes = head === "softmax" ? 3 : 2;
  return {
    layers: [2, 12, 9, 8, head === "softmax" ? 3 : 1],
    hidden,
    head,
    loss,
    init: { kind: "xavier-normal", bias: 0.1 },
    optimizer: { kind: "adam", lr: 0.01 },
    batchSize: 20,
    seeds: { data: 5, init: 6, batch: 7 },
    dataset: { kind: "blobs", n: 200, noise: 0.3, classes, testFraction: 0.25 },
  } satisfies TrainerConfig;
}

/** Losses, parameters, diagnostics and the decision grid after 40 steps with these kernels. */
function run(cfg: TrainerConfig, kernels: KernelChoice) {
  const t = createTrainer(cfg, { kernels, every: 10, histogramBins: 8 });
  expect(t.kernels).toBe(kernels);
  const losses = new Float64Array(40);
  t.step(40, losses);
  const grid = new Float64Array(16 * 16 * t.mlp.outputs);
  predictGrid(t, 16, grid);
  return { losses, params: readParameters(t), diagnostics: cloneDiagnostics(t.diagnostics), grid };
}

describe("the SIMD and JavaScript kernels train to the same bits", () => {
  for (const loss of LOSS_NAMES)
    for (const head of LOSS_HEADS[loss])
      it(`every hidden activation with ${head} + ${loss}`, () => {
        for (const hidden of ACTIVATION_NAMES) {
          const cfg = config(hidden, loss, head);
          const simd = run(cfg, "simd");
          const js = run(cfg, "js");
          const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
          expect(bytes(simd.losses), hidden).toEqual(bytes(js.losses));
          expect(bytes(simd.params), hidden).toEqual(bytes(js.params));
          expect(bytes(simd.grid), hidden).toEqual(bytes(js.grid));
          expect(simd.diagnostics, hidden).toEqual(js.diagnostics);
        }
      });

  it("a full-batch run of a wide network too (256 points: every row in a tile)", () => {
    const cfg = { ...config("relu", "bce", "sigmoid"), layers: [2, 64, 64, 1], batchSize: "full" as const };
    cfg.dataset = { ...cfg.dataset, n: 256, testFraction: 0 };
    const [simd, js] = [run(cfg, "simd"), run(cfg, "js")];
    expect(new Uint8Array(simd.params.buffer)).toEqual(new Uint8Array(js.params.buffer));
    expect(new Uint8Array(simd.losses.buffer)).toEqual(new Uint8Array(js.losses.buffer));
  });

  it("a network whose last layer has the largest weight matrix (the transpose scratch is sized for it)", () => {
    const base = config("relu", "cross-entropy", "softmax");
    const cfg = { ...base, layers: [2, 3, 40, 8], dataset: { ...base.dataset, classes: 8 } };
    const [simd, js] = [run(cfg, "simd"), run(cfg, "js")];
    expect(new Uint8Array(simd.params.buffer)).toEqual(new Uint8Array(js.params.buffer));
    expect(new Uint8Array(simd.losses.buffer)).toEqual(new Uint8Array(js.losses.buffer));
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a trainer whose WebAssembly memory cannot be had trains on the JavaScript kernels, and says so", () => {
    const cfg = config("tanh", "bce", "sigmoid");
    const expected = run(cfg, "js");
    vi.spyOn(TileArena, "create").mockReturnValue(null);
    const t = createTrainer(cfg, { every: 10, histogramBins: 8 });
    expect(t.kernels).toBe("js");
    const losses = new Float64Array(40);
    t.step(40, losses);
    expect(new Uint8Array(losses.buffer)).toEqual(new Uint8Array(expected.losses.buffer));
  });
});

describe("in float32 too, the f32x4 SIMD and JavaScript kernels train to the same bits", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Every value a float32 trainer reads out is a float32 value (widened exactly to a double). */
  const allFloat32 = (a: Float64Array) => a.every((v) => Object.is(Math.fround(v), v));

  for (const loss of LOSS_NAMES)
    for (const head of LOSS_HEADS[loss])
      it(`every hidden activation with ${head} + ${loss}`, () => {
        for (const hidden of ACTIVATION_NAMES) {
          const cfg = { ...config(hidden, loss, head), precision: "float32" as const };
          const simd = run(cfg, "simd");
          const js = run(cfg, "js");
          const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
          expect(bytes(simd.losses), hidden).toEqual(bytes(js.losses));
          expect(bytes(simd.params), hidden).toEqual(bytes(js.params));
          expect(bytes(simd.grid), hidden).toEqual(bytes(js.grid));
          expect(simd.diagnostics, hidden).toEqual(js.diagnostics);
          expect(allFloat32(simd.params) && allFloat32(simd.losses), hidden).toBe(true);
        }
      });

  it("full batch through wide layers (eight-column f32x4 blocks, and a four-column one after them)", () => {
    const cfg = { ...config("tanh", "bce", "sigmoid"), layers: [2, 64, 36, 1], batchSize: "full" as const };
    cfg.dataset = { ...cfg.dataset, n: 256, testFraction: 0 };
    const f32 = { ...cfg, precision: "float32" as const };
    const [simd, js] = [run(f32, "simd"), run(f32, "js")];
    expect(new Uint8Array(simd.params.buffer)).toEqual(new Uint8Array(js.params.buffer));
    expect(new Uint8Array(simd.losses.buffer)).toEqual(new Uint8Array(js.losses.buffer));
    // The same run in float64 ends elsewhere: float32 rounds every step.
    expect(run(cfg, "simd").params).not.toEqual(simd.params);
  });

  it("a float32 trainer whose WebAssembly memory cannot be had trains on the JavaScript kernels, to the same bits", () => {
    const cfg = { ...config("relu", "cross-entropy", "softmax"), precision: "float32" as const };
    const expected = run(cfg, "simd");
    vi.spyOn(TileArena, "create").mockReturnValue(null);
    const t = createTrainer(cfg, { every: 10, histogramBins: 8 });
    expect(t.kernels).toBe("js");
    const losses = new Float64Array(40);
    t.step(40, losses);
    expect(new Uint8Array(losses.buffer)).toEqual(new Uint8Array(expected.losses.buffer));
  });
});
