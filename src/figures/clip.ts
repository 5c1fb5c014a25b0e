/** Lines through data, cut to the plot box: the one place a chart turns data into path coordinates. */
import type { Box } from "./axes.ts";
import { round1 } from "./svg.ts";

/**
 * The part [t0, t1] ⊆ [0, 1] of the segment (x0, y0) → (x1, y1) inside the box, or null when none is
 * (Liang–Barsky: the segment is p(t) = p0 + t·(p1 − p0), cut by each of the four edges in turn).
 */
export function clipSegment(x0: number, y0: number, x1: number, y1: number, box: Box): [number, number] | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const p = [-dx, dx, -dy, dy];
  const q = [x0 - box.left, box.right - x0, y0 - box.top, box.bottom - y0];
  let t0 = 0;
  let t1 = 1;
  for (let k = 0; k < 4; k++) {
    const pk = p[k] as number;
    const qk = q[k] as number;
    if (pk === 0) {
      if (qk < 0) return null;
      continue;
    }
    const r = qk / pk;
    if (pk < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}

/**
 * A path number in tenths, written short: "-.4" for −0.4, "12.3", "0" (SVG path syntax allows a
 * missing leading zero, and a minus sign separates two numbers).
 */
function tenths(t: number): string {
  const s = String(t / 10);
  return s.replace(/^(-?)0\./, "$1.");
}

/** A pair of path numbers, with a comma only where the second does not start with a minus sign. */
function pair(a: number, b: number): string {
  const second = tenths(b);
  return tenths(a) + (second.startsWith("-") ? "" : ",") + second;
}

/**
 * An SVG path through (sx(xs[i]), sy(ys[i])), clipped to the box. Each piece starts with an absolute
 * "M" and goes on with relative "l" steps between coordinates rounded to 1 decimal: the steps are
 * differences of rounded values, so no error accumulates, and a curve sampled evenly repeats its x
 * step, which gzip compresses well. A non-finite point, or one the scale cannot place (y ≤ 0 on a log
 * axis maps to NaN), breaks the line, so NaN and Infinity never reach the markup. Why not a
 * <clipPath>: it needs an id, and ids would collide when one figure is shown twice on a page.
 */
export function clippedLinePath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
  box: Box,
): string {
  const n = Math.min(xs.length, ys.length);
  let d = "";
  let pen = false;
  // The last point written, in integer tenths of a unit.
  let lx = 0;
  let ly = 0;
  let px = Number.NaN;
  let py = Number.NaN;
  const move = (x: number, y: number): void => {
    lx = Math.round(round1(x) * 10);
    ly = Math.round(round1(y) * 10);
    d += `M${pair(lx, ly)}`;
  };
  const line = (x: number, y: number): void => {
    const tx = Math.round(round1(x) * 10);
    const ty = Math.round(round1(y) * 10);
    if (tx === lx && ty === ly) return;
    d += `l${pair(tx - lx, ty - ly)}`;
    lx = tx;
    ly = ty;
  };
  for (let i = 0; i < n; i++) {
    const x = Number.isFinite(xs[i]) ? sx(xs[i] as number) : Number.NaN;
    const y = Number.isFinite(ys[i]) ? sy(ys[i] as number) : Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      px = py = Number.NaN;
      continue;
    }
    if (Number.isFinite(px)) {
      const cut = clipSegment(px, py, x, y, box);
      if (cut === null) {
        pen = false;
      } else {
        const [t0, t1] = cut;
        if (!pen || t0 > 0) move(px + t0 * (x - px), py + t0 * (y - py));
        line(px + t1 * (x - px), py + t1 * (y - py));
        pen = t1 === 1;
      }
    }
    px = x;
    py = y;
  }
  return d;
}
