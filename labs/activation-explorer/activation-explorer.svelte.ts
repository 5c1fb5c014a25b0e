/**
 * The activation explorer's state: its settings (LabController: preset, address, one set) and what the view
 * draws from them — each curve sampled from the core, the shaded bands where |f′| is below the threshold, and
 * the readout at the probe. Nothing trains here.
 */
import { getActivation, type ActivationName } from "../../src/core/index.ts";
import { LabController, type LabOptions } from "../shared/lab-controller.svelte.ts";
import { flatIntervals, sampleActivation, type SampledCurve } from "./curves.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import type { UrlValues } from "../../src/settings/url-state.ts";
import { SCHEMA, type ExplorerSettings } from "./settings.ts";

/**
 * How many points each curve is sampled at: smooth at page width (a step of 0.05 over ±6), cheap to redraw on every
 * slider move, and small in the page's HTML, where the server draws the curves too. Every point of the data table
 * (tableXs) is a sample.
 */
export const SAMPLES = 241;

/** f(x) and f′(x) of one activation at the probe. */
export interface Readout {
  name: ActivationName;
  x: number;
  f: number;
  df: number;
}

/** The activation explorer's state and everything derived from it; the view only lays it out. */
export class ActivationExplorerLab extends LabController<typeof SCHEMA> {
  /** The settings, with the activation names typed as such. */
  readonly current = $derived(this.settings as ExplorerSettings);
  /** The half-width of the x-range drawn. */
  readonly halfWidth = $derived(Number(this.current.range));
  /** Curve of the first activation. */
  readonly curveA: SampledCurve = $derived(this.#sample(this.current.a));
  /** Curve of the comparison activation, if any. */
  readonly curveB: SampledCurve | null = $derived(this.current.b === "none" ? null : this.#sample(this.current.b));
  /** Where the first activation's slope is below the threshold. */
  readonly bandsA = $derived(flatIntervals(this.curveA.xs, this.curveA.df, this.current.threshold));
  /** f and f′ at the probe, for each activation shown (the same one twice when both menus agree). */
  readonly readouts: Readout[] = $derived(
    [this.current.a, ...(this.current.b === "none" ? [] : [this.current.b])].map((name) => {
      const act = getActivation(name, this.current.alpha);
      const x = this.current.x;
      return { name, x, f: act.f(x), df: act.df(x) };
    }),
  );

  constructor(preset: unknown = {}, options: LabOptions = {}) {
    super("activation-explorer", SCHEMA, preset, options);
  }

  /** The probe stays inside the range drawn: a narrower range pulls it to the nearest edge (a notice if asked for). */
  protected override consistent(
    values: UrlValues<typeof SCHEMA>,
    asked: readonly string[],
    notices: SettingNotice[],
  ): UrlValues<typeof SCHEMA> {
    const half = Number(values.range);
    if (Math.abs(values.x) <= half) return values;
    const x = Math.sign(values.x) * half;
    if (asked.includes("x"))
      notices.push({
        setting: SCHEMA.x.label,
        message: `x: ${values.x} is outside the range drawn (±${half}), so it is ${x}.`,
      });
    return { ...values, x };
  }

  /** Nothing to start: the curves are drawn from the settings. */
  protected started(): void {}

  /** Every change only redraws (the curves are derived). */
  protected changed(): void {}

  #sample(name: ActivationName): SampledCurve {
    return sampleActivation(name, this.current.alpha, -this.halfWidth, this.halfWidth, SAMPLES);
  }
}
