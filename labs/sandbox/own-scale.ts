/**
 * The reader's points as the network takes them: each axis scaled so the data's range fills −1…1 (own-data.ts
 * says why), and back. Apart from own-data.ts so that the sandbox's settings module, which every lab's settings
 * page loads, carries none of it.
 */
import type { OwnData } from "./own-data.ts";

/** One axis's scaling: the network sees (v − centre) / half. */
export interface AxisFit {
  centre: number;
  half: number;
}

/** Each axis's fit from its smallest and largest value; an axis where every point agrees keeps half = 1. */
export function fitAxes(x: readonly number[]): [AxisFit, AxisFit] {
  const fit = (offset: number): AxisFit => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = offset; i < x.length; i += 2) {
      lo = Math.min(lo, x[i]!);
      hi = Math.max(hi, x[i]!);
    }
    if (!(hi >= lo)) return { centre: 0, half: 1 };
    const half = (hi - lo) / 2;
    return { centre: lo + half, half: half > 0 ? half : 1 };
  };
  return [fit(0), fit(1)];
}

/** The points as the network sees them: each axis scaled into −1…1. */
export function toGrid(x: readonly number[], fits: readonly [AxisFit, AxisFit]): number[] {
  return x.map((v, i) => (v - fits[i % 2]!.centre) / fits[i % 2]!.half);
}

/** A coordinate the network sees, back in the reader's units. */
export function fromGrid(v: number, fit: AxisFit): number {
  return fit.centre + v * fit.half;
}

/** The reader's points as the trainer takes them: scaled into −1…1 per axis, with their class count. */
export interface OwnPoints {
  x: number[];
  labels: number[];
  classes: number;
}

/** The trainer's copy of the reader's points. */
export function ownPoints(own: OwnData): OwnPoints {
  return { x: toGrid(own.x, fitAxes(own.x)), labels: own.labels, classes: own.classNames.length };
}
