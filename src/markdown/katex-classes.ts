/**
 * KaTeX's inline styles as classes, so a strict CSP needs no hash per style attribute value.
 *
 * KaTeX positions glyphs with `style` attributes (struts `height:…em;vertical-align:…em`, vlist
 * offsets `top:…em`, kerns `margin-right:…em`): a heavy lesson ships ~200 distinct values, and the
 * policy would have to list each one's hash (style-src-attr 'unsafe-hashes' …). Instead, at build time:
 *
 *   renderTex → styleToClasses: `style="height:1.0019em;vertical-align:-0.25em"`
 *                                → `class="… kh1.0019 kva-0.25"` (one class per declaration)
 *   built page → katexStylesheet: `.kh1\.0019{height:1.0019em!important} …` (the page's classes only)
 *
 * The class names spell their declarations, so the stylesheet is rebuilt from a page's text alone,
 * including formulas that travel inside island props. `!important` gives each rule the precedence an
 * inline style had (above every ordinary rule, whatever its specificity), so layout is unchanged.
 * A declaration this module does not know (a property outside PROPERTIES, a unit other than em) leaves
 * its element's style attribute as KaTeX wrote it; the CSP step hashes what remains.
 */

/** Class code → CSS property: the properties KaTeX sets in em. Codes are letters only (see TOKEN). */
const PROPERTIES: Readonly<Record<string, string>> = {
  h: "height",
  va: "vertical-align",
  t: "top",
  mr: "margin-right",
  ml: "margin-left",
  w: "width",
  mw: "min-width",
  pl: "padding-left",
  bbw: "border-bottom-width",
};
const CODES: ReadonlyMap<string, string> = new Map(Object.entries(PROPERTIES).map(([code, prop]) => [prop, code]));

/** A length in em, as KaTeX writes it: "1.0019em", "-0.25em", "0em". */
const EM = /^(-?(?:\d+(?:\.\d+)?|\.\d+))em$/;

/** A class this module wrote, anywhere in a page's text (also JSON-escaped inside an island's props). */
const TOKEN = /(?<![\w.-])k([a-z]+)(-?(?:\d+(?:\.\d+)?|\.\d+))(?![\w.-])/g;

/** The classes for one style attribute value, or null if a declaration has no class (the attribute stays). */
export function classesFor(style: string): string[] | null {
  const classes: string[] = [];
  for (const declaration of style.split(";")) {
    if (declaration.trim() === "") continue;
    const colon = declaration.indexOf(":");
    const code = CODES.get(declaration.slice(0, colon).trim());
    const length = EM.exec(declaration.slice(colon + 1).trim());
    if (colon < 0 || code === undefined || !length) return null;
    classes.push(`k${code}${length[1]}`);
  }
  return classes;
}

/** KaTeX HTML with each convertible style attribute moved into classes on the same element. */
export function styleToClasses(html: string): string {
  return html.replace(/<([a-z]+)((?:\s[a-zA-Z:-]+="[^"]*")*)\s*>/g, (tag: string, name: string, attributes: string) => {
    const style = /\sstyle="([^"]*)"/.exec(attributes);
    if (!style) return tag;
    const classes = classesFor(style[1]!);
    if (classes === null) return tag;
    let rest = attributes.replace(style[0], "");
    if (classes.length > 0) {
      const existing = /\sclass="([^"]*)"/.exec(rest);
      rest = existing
        ? rest.replace(existing[0], ` class="${[existing[1], ...classes].filter(Boolean).join(" ")}"`)
        : ` class="${classes.join(" ")}"${rest}`;
    }
    return `<${name}${rest}>`;
  });
}

/** `.` in a number is a class selector's dot: escape it. */
const selector = (token: string) => `.${token.replaceAll(".", "\\.")}`;

/** The CSS for the KaTeX classes a page's text uses, one rule per class, sorted; "" if it uses none. */
export function katexStylesheet(text: string): string {
  const rules = new Map<string, string>();
  for (const [token, code, value] of text.matchAll(TOKEN)) {
    const property = PROPERTIES[code!];
    if (property !== undefined && Object.hasOwn(PROPERTIES, code!)) {
      rules.set(token, `${selector(token)}{${property}:${value}em!important}`);
    }
  }
  return [...rules.keys()]
    .sort()
    .map((token) => rules.get(token))
    .join("");
}
