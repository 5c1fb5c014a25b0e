import { ACTIVATION_NAMES, type ActivationName } from "../../src/core/activations.ts";
import { readChoice, readNumber, type SettingNotice } from "../shared/read-setting.ts";

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

/** Bounds and defaults of the numeric settings (the sliders use the same). */
export const EXPLORER_LIMITS = {
  alpha: { min: 0, max: 0.5, fallback: 0.1 },
  threshold: { min: 0, max: 0.25, fallback: 0.1 },
  x: { min: EXPLORER_X_RANGE.min, max: EXPLORER_X_RANGE.max, fallback: 1 },
} as const;

const B_CHOICES = ["none", ...ACTIVATION_NAMES] as const;

/** Validates a preset from a lesson or URL; bad values become defaults and notices, never exceptions. */
export function readExplorerSettings(raw: unknown): { settings: ExplorerSettings; notices: SettingNotice[] } {
  const notices: SettingNotice[] = [];
  const source: Record<string, unknown> =
    raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const get = (key: string): unknown => (Object.hasOwn(source, key) ? source[key] : undefined);
  const settings: ExplorerSettings = {
    a: readChoice(get("a"), "activation", ACTIVATION_NAMES, "sigmoid", notices),
    b: readChoice(get("b"), "compare with", B_CHOICES, "none", notices),
    alpha: readNumber(get("alpha"), "α", EXPLORER_LIMITS.alpha, notices),
    threshold: readNumber(get("threshold"), "saturation threshold", EXPLORER_LIMITS.threshold, notices),
    x: readNumber(get("x"), "x", EXPLORER_LIMITS.x, notices),
  };
  return { settings, notices };
}
