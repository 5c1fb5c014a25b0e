/** Building a trainer or a perceptron from a plain, untrusted config (validated, with messages that name each field). */
import { validateConfig, type InitConfig, type SeedConfig } from "./config.ts";
import { makeDataset, type DatasetConfig } from "../data/datasets.ts";
import { createRng } from "../data/rng.ts";
import { initWeights } from "../network/init.ts";
import { Perceptron } from "./perceptron.ts";
import { Trainer, type TrainerOptions } from "./trainer.ts";

/** Validates `config` (throws ConfigError listing every issue) and builds a trainer with its data and initial weights. */
export function createTrainer(config: unknown, options?: TrainerOptions): Trainer {
  return new Trainer(config, options);
}

/** Plain settings for the perceptron lab; init and seeds mean what they mean for a [2, 1] trainer, so both start from the same weights. */
export interface PerceptronConfig {
  dataset: DatasetConfig;
  seeds: SeedConfig;
  init: InitConfig;
  lr: number;
}

/** Validates and builds a perceptron on a binary dataset, with the initial weights createTrainer would give layers [2, 1]. */
export function createPerceptron(config: PerceptronConfig): Perceptron {
  const c = validateConfig({
    layers: [2, 1],
    hidden: "step",
    head: "step",
    loss: "mse",
    init: config.init,
    optimizer: { kind: "sgd", lr: config.lr },
    seeds: config.seeds,
    dataset: config.dataset,
  });
  const W = new Float64Array(2);
  initWeights(c.init.kind, c.init.scale ?? 1, W, 2, 1, createRng(c.seeds.init));
  return new Perceptron(makeDataset(c.dataset, c.seeds.data), {
    lr: c.optimizer.lr,
    w: [W[0]!, W[1]!],
    b: c.init.bias ?? 0,
    seed: c.seeds.batch,
  });
}
