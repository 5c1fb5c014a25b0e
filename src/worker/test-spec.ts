/** A session for tests, so each test file states only what it changes. */
import type { SessionSpec } from "./protocol.ts";

/**
 * A small, fast session: a 2-8-1 tanh network on 100 noisy XOR points (a fifth held out), sigmoid + BCE,
 * SGD at 0.5, an 8×8 boundary grid, no path, no perceptron. `config` overrides fields of the trainer
 * config, `session` fields of the session.
 */
export function testSpec(
  config: Record<string, unknown> = {},
  session: Partial<Omit<SessionSpec, "config">> = {},
): SessionSpec {
  return {
    lab: "test",
    // Tests pass configs the core must refuse, so the overrides are not checked here: the worker checks them.
    config: {
      layers: [2, 8, 1],
      hidden: "tanh",
      head: "sigmoid",
      loss: "bce",
      init: { kind: "xavier-normal" },
      optimizer: { kind: "sgd", lr: 0.5 },
      seeds: { data: 1, init: 2, batch: 3 },
      dataset: { kind: "xor", n: 100, noise: 0.05, testFraction: 0.2 },
      ...config,
    } as SessionSpec["config"],
    boundarySize: 8,
    diagnosticsEvery: 1,
    saturationThreshold: 0.01,
    path: null,
    outputParts: 0,
    perceptron: null,
    ...session,
  };
}
