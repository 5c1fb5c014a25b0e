/**
 * The run's points as the sandbox's charts show them: as trained, or for the reader's own data (own-data.ts)
 * in the reader's units, with the boundary grid's box mapped back with them.
 */
import { GRID_EXTENT } from "../../src/core/index.ts";
import type { DataSnapshot } from "../../src/worker/protocol.ts";
import type { OwnData } from "./own-data.ts";
import { fitAxes, fromGrid, type AxisFit } from "./own-scale.ts";

/** The points a chart draws and the box of input space the boundary grid covers, in one set of units. */
export interface PlottedData {
  data: DataSnapshot | null;
  xRange: [number, number];
  yRange: [number, number];
  /** The reader's names of the classes (own data), or undefined for "class 0", "class 1", …. */
  classNames?: string[];
}

/**
 * The run's dataset as the boundary chart shows it: as trained (the grid box ±GRID_EXTENT), or for the reader's
 * own data in their units, the box mapped back with it, so the chart, its table and its CSV speak their numbers.
 */
export function plottedData(data: DataSnapshot | null, own: OwnData | null): PlottedData {
  const box: [number, number] = [-GRID_EXTENT, GRID_EXTENT];
  if (!data || !own) return { data, xRange: box, yRange: box };
  const fits = fitAxes(own.x);
  const back = (x: Float64Array) => x.map((v, i) => fromGrid(v, fits[i % 2]!));
  const range = (fit: AxisFit): [number, number] => [fromGrid(-GRID_EXTENT, fit), fromGrid(GRID_EXTENT, fit)];
  return {
    data: { ...data, trainX: back(data.trainX), testX: back(data.testX) },
    xRange: range(fits[0]),
    yRange: range(fits[1]),
    classNames: own.classNames,
  };
}
