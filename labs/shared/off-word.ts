/**
 * What a hidden unit with z ≤ 0 on every training example is called. Only where the activation's slope
 * there is exactly 0 (ReLU, step) does no gradient reach it, so it is "dead" for good; under Leaky ReLU,
 * sigmoid, tanh, identity, ELU, GELU or SiLU it still learns, so it is only "inactive".
 */
import type { OffWord } from "../../src/plots/unit-grid.ts";

/** "dead" under ReLU and step, "inactive" under every other activation. */
export function offWord(activation: string): OffWord {
  return activation === "relu" || activation === "step" ? "dead" : "inactive";
}
