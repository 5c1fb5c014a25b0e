import { afterEach, describe, expect, it, vi } from "vitest";
import { simdAvailable, TileArena } from "./tile-arena.ts";

describe("TileArena", () => {
  it("runs here: Node 22 has WebAssembly SIMD, so tests and benchmarks measure the kernels the labs use", () => {
    expect(simdAvailable()).toBe(true);
  });

  it("hands out zeroed, 16-byte aligned views that never start at address 0 and never overlap", () => {
    const arena = TileArena.create([3, 1, 4, 1, 5], 9)!;
    const views = [arena.transposed, ...[3, 1, 4, 1, 5].map((len) => arena.alloc(len))];
    for (const v of views) {
      expect(v.byteOffset % 16).toBe(0);
      expect(v.byteOffset).toBeGreaterThan(0);
      expect(Array.from(v).every((x) => x === 0)).toBe(true);
      v.fill(1);
    }
    const spans = views.map((v) => [v.byteOffset, v.byteOffset + v.byteLength]).sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]!);
  });

  it("computes (init + A·B) ⊙ S on whole 4×4 tiles only, leaving the edges to the caller", () => {
    const arena = TileArena.create([18, 18, 6, 36, 36], 0)!;
    const filled = (len: number, f: (i: number) => number) => {
      const v = arena.alloc(len);
      for (let i = 0; i < len; i++) v[i] = f(i);
      return v;
    };
    // A: 6×3, B: 3×6, out and S: 6×6; the tiles cover rows and columns 0–3.
    const a = filled(18, (i) => i + 1);
    const b = filled(18, (i) => (i % 7) - 3);
    const init = filled(6, (i) => i / 2);
    const s = filled(36, (i) => 1 + (i % 3));
    const out = filled(36, () => -1);
    arena.tiles(a, 3, 1, b, 6, init, s, out, 6, 4, 3, 4);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) {
        let c = init[j]!;
        for (let t = 0; t < 3; t++) c += a[i * 3 + t]! * b[t * 6 + j]!;
        expect(out[i * 6 + j], `out[${i}, ${j}]`).toBe(i < 4 && j < 4 ? c * s[i * 6 + j]! : -1);
      }
  });

  it("reads A through its strides: aRow 1 and aStep k make the rows of the product A's columns (xᵀ·δ)", () => {
    const arena = TileArena.create([32, 32, 16], 0)!;
    const [x, d, out] = [arena.alloc(32), arena.alloc(32), arena.alloc(16)];
    for (let i = 0; i < 32; i++) [x[i], d[i]] = [Math.sin(i), Math.cos(3 * i)];
    // x: 8×4, δ: 8×4, out = xᵀ·δ: 4×4.
    arena.tiles(x, 1, 4, d, 4, null, null, out, 4, 4, 8, 4);
    for (let p = 0; p < 4; p++)
      for (let j = 0; j < 4; j++) {
        let c = 0;
        for (let i = 0; i < 8; i++) c += x[i * 4 + p]! * d[i * 4 + j]!;
        expect(out[p * 4 + j]).toBe(c);
      }
  });

  it("refuses arrays that are not its own views instead of reading the wrong memory", () => {
    const arena = TileArena.create([16, 16, 16], 0)!;
    const own = arena.alloc(16);
    expect(() => arena.tiles(new Float64Array(16), 4, 1, own, 4, null, null, own, 4, 4, 4, 4)).toThrow(/arena/);
    const other = TileArena.create([16], 0)!.alloc(16);
    expect(() => arena.tiles(own, 4, 1, own, 4, null, other, own, 4, 4, 4, 4)).toThrow(/arena/);
  });

  it("refuses a shape its views cannot hold, where the kernel would write into the next buffer", () => {
    const arena = TileArena.create([16, 16, 16, 16], 0)!;
    const [a, b, out, next] = [arena.alloc(16), arena.alloc(16), arena.alloc(16), arena.alloc(16)];
    // 8 rows of 4 against a 4×4 view: out holds only 4 rows.
    expect(() => arena.tiles(a, 4, 1, b, 4, null, null, out, 4, 8, 4, 4)).toThrow(RangeError);
    expect(() => arena.tiles(a, 4, 1, b, 4, null, null, out, 4, 4, 5, 4)).toThrow(RangeError);
    expect(() => arena.tiles(a, 4, 1, b, 4, out.subarray(0, 3), null, out, 4, 4, 4, 4)).toThrow(RangeError);
    expect(Array.from(next).every((v) => v === 0)).toBe(true);
    arena.tiles(a, 4, 1, b, 4, null, null, out, 4, 4, 4, 4);
  });

  it("allocates only what create() was told (rounding up to whole pages would hide a wrong estimate)", () => {
    const arena = TileArena.create([3, 4], 2)!;
    arena.alloc(3);
    expect(() => arena.alloc(5)).toThrow(RangeError);
    arena.alloc(4);
    expect(() => arena.alloc(1)).toThrow(RangeError);
  });

  it("declines a memory above 1 GiB (the JavaScript kernels take over)", () => {
    expect(TileArena.create([2 ** 27], 0)).toBeNull();
  });
});

