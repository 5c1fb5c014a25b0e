/**
 * A build-time snapshot as it travels to the browser: typed arrays as plain arrays (flatten /
 * unflatten), and the whole value as one compact string prop (encodeStatic / decodeStatic).
 *
 * Embeds pass it to the island as one string, not as an object: Astro serialises object props number
 * by number (`[0,0.12345678901234568]`), which made a lesson's HTML mostly snapshot. The string keeps
 * scalars exact (the readouts show them) and rounds the long float arrays (boundary grid, history, data
 * points) to STATIC_DIGITS significant digits, more than a plot can draw. The island decodes the same
 * string on the server and in the browser, so hydration sees the numbers the HTML shows.
 *
 * This module runs in the browser: it must not import the training code (static-run.ts does).
 */
import type { Snapshot } from "../../src/worker/protocol.ts";

/** A Snapshot whose typed arrays are plain number arrays. */
export type StaticSnapshot = Omit<Snapshot, "boundary" | "history" | "data"> & {
  boundary: number[] | null;
  history: { width: number; rows: number; data: number[] };
  data: { classes: number; trainX: number[]; trainLabels: number[]; testX: number[]; testLabels: number[] } | null;
};

/** Typed arrays → plain arrays. */
export function flatten(s: Snapshot): StaticSnapshot {
  return {
    ...s,
    boundary: s.boundary ? Array.from(s.boundary) : null,
    history: { width: s.history.width, rows: s.history.rows, data: Array.from(s.history.data) },
    data: s.data
      ? {
          classes: s.data.classes,
          trainX: Array.from(s.data.trainX),
          trainLabels: Array.from(s.data.trainLabels),
          testX: Array.from(s.data.testX),
          testLabels: Array.from(s.data.testLabels),
        }
      : null,
  };
}

/** Plain arrays → typed arrays, so a static snapshot reads like a live one. */
export function unflatten(s: StaticSnapshot): Snapshot {
  return {
    ...s,
    boundary: s.boundary ? Float64Array.from(s.boundary) : null,
    history: { width: s.history.width, rows: s.history.rows, data: Float64Array.from(s.history.data) },
    data: s.data
      ? {
          classes: s.data.classes,
          trainX: Float64Array.from(s.data.trainX),
          trainLabels: Int32Array.from(s.data.trainLabels),
          testX: Float64Array.from(s.data.testX),
          testLabels: Int32Array.from(s.data.testLabels),
        }
      : null,
  };
}

/** A value encoded by encodeStatic: a JSON string that decodes to T. */
export type Encoded<T> = string & { readonly __encodes?: T };

/**
 * Significant digits kept in a snapshot's long float arrays, by field. History and data points also appear as
 * text in the data tables (3 digits): 6 keeps a rounded-then-formatted value equal to the live one but in ~1
 * case in 2000. Logits (multiclass softmax table, 4 digits shown) keep 6 too. The boundary grid is quantised
 * instead (see BOUNDARY_LEVELS).
 */
export const STATIC_DIGITS: Readonly<Record<string, number>> = { data: 6, trainX: 6, testX: 6, logits: 6 };

/**
 * A static boundary grid's class scores (each in [0, 1]) as one character each, 64 levels from this alphabet
 * (URL-safe: nothing an HTML attribute or JSON has to escape). Why: the grid only becomes shades and a contour
 * until the live run replaces it, a step of 1/63 in p is under 1% of the shading, and as numbers the grids
 * were most of a lesson's HTML (3 072 values for three classes).
 */
const BOUNDARY_LEVELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Class scores in [0, 1] as BOUNDARY_LEVELS characters (a score outside [0, 1] or not finite becomes the nearest end). */
export function packBoundary(grid: readonly number[]): string {
  const top = BOUNDARY_LEVELS.length - 1;
  return grid
    .map((p) => BOUNDARY_LEVELS[Math.round(Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0)) * top)]!)
    .join("");
}

