import { describe, expect, it } from "vitest";
import { el, escapeXml, round1, svgDocument, text } from "./svg.ts";

describe("escaping", () => {
  it("escapes the five XML specials in text and attributes", () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe(
      "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;",
    );
    expect(el("text", { "aria-label": `"><svg onload=x>` }, text("</text><script>"))).toBe(
      '<text aria-label="&quot;&gt;&lt;svg onload=x&gt;">&lt;/text&gt;&lt;script&gt;</text>',
    );
  });

  it("names the whole figure by an escaped label", () => {
    const svg = svgDocument({ width: 440, height: 300, body: text("x") }, `a < b & "c"`);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="a &lt; b &amp; &quot;c&quot;"');
    expect(svg).toContain('viewBox="0 0 440 300"');
  });

  it("draws superscript digits as raised ordinary digits, and lowers the text after them", () => {
    expect(text("10⁻¹⁸")).toBe('10<tspan dy="-6" font-size="13">−18</tspan>');
    expect(text("2⁸ < x")).toBe('2<tspan dy="-6" font-size="13">8</tspan><tspan dy="6"> &lt; x</tspan>');
  });
});

describe("numbers", () => {
  it("rounds coordinates to 1 decimal and never writes -0", () => {
    expect(round1(12.345)).toBe(12.3);
    expect(round1(-0.04)).toBe(0);
    expect(Object.is(round1(-0.04), 0)).toBe(true);
    expect(el("circle", { cx: 1.26, cy: -3.04, r: 4 })).toBe('<circle cx="1.3" cy="-3" r="4"/>');
  });

  it("refuses NaN and Infinity as coordinates instead of printing them", () => {
    expect(() => round1(Number.NaN)).toThrow(/finite/);
    expect(() => el("line", { x1: Infinity })).toThrow(/finite/);
  });

  it("leaves out attributes that are undefined, null or false", () => {
    expect(el("path", { d: "M0,0", "stroke-dasharray": undefined, class: null, hidden: false })).toBe(
      '<path d="M0,0"/>',
    );
  });
});