describe("TileArena in float32", () => {
  it("hands out Float32Array views, 16-byte aligned and not overlapping, sized at four bytes a value", () => {
    const arena = TileArena.create([3, 1, 4, 1, 5], 9, "float32")!;
    expect(arena.precision).toBe("float32");
    const views = [arena.transposed, ...[3, 1, 4, 1, 5].map((len) => arena.alloc(len))];
    for (const v of views) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.byteOffset % 16).toBe(0);
      v.fill(1);
    }
    const spans = views.map((v) => [v.byteOffset, v.byteOffset + v.byteLength]).sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]!);
    expect(() => arena.alloc(1)).toThrow(RangeError);
  });

  it("computes (init + A·B) ⊙ S in float32 on whole tiles only: eight columns at a time, then four", () => {
    const fr = Math.fround;
    // A: 6×5, B: 5×14, out and S: 6×14; the tiles cover rows 0–3 and columns 0–11 (one eight-wide block, one four-wide).
    const arena = TileArena.create([30, 70, 14, 84, 84], 0, "float32")!;
    const filled = (len: number, f: (i: number) => number) => {
      const v = arena.alloc(len);
      for (let i = 0; i < len; i++) v[i] = f(i);
      return v;
    };
    const a = filled(30, (i) => Math.sin(i) * 3);
    const b = filled(70, (i) => Math.cos(i * 0.7));
    const init = filled(14, (i) => i / 3);
    const s = filled(84, (i) => 1 + (i % 3) / 7);
    const out = filled(84, () => -1);
    arena.tiles(a, 5, 1, b, 14, init, s, out, 14, 4, 5, 12);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 14; j++) {
        let c = init[j]!;
        for (let t = 0; t < 5; t++) c = fr(c + fr(a[i * 5 + t]! * b[t * 14 + j]!));
        expect(out[i * 14 + j], `out[${i}, ${j}]`).toBe(i < 4 && j < 12 ? fr(c * s[i * 14 + j]!) : -1);
      }
  });

  it("refuses a shape its float32 views cannot hold", () => {
    const arena = TileArena.create([16, 16, 16, 16], 0, "float32")!;
    const [a, b, out, next] = [arena.alloc(16), arena.alloc(16), arena.alloc(16), arena.alloc(16)];
    expect(() => arena.tiles(a, 4, 1, b, 4, null, null, out, 4, 8, 4, 4)).toThrow(RangeError);
    expect(Array.from(next).every((v) => v === 0)).toBe(true);
  });
});

describe("without WebAssembly SIMD", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  async function freshArenaModule(): Promise<typeof import("./tile-arena.ts")> {
    vi.resetModules();
    return import("./tile-arena.ts");
  }

  it("reports the kernel unavailable when there is no WebAssembly at all", async () => {
    vi.stubGlobal("WebAssembly", undefined);
    const fresh = await freshArenaModule();
    expect(fresh.simdAvailable()).toBe(false);
    expect(fresh.TileArena.create([16], 16)).toBeNull();
  });

  it("reports it unavailable when the engine lacks SIMD (validate fails)", async () => {
    vi.stubGlobal("WebAssembly", { ...WebAssembly, validate: () => false });
    expect((await freshArenaModule()).simdAvailable()).toBe(false);
  });

  it("reports it unavailable when a Content Security Policy forbids compiling", async () => {
    const refused = vi.fn(function () {
      throw new WebAssembly.CompileError("Wasm code generation disallowed by embedder");
    });
    vi.stubGlobal("WebAssembly", { ...WebAssembly, Module: refused });
    expect((await freshArenaModule()).simdAvailable()).toBe(false);
    expect(refused).toHaveBeenCalledOnce();
  });
});
