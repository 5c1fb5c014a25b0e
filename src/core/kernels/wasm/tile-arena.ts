/**
 * The SIMD tile kernels (tiles.wat) and the WebAssembly memory they work in. A TileArena is one fixed-size
 * memory of one precision: buffers are carved out of it once, as Float64Array views (float64, the f64x2
 * kernel) or Float32Array views (float32, the f32x4 kernel), and the kernel reads and writes them in place.
 * The memory never grows (growing would detach every view), so an arena is sized for all its buffers when
 * it is made.
 *
 * The kernel computes the 4×4 tiles of a product; the JavaScript kernels in matmul*.ts do the edges, and
 * everything where WebAssembly SIMD is missing or a page's policy forbids compiling it. Both round the same
 * way in the same order, so every result is the same number, bit for bit (matmul.test.ts,
 * kernels-agree.test.ts); only a NaN's payload bits may differ, and a NaN stops training anyway.
 */
import type { Precision } from "../../names.ts";
import type { FloatArray } from "../float-array.ts";
import { TILES_WASM_HEX } from "./tiles-bytes.ts";

/** The part of the WebAssembly JavaScript API used here (ES2022 declares none of it; Node, browsers and workers all have it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: { tiles?: unknown; tiles32?: unknown } };
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
}

/** tiles(a, aRow, aStep, b, bStep, init, s, out, outRow, rows4, inner, cols4) and tiles32 (the same): byte addresses and strides; see tiles.wat. */
type TilesExport = (
  a: number,
  aRow: number,
  aStep: number,
  b: number,
  bStep: number,
  init: number,
  s: number,
  out: number,
  outRow: number,
  rows4: number,
  inner: number,
  cols4: number,
) => void;

const PAGE_BYTES = 65536;
/** Address 0 stands for "none" in the kernel, so the first buffer starts after one 16-byte slot. */
const FIRST_ADDRESS = 16;
/** Arenas above this size are not made (the JavaScript kernels take over): 1 GiB, well inside what browsers grant. */
const MAX_ARENA_BYTES = 1 << 30;

let compiled: object | null | undefined;

/** Bytes a buffer of len values of `size` bytes takes: the next one starts on a 16-byte boundary. */
function footprint(len: number, size: number): number {
  return Math.ceil((len * size) / 16) * 16;
}

function decodeHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * The compiled kernel, or null where it cannot run: no WebAssembly, no SIMD (validate fails), or a Content
 * Security Policy without 'wasm-unsafe-eval' (compiling throws). Compiled once per realm.
 */
