/** The activation explorer's settings: what a lesson's preset and the address may set (keys ae.a, ae.x, …). */
import { ACTIVATION_NAMES, SATURATION_THRESHOLD, type ActivationName } from "../../src/core/index.ts";
import type { UrlSchema, UrlValues } from "../../src/settings/url-state.ts";

/** The x-range the explorer draws. */
export const EXPLORER_X_RANGE = { min: -6, max: 6 } as const;

/** Every setting, its bounds and its default. */
export const SCHEMA = {
  /** The activation drawn first (solid). */
  a: { kind: "choice", label: "activation", choices: ACTIVATION_NAMES, fallback: "sigmoid" },
  /** A second activation to compare with, or "none". */
  b: { kind: "choice", label: "compare with", choices: ["none", ...ACTIVATION_NAMES], fallback: "none" },
  /** Leaky ReLU's negative slope (and ELU's α). */
  alpha: { kind: "number", label: "α", min: 0, max: 0.5, fallback: 0.1 },
  /** |f′| below this counts as saturated and is shaded. */
  threshold: { kind: "number", label: "saturation threshold", min: 0, max: 0.25, fallback: SATURATION_THRESHOLD },
  /** Where the readout probes. */
  x: { kind: "number", label: "x", min: EXPLORER_X_RANGE.min, max: EXPLORER_X_RANGE.max, fallback: 1 },
} as const satisfies UrlSchema;

/** The explorer's whole state: plain data, as a lesson preset or a URL holds it. */
export type ExplorerSettings = UrlValues<typeof SCHEMA> & { a: ActivationName; b: ActivationName | "none" };
