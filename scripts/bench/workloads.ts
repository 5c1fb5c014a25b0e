/** The four benchmark workloads: 256 two-dimensional points, full batch, SGD, one forward + backward + update per step. */
import type { TrainerConfig } from "../../src/core/index.ts";

/** A workload: an id, a label for the table, and the core config that trains it. */
export interface Workload {
  id: string;
  label: string;
  config: TrainerConfig;
}

export const POINTS = 256;

function workload(
  id: string,
  label: string,
  layers: number[],
  hidden: TrainerConfig["hidden"],
  multiclass: boolean,
): Workload {
  return {
    id,
    label,
    config: {
      layers,
      hidden,
      head: multiclass ? "softmax" : "sigmoid",
      loss: multiclass ? "cross-entropy" : "bce",
      init: { kind: hidden === "relu" ? "he-normal" : "xavier-normal", bias: 0 },
      optimizer: { kind: "sgd", lr: 0.01 },
      batchSize: "full",
      seeds: { data: 1, init: 2, batch: 3 },
      dataset: multiclass
        ? { kind: "blobs", n: POINTS, noise: 0.1, classes: layers[layers.length - 1]!, testFraction: 0 }
        : { kind: "moons", n: POINTS, noise: 0.1, testFraction: 0 },
    },
  };
}

export const WORKLOADS: Workload[] = [
  workload("W1", "2-8-8-1 tanh, sigmoid+BCE", [2, 8, 8, 1], "tanh", false),
  workload("W2", "2-[32×10]-1 sigmoid, sigmoid+BCE", [2, ...Array<number>(10).fill(32), 1], "sigmoid", false),
  workload("W3", "2-128-128-128-1 ReLU, sigmoid+BCE", [2, 128, 128, 128, 1], "relu", false),
  workload("W4", "2-64-64-5 ReLU, softmax+CE", [2, 64, 64, 5], "relu", true),
];

/** Floating-point operations per training step: 2 per multiply-add, backward counted as twice the forward. */
export function flopsPerStep(layers: readonly number[], points: number): number {
  let macs = 0;
  for (let l = 1; l < layers.length; l++) macs += layers[l - 1]! * layers[l]!;
  return 3 * 2 * points * macs;
}
