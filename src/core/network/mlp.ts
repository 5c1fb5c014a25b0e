/**
 * A fully connected network with flat, preallocated storage. Layer l (0-based; W_{l+1} on the notation
 * page) maps sizes[l] inputs to sizes[l+1] outputs:
 *
 *   z_l = a_{l−1}·W_l + b_l      (a_{−1} = x)        hidden: a_l = f(z_l),  last: a = head(z)
 *   δ_last = ∂L/∂z (losses.ts)   dW_l = a_{l−1}ᵀ·δ_l   db_l = Σ_rows δ_l   δ_{l−1} = δ_l·W_lᵀ ⊙ f′(z_{l−1})
 *
 * All parameters live in one array, layer by layer [W_0 (row-major, in × out), b_0, W_1, b_1, …], and the
 * gradients in another with the same layout, so optimisers and resets are single loops.
 *
 * Precision: a float64 Mlp keeps every buffer in Float64Arrays and computes with the float64 kernels; a
 * float32 Mlp keeps them in Float32Arrays and computes with the float32 kernels (numerics.ts), so every
 * stored value and every result is rounded to float32. The passes below are the same for both.
 *
 * Kernels: "simd" (the default where WebAssembly SIMD runs) asks for each workspace a TileArena holding its
 * buffers and a copy of the parameters and gradients; forward copies the parameters in, backward copies
 * the gradients out (one contiguous copy each, against n multiply-adds per weight). A workspace whose
 * arena cannot be had, and every workspace on "js", keeps plain arrays. Both give the same numbers.
 */
import type { Activation } from "../activations/activations.ts";
import { scalarKernel, type ActivationKernel } from "../activations/activation-kernels.ts";
import { scalarKernel32, type ActivationKernel32 } from "../activations/activation-kernels32.ts";
import type { HeadName } from "./heads.ts";
import type { LossName } from "../losses/losses.ts";
import type { FloatArray } from "../kernels/float-array.ts";
import { simdAvailable, TileArena } from "../kernels/wasm/tile-arena.ts";
import type { Precision } from "../names.ts";
import { numerics, type FloatKernel, type Numerics } from "./numerics.ts";

/** Which kernels run the products: WebAssembly SIMD tiles (falling back to "js" where they cannot run), or JavaScript only. */
export type KernelChoice = "simd" | "js";

/**
 * What an Mlp is built from. hiddenKernel defaults to a per-element loop over hidden.f and hidden.df; it must
 * be of the Mlp's precision (an ActivationKernel32 for float32).
 */
export interface MlpSpec {
  readonly sizes: readonly number[];
  readonly hidden: Activation;
  readonly hiddenKernel?: ActivationKernel | ActivationKernel32;
  readonly head: HeadName;
  readonly loss: LossName;
  /** Default "simd". */
  readonly kernels?: KernelChoice;
  /** Default "float64". */
  readonly precision?: Precision;
}

/** A workspace's copies of the parameters and gradients inside its TileArena, with per-layer views (as on Mlp). */
export interface ArenaParameters {
  readonly arena: TileArena;
  readonly params: FloatArray;
  readonly grads: FloatArray;
  readonly W: readonly FloatArray[];
  readonly b: readonly FloatArray[];
  readonly dW: readonly FloatArray[];
  readonly db: readonly FloatArray[];
}

/**
 * Buffers for one batch of up to `capacity` rows; per layer l, z/a/fp/delta are capacity × sizes[l+1]. Every
 * buffer is of the Mlp's precision (Float32Arrays for float32).
 */
export interface Workspace {
  readonly capacity: number;
  /** Inputs, capacity × sizes[0]. */
  readonly x: FloatArray;
  /** Targets, capacity × outputs. */
  readonly y: FloatArray;
  readonly z: readonly FloatArray[];
  readonly a: readonly FloatArray[];
  /** f′(z) per layer (head′(z) for the last; p(1 − p) for softmax). */
  readonly fp: readonly FloatArray[];
  /** δ = ∂L/∂z per layer. */
  readonly delta: readonly FloatArray[];
  /** [mean loss of the last computeLoss]. */
  readonly loss: FloatArray;
  /** Where the SIMD kernels work: every buffer above lives in this arena; null on the JavaScript kernels. */
  readonly simd: ArenaParameters | null;
}

