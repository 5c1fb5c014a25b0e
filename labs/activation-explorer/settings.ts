import { ACTIVATION_NAMES, type ActivationName } from "../../src/core/index.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import { presetValues } from "../../src/settings/url-sync.ts";
import type { UrlSchema } from "../../src/settings/url-state.ts";

/** The explorer's whole state: plain data, as a lesson preset or a URL holds it. */
export interface ExplorerSettings {
  /** The activation drawn first (solid). */
  a: ActivationName;
  /** A second activation to compare with, or "none". */
  b: ActivationName | "none";
  /** Leaky ReLU's negative slope (and ELU's α). */
  alpha: number;
  /** |f′| below this counts as saturated and is shaded. */
  threshold: number;
  /** Where the readout probes. */
  x: number;
}

/** The x-range the explorer draws. */
export const EXPLORER_X_RANGE = { min: -6, max: 6 } as const;

/** Every setting, its bounds and its default: what presets and the address may set (keys ae.a, ae.x, …). */
export const SCHEMA = {
  a: { kind: "choice", label: "activation", choices: ACTIVATION_NAMES, fallback: "sigmoid" },
  b: { kind: "choice", label: "compare with", choices: ["none", ...ACTIVATION_NAMES], fallback: "none" },
  alpha: { kind: "number", label: "α", min: 0, max: 0.5, fallback: 0.1 },
  threshold: { kind: "number", label: "saturation threshold", min: 0, max: 0.25, fallback: 0.1 },
  x: { kind: "number", label: "x", min: EXPLORER_X_RANGE.min, max: EXPLORER_X_RANGE.max, fallback: 1 },
} as const satisfies UrlSchema;

/** Bounds of the numeric settings, for the sliders. */
export const EXPLORER_LIMITS = {
  alpha: SCHEMA.alpha,
  threshold: SCHEMA.threshold,
  x: SCHEMA.x,
} as const;

/** Validates a preset from a lesson; bad values become defaults and notices, never exceptions. */
export function readExplorerSettings(raw: unknown): { settings: ExplorerSettings; notices: SettingNotice[] } {
  const { values, notices } = presetValues(SCHEMA, raw);
  return { settings: values as ExplorerSettings, notices };
}
