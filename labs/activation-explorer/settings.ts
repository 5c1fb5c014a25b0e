/** The activation explorer's settings: what a lesson's preset and the address may set (keys ae.a, ae.x, …). */
import { ACTIVATION_NAMES, SATURATION_THRESHOLD, type ActivationName } from "../../src/core/index.ts";
import type { UrlSchema, UrlValues } from "../../src/settings/url-state.ts";

/**
 * The half-widths of the x-range the explorer can draw: ±6 shows the shapes, ±12 and ±48 reach the z values the
 * lessons discuss (σ′(10), σ′(40)).
 */
export const X_RANGES = ["6", "12", "48"] as const;

/** The widest x the probe can reach. */
const X_MAX = 48;

/** The points of the data table for a half-width: the ends, a few points between, and 0. */
export function tableXs(halfWidth: number): number[] {
  const steps = [-1, -2 / 3, -1 / 3, -1 / 6, 0, 1 / 6, 1 / 3, 2 / 3, 1];
  return steps.map((f) => Math.round(f * halfWidth * 100) / 100 || 0);
}

/** Every setting, its bounds and its default. */
export const SCHEMA = {
  /** The activation drawn first (solid). */
  a: { kind: "choice", label: "activation", choices: ACTIVATION_NAMES, fallback: "sigmoid" },
  /** A second activation to compare with, or "none". */
  b: { kind: "choice", label: "compare with", choices: ["none", ...ACTIVATION_NAMES], fallback: "none" },
  /** Leaky ReLU's negative slope (and ELU's α). */
  alpha: { kind: "number", label: "α", min: 0, max: 2, fallback: 0.1 },
  /** |f′| below this counts as saturated and is shaded. */
  threshold: { kind: "number", label: "saturation threshold", min: 0, max: 0.25, fallback: SATURATION_THRESHOLD },
  /** Where the readout probes. */
  x: { kind: "number", label: "x", min: -X_MAX, max: X_MAX, fallback: 1 },
  /** The half-width of the x-range drawn (the probe stays inside it). */
  range: { kind: "choice", label: "x range", choices: X_RANGES, fallback: "6" },
} as const satisfies UrlSchema;

/** The explorer's whole state: plain data, as a lesson preset or a URL holds it. */
export type ExplorerSettings = UrlValues<typeof SCHEMA> & { a: ActivationName; b: ActivationName | "none" };
