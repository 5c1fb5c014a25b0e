/** The step unit's starting weights θ₀ = (w₁, w₂, b), computed exactly as the core initialises layers [2, 1]. */
import { initWeights, createRng } from "../../src/core/index.ts";
import { stepConfig, type StepSettings } from "./settings.ts";

/** θ₀ for these settings: W (2×1) drawn from the init stream, b = the init bias. Both rules start here. */
export function initialWeights(s: StepSettings): { w: [number, number]; b: number } {
  const c = stepConfig(s);
  const W = new Float64Array(2);
  initWeights(c.init.kind, c.init.scale ?? 1, W, 2, 1, createRng(c.seeds.init));
  return { w: [W[0]!, W[1]!], b: c.init.bias ?? 0 };
}
