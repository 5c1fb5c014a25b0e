import katex from "katex";
import { describe, expect, it } from "vitest";
import { classesFor, katexStylesheet, styleToClasses } from "./katex-classes.ts";
import { KATEX_OPTIONS, renderTex } from "./tex.ts";

/** A formula with struts, kerns, a fraction, limits, a matrix and a square root: most of KaTeX's inline styles. */
const TEX = String.raw`\frac{a}{b} + \sum_{i=1}^{n} x_i \begin{pmatrix}1 & 2\\3 & 4\end{pmatrix} \sqrt{f(x)}`;

/** Every element's declarations, from style attributes or from this module's classes and stylesheet. */
function declarations(html: string, css = ""): string[] {
  const rules = new Map(
    [...css.matchAll(/\.((?:[^{\\]|\\.)+)\{([^}]*)!important\}/g)].map((m) => [m[1]!.replaceAll("\\", ""), m[2]!]),
  );
  return [...html.matchAll(/<[a-z]+((?:\s[a-zA-Z:-]+="[^"]*")*)\s*>/g)].map(([, attributes]) => {
    const style = /\sstyle="([^"]*)"/.exec(attributes!)?.[1] ?? "";
    const classes = (/\sclass="([^"]*)"/.exec(attributes!)?.[1] ?? "").split(" ");
    const fromClasses = classes.flatMap((c) => (rules.has(c) ? [rules.get(c)!] : []));
    return [...style.split(";").filter(Boolean), ...fromClasses].sort().join(";");
  });
}

describe("KaTeX styles as classes", () => {
  it("gives every element the same declarations it had as a style attribute", () => {
    const original = katex.renderToString(TEX, { ...KATEX_OPTIONS, displayMode: true });
    const converted = renderTex(TEX, true);
    expect(converted).not.toMatch(/\sstyle="/);
    expect(declarations(converted, katexStylesheet(converted))).toEqual(declarations(original));
  });

  it("keeps KaTeX's own classes and adds one class per declaration", () => {
    expect(styleToClasses(`<span class="strut" style="height:1.0019em;vertical-align:-0.25em;"></span>`)).toBe(
      `<span class="strut kh1.0019 kva-0.25"></span>`,
    );
    expect(styleToClasses(`<span style="top:-3.23em;"><span></span></span>`)).toBe(
      `<span class="kt-3.23"><span></span></span>`,
    );
  });

  it("leaves a style it has no class for (a colour, a unit other than em) as KaTeX wrote it", () => {
    expect(classesFor("margin-right:0.0359em;color:red;")).toBeNull();
    expect(classesFor("width:2pt")).toBeNull();
    const coloured = renderTex(String.raw`\color{red}{y}`);
    expect(coloured).toMatch(/style="[^"]*color:red/);
  });

  it("writes a rule only for the classes a page uses, escaped, sorted, with an inline style's precedence", () => {
    const page = `<span class="kh3 kt-2.55"></span><astro-island props="{&quot;f&quot;:&quot;<span class=\\&quot;kmr0.05\\&quot;>&quot;}">`;
    expect(katexStylesheet(page)).toBe(
      ".kh3{height:3em!important}.kmr0\\.05{margin-right:0.05em!important}.kt-2\\.55{top:-2.55em!important}",
    );
    expect(katexStylesheet(`<p class="khaki kh1.5x">kt-3.x</p>`)).toBe("");
  });
});
