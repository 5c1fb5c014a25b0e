/** Value arithmetic for bar charts: a domain that holds still, and what to show where a bar cannot be drawn. */
import { formatDecade, formatNumber } from "./format.ts";
import { finiteExtent, linearDomain, logDomain } from "./scales.ts";

/** The lowest a log bar axis reaches down for data (a gradient of 3×10⁻¹⁴ is worth a bar; 10⁻³⁰⁰ is "below"). */
export const LOG_BAR_FLOOR = 1e-30;

/** The smallest finite positive value, or Infinity without one. */
function minPositive(data: ArrayLike<number>[]): number {
  let m = Infinity;
  for (const a of data)
    for (let i = 0; i < a.length; i++) if ((a[i] as number) > 0 && (a[i] as number) < m) m = a[i] as number;
  return m;
}

/**
 * The value axis of a bar chart. Given min and max win when valid for the scale (fixed axes keep bars
 * from jumping between frames); a missing one comes from the finite data: whole decades on a log scale,
 * round numbers including 0 on a linear one. A log axis also reaches down to the decade of its smallest
 * positive value (not below LOG_BAR_FLOOR), so a bar under a given floor is drawn, not lost. Never NaN or Infinity.
 */
export function barDomain(data: ArrayLike<number>[], log: boolean, min?: number, max?: number): [number, number] {
  const ext = finiteExtent(data);
  const allZero = !ext || (ext[0] === 0 && ext[1] === 0);
  const auto: [number, number] = log
    ? logDomain(undefined, undefined, data)
    : allZero
      ? [0, 1]
      : linearDomain(undefined, undefined, [...data, [0]]);
  const lo = Number.isFinite(min) ? (min as number) : auto[0];
  const hi = Number.isFinite(max) ? (max as number) : auto[1];
  // A given bound that contradicts the other (or a non-positive log bound) is ignored: the data decide.
  const [a, b] = hi > lo && (!log || lo > 0) ? [lo, hi] : auto;
  if (!log) return [a, b];
  const small = minPositive(data);
  const reach = small < a ? Math.max(LOG_BAR_FLOOR, 10 ** Math.floor(Math.log10(small))) : a;
  return [Math.min(a, reach), b];
}

/**
 * What stands in for a bar that cannot be drawn: "—" for a non-finite value, "0" for zero (or ≤ 0 on a log
 * scale), "<10⁻³⁰" for a positive value below the log axis's bottom `lo`, else null.
 */
export function barMarker(v: number, log: boolean, lo = 0): string | null {
  if (!Number.isFinite(v)) return "—";
  if (v === 0 || (log && v < 0)) return "0";
  if (log && v < lo) return `<${formatDecade(lo)}`;
  return null;
}

/** Gap between a layer's two bars (the run and the pinned run), in px. */
const PAIR_GAP = 2;

/**
 * Where the bars of a per-layer chart go: n layers side by side across [left, left + width], each with one bar,
 * or two (`paired`: the run and a pinned run). Every bar and every label of a bar takes its x from here, so a
 * label stays over its own bar however many bars there are.
 */
export function barLayout(n: number, left: number, width: number, paired: boolean) {
  const band = Math.max(0, width / Math.max(1, n));
  const barW = Math.min(48, band * (paired ? 0.4 : 0.64));
  const group = paired ? 2 * barW + PAIR_GAP : barW;
  const x = (i: number, which: 0 | 1 = 0) => left + band * i + (band - group) / 2 + which * (barW + PAIR_GAP);
  return {
    band,
    barW,
    /** Left edge of layer i's bar (`which` 1: the pinned run's). */
    x,
    /** Centre of that bar: where its labels go. */
    centre: (i: number, which: 0 | 1 = 0) => x(i, which) + barW / 2,
    /** The least distance between the centres of two neighbouring bars: the room one bar's label has. */
    pitch: paired ? Math.min(barW + PAIR_GAP, band - barW - PAIR_GAP) : band,
  };
}

/** Roughly how wide `text` is at `fontPx` (a chart's label: digits, letters, a few symbols). */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.6;
}

/**
 * How labels fit over bars `pitch` px apart: "across" when the widest fits beside its neighbours, "up" (turned to
 * read upwards) when a line of text does, else "none". One answer for all the chart's labels, so every bar is
 * labelled the same way.
 */
export function labelFit(texts: readonly string[], pitch: number, fontPx: number): "across" | "up" | "none" {
  const widest = Math.max(0, ...texts.map((t) => textWidth(t, fontPx)));
  if (widest <= pitch - 3) return "across";
  if (fontPx <= pitch - 1) return "up";
  return "none";
}

/**
 * A bar's value as its label: on a share axis (0 to 1) a whole percentage ("<1%" and ">99%" at the ends, never a
 * rounded 0% or 100%), else 2 significant digits; "—" for none.
 */
export function valueText(v: number, share: boolean): string {
  if (!Number.isFinite(v)) return "—";
  // A sliver is not none, and nearly all is not all: rounding must not say 0% or 100% of them.
  if (share) return v > 0 && v < 0.005 ? "<1%" : v < 1 && v >= 0.995 ? ">99%" : `${Math.round(v * 100)}%`;
  return formatNumber(v, 2);
}
