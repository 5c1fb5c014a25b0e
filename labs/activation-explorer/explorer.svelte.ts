import { getActivation, type ActivationName } from "../../src/core/index.ts";
import type { SettingNotice } from "../../src/settings/read-setting.ts";
import { flatIntervals, sampleActivation, type SampledCurve } from "./curves.ts";
import { valuesFromAddress, writeAddress } from "../../src/settings/url-sync.ts";
import { SCHEMA, EXPLORER_X_RANGE, readExplorerSettings, type ExplorerSettings } from "./settings.ts";

/** How many points each curve is sampled at: smooth at page width, cheap to redraw on every slider move. */
const SAMPLES = 481;

/** f(x) and f′(x) of one activation at the probe. */
export interface Readout {
  name: ActivationName;
  x: number;
  f: number;
  df: number;
}

/** The activation explorer's state and everything derived from it; the view only lays it out. */
export class ExplorerController {
  a = $state<ActivationName>("sigmoid");
  b = $state<ActivationName | "none">("none");
  alpha = $state(0.1);
  threshold = $state(0.1);
  x = $state(1);
  notices = $state.raw<SettingNotice[]>([]);

  /** Curve of the first activation. */
  readonly curveA: SampledCurve = $derived(this.sample(this.a));
  /** Curve of the comparison activation, if any. */
  readonly curveB: SampledCurve | null = $derived(this.b === "none" ? null : this.sample(this.b));
  /** Where the first activation's slope is below the threshold. */
  readonly bandsA = $derived(flatIntervals(this.curveA.xs, this.curveA.df, this.threshold));
  /** f and f′ at the probe, for each activation shown. */
  readonly readouts: Readout[] = $derived(
    [this.a, ...(this.b === "none" ? [] : [this.b])].map((name) => {
      const act = getActivation(name, this.alpha);
      return { name, x: this.x, f: act.f(this.x), df: act.df(this.x) };
    }),
  );

  readonly #preset: ExplorerSettings;
  readonly #urlKey: string;

  constructor(preset: unknown, urlKey = "ae") {
    const { settings, notices } = readExplorerSettings(preset);
    this.#preset = settings;
    this.#urlKey = urlKey;
    this.apply(settings);
    this.notices = notices;
  }

  /** Applies settings from the page address (after mounting, so hydration matches the build). */
  applyAddress(): void {
    const { values, notices, present } = valuesFromAddress(SCHEMA, this.#urlKey, this.#preset);
    if (!present) return;
    this.apply(values as ExplorerSettings);
    this.notices = [...this.notices, ...notices];
  }

  /** Writes the current settings into the address (only those that differ from the preset). */
  writeAddress(): void {
    writeAddress(SCHEMA, this.#urlKey, this.settings, this.#preset);
  }

  /** Replaces every setting at once (a preset, a reset). */
  apply(settings: ExplorerSettings): void {
    this.a = settings.a;
    this.b = settings.b;
    this.alpha = settings.alpha;
    this.threshold = settings.threshold;
    this.x = settings.x;
  }

  /** The current settings as plain data. */
  get settings(): ExplorerSettings {
    return { a: this.a, b: this.b, alpha: this.alpha, threshold: this.threshold, x: this.x };
  }

  private sample(name: ActivationName): SampledCurve {
    return sampleActivation(name, this.alpha, EXPLORER_X_RANGE.min, EXPLORER_X_RANGE.max, SAMPLES);
  }
}
