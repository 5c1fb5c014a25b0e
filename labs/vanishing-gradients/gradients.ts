/**
 * Reading per-layer gradient norms out of the run history, and saying what they mean in words.
 * Layers are weight layers: L1 (the first, W₁) … Ld (into the last hidden layer), then "out" (W_D).
 */
import type { BoundedHistory } from "../../src/plots/downsample.ts";
import { formatNumber } from "../../src/plots/format.ts";
import { COLUMN, historyLayers } from "../shared/history-views.ts";

/** History rows averaged for the bars: minibatch gradients are noisy, their recent mean is steady. */
export const RECENT_ROWS = 16;

/** Fixed log axis of every gradient-norm chart, so bars never jump between frames: 10⁻¹⁰ … 10. */
export const GRAD_DOMAIN = { min: 1e-10, max: 10 } as const;

/** Labels of a network's weight layers: "L1" … "L<hidden>", then "out". */
export function layerLabels(hidden: number): string[] {
  return [...Array.from({ length: hidden }, (_, i) => `L${i + 1}`), "out"];
}

/**
 * Per weight layer, the mean of ‖∂L/∂W_l‖ over the last `rows` history rows.
 * history: rows of [trainLoss, testLoss, gradNorm × layers, …]; returns `layers` values (NaN where there is no row).
 * A non-finite norm in the window makes that layer's mean non-finite (a diverged run shows "—", not a number).
 */
export function recentGradNorms(history: BoundedHistory, layers: number, rows = RECENT_ROWS): number[] {
  const n = history.length;
  const from = Math.max(0, n - rows);
  const held = historyLayers(history);
  return Array.from({ length: layers }, (_, l) => {
    if (n === 0 || l >= held) return Number.NaN;
    const col = history.column(COLUMN.gradNorm(l));
    let sum = 0;
    for (let i = from; i < n; i++) sum += col[i]!;
    return sum / (n - from);
  });
}

/**
 * A gradient norm this far above the axis top (10) has exploded: the weights are blowing up, and the
 * other layers' norms in the same measurement (often exactly 0, every ReLU unit pushed below 0) mean nothing.
 */
export const EXPLODED_NORM = 1e10;

/**
 * The gradient-norm history as a heatmap: rows = layers (L1 first), columns = history rows; values row-major.
 * A column in which any layer's norm is non-finite or above EXPLODED_NORM is NaN throughout, so the heatmap
 * hatches it as "exploded" instead of painting its zeros in the colour of a vanished gradient.
 */
export function gradNormHeatmap(history: BoundedHistory, layers: number): { values: Float64Array; columns: number } {
  const columns = history.length;
  const values = new Float64Array(layers * columns);
  const held = historyLayers(history);
  for (let l = 0; l < layers; l++) {
    if (l >= held) values.fill(Number.NaN, l * columns, (l + 1) * columns);
    else values.set(history.column(COLUMN.gradNorm(l)), l * columns);
  }
  for (let j = 0; j < columns; j++) {
    let exploded = false;
    for (let l = 0; l < Math.min(layers, held) && !exploded; l++) {
      const v = values[l * columns + j]!;
      exploded = !Number.isFinite(v) || v > EXPLODED_NORM;
    }
    if (exploded) for (let l = 0; l < layers; l++) values[l * columns + j] = Number.NaN;
  }
  return { values, columns };
}

/**
 * What the gradient sentence says once a run has diverged: what happened at which step (the step that failed
 * was not applied, so the charts end one step before it), and only the cures the current settings leave open.
 */
export function explodedText(
  divergedAt: number | null,
  options: { usesScale: boolean; canLowerRate: boolean },
): string {
  const at =
    divergedAt === null
      ? ""
      : ` Step ${divergedAt} made the weights non-finite and was not applied, so the charts end at step ${divergedAt - 1}.`;
  const cures = [
    ...(options.usesScale ? ["He or Xavier initialisation", "a smaller init scale"] : []),
    ...(options.canLowerRate ? ["a smaller learning rate"] : []),
  ];
  const tip =
    cures.length === 0
      ? " Reset to try again."
      : ` Try ${cures.length === 1 ? cures[0] : `${cures.slice(0, -1).join(", ")} or ${cures.at(-1)}`}.`;
  return `The gradients grew without bound and the run diverged: they exploded instead of vanishing.${at}${tip}`;
}

/** Running products p_l = Π_{k ≤ l} factors[k]: how the chain-rule product grows or shrinks layer by layer. */
export function runningProducts(factors: readonly number[]): number[] {
  let p = 1;
  return factors.map((f) => (p *= f));
}

/** "4,800" for 4823; "2.4×10⁶" above a million (two significant digits). */
function times(v: number): string {
  if (v >= 1e6) return formatNumber(v, 2);
  return Number(v.toPrecision(2)).toLocaleString("en-US");
}

/**
 * The first layer's gradient norm against the last (output) layer's, in numbers and words:
 * ratio = first / last, e.g. "The first layer's gradient is 2.1×10⁻⁴ of the last layer's — about 4,800 times smaller."
 */
export function describeRatio(first: number, last: number): { ratio: number; text: string } {
  const ratio = first / last;
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    return { ratio: Number.NaN, text: "The gradients are not finite numbers right now, so they cannot be compared." };
  }
  if (first === 0 && last === 0)
    return { ratio: Number.NaN, text: "Neither the first nor the last layer gets any gradient." };
  if (last === 0) return { ratio: Number.POSITIVE_INFINITY, text: "The last layer gets no gradient at all." };
  if (first === 0) return { ratio: 0, text: "The first layer gets no gradient at all: its weights cannot change." };
  const r = formatNumber(ratio, 2);
  const start = `The first layer's gradient is ${r}${ratio < 1 ? " of" : " times"} the last layer's`;
  if (ratio < 0.5) return { ratio, text: `${start} — about ${times(1 / ratio)} times smaller.` };
  if (ratio <= 2) return { ratio, text: `${start} — about the same size.` };
  return { ratio, text: `${start} — larger, not smaller.` };
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Always scientific notation, e.g. −1.0×10⁻¹⁵ or 2.5×10⁻¹ (two significant digits by default); 0 stays "0". */
export function scientific(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "not a number" : v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const [mantissa, exponent] = v.toExponential(digits - 1).split("e");
  const e = Number(exponent);
  const sup = (e < 0 ? "⁻" : "") + [...String(Math.abs(e))].map((d) => SUPERSCRIPT[Number(d)]).join("");
  return `${mantissa!.replace("-", "−")}×10${sup}`;
}