function tileModule(): object | null {
  if (compiled === undefined) {
    const api = wasmApi();
    try {
      const bytes = decodeHex(TILES_WASM_HEX);
      compiled = api && api.validate(bytes) ? new api.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether the SIMD tile kernel can run in this realm. */
export function simdAvailable(): boolean {
  return tileModule() !== null;
}

/** The view type of a precision. */
type ViewOf<P extends Precision> = P extends "float32" ? Float32Array : Float64Array;

/** One WebAssembly memory with the tile kernel of its precision bound to it, and a bump allocator for views. */
export class TileArena<F extends FloatArray = FloatArray> {
  readonly buffer: ArrayBuffer;
  readonly precision: Precision;
  /** Scratch for a transposed weight matrix (δ·Wᵀ reads Wᵀ along its rows), sized at creation. */
  readonly transposed: F;
  #tiles: TilesExport;
  /** Bytes per value: 8 or 4. */
  #size: number;
  #next = FIRST_ADDRESS;
  /** End of the bytes create() budgeted: alloc refuses to pass it, so a wrong estimate fails loudly (pages round up and would hide it). */
  #limit: number;

  private constructor(
    buffer: ArrayBuffer,
    precision: Precision,
    tiles: TilesExport,
    transposed: number,
    limit: number,
  ) {
    this.buffer = buffer;
    this.precision = precision;
    this.#tiles = tiles;
    this.#size = precision === "float32" ? 4 : 8;
    this.#limit = limit;
    this.transposed = this.alloc(transposed);
  }

  /**
   * An arena of `precision` (default float64) holding buffers of the given lengths (in values) plus a
   * transpose scratch of `transposed` values, or null where the kernel cannot run or the memory cannot be
   * had. Allocate exactly those buffers.
   */
  static create<P extends Precision = "float64">(
    lengths: readonly number[],
    transposed: number,
    precision?: P,
  ): TileArena<ViewOf<P>> | null {
    const module = tileModule();
    const api = wasmApi();
    if (!module || !api) return null;
    const size = precision === "float32" ? 4 : 8;
    const bytes = [...lengths, transposed].reduce((sum, len) => sum + footprint(len, size), FIRST_ADDRESS);
    if (bytes > MAX_ARENA_BYTES) return null;
    const pages = Math.ceil(bytes / PAGE_BYTES);
    try {
      const memory = new api.Memory({ initial: pages, maximum: pages });
      const { exports } = new api.Instance(module, { core: { memory } });
      const tiles = (size === 4 ? exports.tiles32 : exports.tiles) as TilesExport;
      return new TileArena<ViewOf<P>>(memory.buffer, precision ?? "float64", tiles, transposed, bytes);
    } catch {
      return null;
    }
  }

  /** A zeroed view of len values, 16-byte aligned, that lives as long as the arena. Throws past the lengths create() was given. */
  alloc(len: number): F {
    const bytes = footprint(len, this.#size);
    if (this.#next + bytes > this.#limit)
      throw new RangeError(`TileArena.alloc: ${len} values do not fit in what create() was asked for.`);
    const view =
      this.#size === 4
        ? new Float32Array(this.buffer, this.#next, len)
        : new Float64Array(this.buffer, this.#next, len);
    this.#next += bytes;
    return view as F;
  }

  /**
   * The 4×4 tiles of out = (init + A·B) ⊙ S: out[i·outRow + j] for i < rows4, j < cols4 (both multiples of
   * 4) is (init[j] + Σ_{t<inner} a[i·aRow + t·aStep] · b[t·bStep + j]) · s[i·outRow + j], summed in the order
   * of t; init null means 0, s null means no factor. Each product and sum is rounded to the arena's precision
   * (f64x2 in float64, f32x4 in float32). Strides are in elements; every array must be a view of this arena,
   * long enough for the shape (the kernel would otherwise write into the next buffer, where JavaScript drops a
   * write past the end).
   */
  tiles(
    a: F,
    aRow: number,
    aStep: number,
    b: F,
    bStep: number,
    init: F | null,
    s: F | null,
    out: F,
    outRow: number,
    rows4: number,
    inner: number,
    cols4: number,
  ): void {
    const buf = this.buffer;
    if (
      a.buffer !== buf ||
      b.buffer !== buf ||
      out.buffer !== buf ||
      (init && init.buffer !== buf) ||
      (s && s.buffer !== buf)
    )
      throw new Error("TileArena.tiles: every array must be a view of this arena.");
    if (rows4 > 0 && inner > 0 && cols4 > 0) {
      const lastRow = (rows4 - 1) * outRow + cols4;
      if (
        a.length <= (rows4 - 1) * aRow + (inner - 1) * aStep ||
        b.length < (inner - 1) * bStep + cols4 ||
        out.length < lastRow ||
        (s && s.length < lastRow) ||
        (init && init.length < cols4)
      )
        throw new RangeError("TileArena.tiles: an array is shorter than the shape needs.");
    }
    const size = this.#size;
    this.#tiles(
      a.byteOffset,
      size * aRow,
      size * aStep,
      b.byteOffset,
      size * bStep,
      init ? init.byteOffset : 0,
      s ? s.byteOffset : 0,
      out.byteOffset,
      size * outRow,
      rows4,
      inner,
      cols4,
    );
  }
}