/** The scores packBoundary packed (to within half a level, 1/126). */
export function unpackBoundary(packed: string): number[] {
  const top = BOUNDARY_LEVELS.length - 1;
  return Array.from(packed, (ch) => Math.max(0, BOUNDARY_LEVELS.indexOf(ch)) / top);
}

/** Non-finite numbers, which JSON cannot hold (a history's testLoss is NaN without a test split). */
const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** Rounds an array's non-integers to `digits` significant digits; integers (steps, labels) stay exact. */
function roundArray(values: unknown[], digits: number): unknown[] {
  return values.map((v) =>
    typeof v !== "number" || Number.isInteger(v) ? v : Number.isFinite(v) ? Number(v.toPrecision(digits)) : String(v),
  );
}

/** Largest decision-boundary grid side a static snapshot carries; finer grids are averaged down by an integer factor. */
export const STATIC_BOUNDARY_MAX = 32;

/**
 * A gridSize² grid of `perCell` values per cell (row-major, channel fastest), averaged over f × f blocks
 * with f = ⌈gridSize / max⌉ when f divides gridSize: side gridSize/f. Averaged probabilities still sum to 1.
 * Why: the static picture only has to last until the live warm-up replaces it, and at 64² × 3 classes the
 * grid alone was half of a lesson's HTML.
 */
export function coarsenBoundary(
  grid: readonly number[],
  gridSize: number,
  max = STATIC_BOUNDARY_MAX,
): { grid: number[]; gridSize: number } {
  const f = Math.ceil(gridSize / max);
  const perCell = grid.length / (gridSize * gridSize);
  if (f <= 1 || gridSize % f !== 0 || !Number.isInteger(perCell)) return { grid: [...grid], gridSize };
  const side = gridSize / f;
  const out = new Array<number>(side * side * perCell).fill(0);
  for (let r = 0; r < gridSize; r++) {
    for (let c = 0; c < gridSize; c++) {
      const to = (Math.floor(r / f) * side + Math.floor(c / f)) * perCell;
      const from = (r * gridSize + c) * perCell;
      for (let k = 0; k < perCell; k++) out[to + k]! += grid[from + k]! / (f * f);
    }
  }
  return { grid: out, gridSize: side };
}

/** Whether v is an object carrying a boundary grid and its side, as snapshots do. */
function hasBoundary(v: unknown): v is { boundary: number[]; boundarySize: number } {
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray((v as { boundary?: unknown }).boundary) &&
    typeof (v as { boundarySize?: unknown }).boundarySize === "number"
  );
}

/**
 * A static snapshot (or a record of them) as one compact string prop; scalars and short arrays stay exact,
 * decision-boundary grids are coarsened to at most STATIC_BOUNDARY_MAX a side and packed (packBoundary).
 */
export function encodeStatic<T>(value: T): Encoded<T> {
  return JSON.stringify(value, (key, v: unknown) => {
    if (hasBoundary(v)) {
      const coarse = v.boundarySize > STATIC_BOUNDARY_MAX ? coarsenBoundary(v.boundary, v.boundarySize) : null;
      return {
        ...v,
        boundary: packBoundary(coarse?.grid ?? v.boundary),
        boundarySize: coarse?.gridSize ?? v.boundarySize,
      };
    }
    const digits = STATIC_DIGITS[key];
    if (digits !== undefined && Object.hasOwn(STATIC_DIGITS, key) && Array.isArray(v)) return roundArray(v, digits);
    return typeof v === "number" && !Number.isFinite(v) ? String(v) : v;
  }) as Encoded<T>;
}

/** The value encodeStatic encoded (non-finite numbers restored, boundary grids unpacked). */
export function decodeStatic<T>(encoded: Encoded<T>): T {
  return JSON.parse(encoded, (key, v: unknown) => {
    if (key === "boundary" && typeof v === "string") return unpackBoundary(v);
    return typeof v === "string" && Object.hasOwn(NON_FINITE, v) ? NON_FINITE[v] : v;
  }) as T;
}