/** A multilayer perceptron; forward and backward allocate nothing. */
export class Mlp {
  readonly sizes: readonly number[];
  /** Number of weight layers. */
  readonly depth: number;
  readonly head: HeadName;
  readonly loss: LossName;
  readonly precision: Precision;
  /** Float64Arrays in float64, Float32Arrays in float32 (and so every view and workspace buffer). */
  readonly params: FloatArray;
  readonly grads: FloatArray;
  /** Views into params/grads per layer. */
  readonly W: readonly FloatArray[];
  readonly b: readonly FloatArray[];
  readonly dW: readonly FloatArray[];
  readonly db: readonly FloatArray[];
  /** Offset of W_l in params; b_l follows it. */
  readonly offsets: readonly number[];
  /** The kernels workspaces ask for: "simd" only if asked for and available here (ws.simd says what one got). */
  readonly kernels: KernelChoice;
  readonly #num: Numerics;
  #hidden: Activation;
  #kernel: FloatKernel;

  constructor(spec: MlpSpec) {
    const sizes = spec.sizes;
    if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
      throw new Error(`Mlp: sizes must be ≥ 2 positive integers; got [${sizes.join(", ")}].`);
    }
    this.sizes = Object.freeze(sizes.slice());
    this.depth = sizes.length - 1;
    this.head = spec.head;
    this.loss = spec.loss;
    this.precision = spec.precision ?? "float64";
    this.#num = numerics(this.precision);
    this.#hidden = spec.hidden;
    this.#kernel = this.#kernelFor(spec.hidden, spec.hiddenKernel);
    const offsets: number[] = [];
    let total = 0;
    for (let l = 0; l < this.depth; l++) {
      offsets.push(total);
      total += (sizes[l]! + 1) * sizes[l + 1]!;
    }
    this.offsets = offsets;
    this.params = this.#num.array(total);
    this.grads = this.#num.array(total);
    this.W = this.#layerViews(this.params, false);
    this.b = this.#layerViews(this.params, true);
    this.dW = this.#layerViews(this.grads, false);
    this.db = this.#layerViews(this.grads, true);
    this.kernels = (spec.kernels ?? "simd") === "simd" && simdAvailable() ? "simd" : "js";
  }

  /**
   * The hidden kernel as the passes call it: the one given (of this Mlp's precision), else a per-element loop
   * over act.f and act.df. Typed for either precision's arrays, since the passes hand it this Mlp's own.
   */
  #kernelFor(act: Activation, kernel: ActivationKernel | ActivationKernel32 | undefined): FloatKernel {
    return (kernel ?? (this.precision === "float32" ? scalarKernel32(act) : scalarKernel(act))) as FloatKernel;
  }

  /** Per-layer views of W_l (bias false) or b_l (bias true) into a buffer laid out like params. */
  #layerViews(buf: FloatArray, bias: boolean): FloatArray[] {
    const s = this.sizes;
    return this.offsets.map((offset, l) => {
      const nW = s[l]! * s[l + 1]!;
      const start = offset + (bias ? nW : 0);
      return buf.subarray(start, start + (bias ? s[l + 1]! : nW));
    });
  }

  /** Outputs of the last layer. */
  get outputs(): number {
    return this.sizes[this.depth]!;
  }

  /** The kernels of this Mlp's precision (instruments compute with them, e.g. the output gradient's parts). */
  get numerics(): Numerics {
    return this.#num;
  }

  /** The hidden activation. */
  get hidden(): Activation {
    return this.#hidden;
  }

  /** Swaps the hidden activation, keeping the weights (e.g. ReLU → Leaky ReLU to revive dead units). kernel: of this Mlp's precision. */
  setHidden(act: Activation, kernel?: ActivationKernel | ActivationKernel32): void {
    this.#hidden = act;
    this.#kernel = this.#kernelFor(act, kernel);
  }

  /** Allocates buffers for batches of up to `capacity` rows (in a TileArena when the kernels are "simd" and one can be had). */
  workspace(capacity: number): Workspace {
    const s = this.sizes;
    const widths = s.slice(1);
    const total = this.params.length;
    const lengths = [capacity * s[0]!, capacity * this.outputs, 1, total, total];
    for (let i = 0; i < 4; i++) for (const w of widths) lengths.push(capacity * w);
    const largestW = Math.max(...widths.map((w, l) => s[l]! * w));
    const arena: TileArena | null =
      this.kernels === "simd" ? TileArena.create(lengths, largestW, this.precision) : null;
    const buffer = (len: number): FloatArray => (arena ? arena.alloc(len) : this.#num.array(len));
    const x = buffer(capacity * s[0]!);
    const y = buffer(capacity * this.outputs);
    const loss = buffer(1);
    const simd = arena ? this.#arenaParameters(arena, buffer(total), buffer(total)) : null;
    const per = () => widths.map((w) => buffer(capacity * w));
    return { capacity, x, y, z: per(), a: per(), fp: per(), delta: per(), loss, simd };
  }

  #arenaParameters(arena: TileArena, params: FloatArray, grads: FloatArray): ArenaParameters {
    return {
      arena,
      params,
      grads,
      W: this.#layerViews(params, false),
      b: this.#layerViews(params, true),
      dW: this.#layerViews(grads, false),
      db: this.#layerViews(grads, true),
    };
  }

  /** Forward pass over the first n rows of ws.x: fills z, a and fp of every layer. */
  forward(ws: Workspace, n: number): void {
    const s = this.sizes;
    const last = this.depth - 1;
    const simd = ws.simd;
    if (simd) simd.params.set(this.params);
    const { W, b } = simd ?? this;
    const arena = simd ? simd.arena : null;
    const num = this.#num;
    for (let l = 0; l <= last; l++) {
      const input = l === 0 ? ws.x : ws.a[l - 1]!;
      num.matmulBias(input, W[l]!, b[l]!, ws.z[l]!, n, s[l]!, s[l + 1]!, arena);
      if (l < last) this.#kernel(ws.z[l]!, ws.a[l]!, ws.fp[l]!, n * s[l + 1]!);
      else num.headForward(this.head, ws.z[l]!, ws.a[l]!, ws.fp[l]!, n, s[l + 1]!);
    }
  }

  /** Mean loss of the last forward pass against the first n rows of ws.y, written to ws.loss[0]. */
  computeLoss(ws: Workspace, n: number): void {
    const l = this.depth - 1;
    this.#num.lossInto(this.loss, ws.z[l]!, ws.a[l]!, ws.y, n, this.outputs, ws.loss, 0);
  }

  /** Mean loss of the last forward pass against the first n rows of ws.y. */
  lossOf(ws: Workspace, n: number): number {
    this.computeLoss(ws, n);
    return ws.loss[0]!;
  }

  /** Backward pass after forward(ws, n) (at the same weights): fills every δ and the whole gradient vector. */
  backward(ws: Workspace, n: number): void {
    const s = this.sizes;
    const last = this.depth - 1;
    const simd = ws.simd;
    const { W, dW, db } = simd ?? this;
    const arena = simd ? simd.arena : null;
    const num = this.#num;
    const z = ws.z[last]!;
    num.outputDelta(this.loss, this.head, z, ws.a[last]!, ws.fp[last]!, ws.y, n, this.outputs, ws.delta[last]!);
    for (let l = last; l >= 0; l--) {
      const input = l === 0 ? ws.x : ws.a[l - 1]!;
      const d = ws.delta[l]!;
      num.matmulTransA(input, d, dW[l]!, n, s[l]!, s[l + 1]!, arena);
      num.columnSums(d, db[l]!, n, s[l + 1]!);
      if (l > 0) num.matmulTransB(d, W[l]!, ws.fp[l - 1]!, ws.delta[l - 1]!, n, s[l + 1]!, s[l]!, arena);
    }
    if (simd) this.grads.set(simd.grads);
  }

  /** forward + loss + backward on the first n rows of ws.x / ws.y; the loss goes to ws.loss[0]. */
  train(ws: Workspace, n: number): void {
    this.forward(ws, n);
    this.computeLoss(ws, n);
    this.backward(ws, n);
  }

  /** train(ws, n), returning the loss. */
  lossAndGradient(ws: Workspace, n: number): number {
    this.train(ws, n);
    return ws.loss[0]!;
  }
}
