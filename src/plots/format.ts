/** Formats a number for a readout or tick: short, and honest about tiny and huge values (4.2×10⁻¹⁸, not 0). */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return "not a number";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e5) {
    const fixed = Number(v.toPrecision(digits));
    return minus(String(fixed));
  }
  const [mantissa, exponent] = v.toExponential(digits - 1).split("e");
  return `${minus(String(Number(mantissa)))}×10${superscript(Number(exponent))}`;
}

/** A power of ten written for a log axis: 1, 10, or 10ᵏ otherwise (1e-3 → 10⁻³); other values go through formatNumber. */
export function formatDecade(v: number): string {
  const k = Math.round(Math.log10(v));
  if (!(v > 0) || !Number.isFinite(v) || Math.abs(v / 10 ** k - 1) > 1e-9) return formatNumber(v);
  if (k === 0) return "1";
  if (k === 1) return "10";
  return `10${superscript(k)}`;
}

/** The typographic minus sign instead of a hyphen. */
function minus(s: string): string {
  return s.replace("-", "−");
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** An integer written in superscript digits, e.g. −18 → ⁻¹⁸. */
function superscript(n: number): string {
  const digits = String(Math.abs(n))
    .split("")
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)])
    .join("");
  return (n < 0 ? "⁻" : "") + digits;
}
