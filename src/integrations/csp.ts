/**
 * Finishes the Content Security Policy Astro writes into each page (`security.csp` in astro.config.ts).
 *
 * Astro hashes the scripts and style elements it knows about; it cannot know the `style` attributes a
 * page ends up with (KaTeX sets heights and vertical offsets on its spans; Svelte renders `style:`
 * directives as attributes on the server). After the build, for every HTML file, this step:
 *
 *   1. writes the rules for the KaTeX classes the page uses into one <style> (KaTeX's inline styles
 *      become classes at render time, src/markdown/katex-classes.ts) and hashes it;
 *   2. keeps in script-src and style-src only the hashes of this page's own inline scripts and styles:
 *      Astro lists every page's inline hashes on every page, and 'self' already covers the files;
 *   3. hashes each distinct style attribute value left and adds `style-src-attr 'unsafe-hashes' <hashes>`
 *      (or `style-src-attr 'none'` when a page has none): only the exact declarations the page
 *      shipped may apply, so injected markup cannot bring its own styles;
 *   4. moves the policy's <meta> to the top of <head> (Astro puts it last, and a meta policy only
 *      governs what the parser meets after it, so the pre-paint theme script must come later);
 *   5. checks that every inline script and style element is allowed by a hash and that no element
 *      carries an inline event handler or a javascript: URL, and fails the build otherwise.
 *
 * It runs before the offline step, so the service worker's build id covers the rewritten pages.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { katexStylesheet } from "../markdown/katex-classes.ts";
import { cspHash } from "../site/csp.ts";

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/;
const CHARSET = /<meta charset="utf-8"\s*\/?>/i;
/** Script types the browser runs (JSON data blocks and the like are inert and need no hash). */
const EXECUTABLE = new Set(["", "module", "text/javascript", "application/javascript"]);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** What a page needs from its policy, read from its parsed HTML. */
interface InlineContent {
  styleAttributes: Set<string>;
  scripts: string[];
  styles: string[];
  problems: string[];
}

function text(node: Element): string {
  return node.children.map((c) => (c.type === "text" ? c.value : "")).join("");
}

function collect(nodes: (Root | RootContent)[], found: InlineContent): void {
  for (const node of nodes) {
    if (node.type !== "element" && node.type !== "root") continue;
    if (node.type === "element") {
      const { tagName, properties } = node;
      if (typeof properties.style === "string") found.styleAttributes.add(properties.style);
      for (const [name, value] of Object.entries(properties)) {
        if (/^on/i.test(name)) found.problems.push(`<${tagName}> has an inline event handler (${name})`);
        if (typeof value === "string" && /^\s*javascript:/i.test(value)) {
          found.problems.push(`<${tagName}> has a javascript: URL in ${name}`);
        }
      }
      if (tagName === "script" && properties.src === undefined) {
        const type = String(properties.type ?? "").toLowerCase();
        if (EXECUTABLE.has(type)) found.scripts.push(text(node));
      }
      if (tagName === "style") found.styles.push(text(node));
      if (node.content) collect([node.content], found);
    }
    collect(node.children, found);
  }
}

/**
 * Script and style directives with only the hashes of this page's inline scripts and styles (other sources
 * kept), and style-src with the hash of each style element this step `added`.
 */
function ownHashesOnly(policy: string, found: InlineContent, added: string[]): string {
  const own = new Set([...found.scripts, ...found.styles].map((text) => `'${cspHash(text)}'`));
  return policy
    .split(";")
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name || !/^(script|style)-src(-elem)?$/.test(name)) return directive.trim();
      const kept = sources.filter((s) => !/^'sha(256|384|512)-/.test(s) || own.has(s));
      const extra = name === "style-src" ? added.map((text) => `'${cspHash(text)}'`) : [];
      return [name, ...kept, ...extra].join(" ");
    })
    .filter(Boolean)
    .join("; ");
}

/** Returns the page with its policy completed and moved first in <head>; throws on what the policy would block. */
export function finishPolicy(built: string, page: string): string {
  const katexCss = katexStylesheet(built);
  const html = katexCss ? built.replace("</head>", `<style>${katexCss}</style></head>`) : built;
  const meta = META.exec(html);
  if (!meta) throw new Error(`${page}: no content-security-policy <meta> (is security.csp enabled?)`);

  const found: InlineContent = { styleAttributes: new Set(), scripts: [], styles: [], problems: [] };
  collect([fromHtml(html)], found);
  const policy = ownHashesOnly(meta[1]!.replaceAll("&#39;", "'").trim(), found, katexCss ? [katexCss] : []);
  const sources = (directive: string): string[] =>
    (policy.split(";").find((d) => d.trim().split(/\s+/)[0] === directive) ?? "").trim().split(/\s+/).slice(1);
  const scriptSources = new Set([...sources("script-src"), ...sources("script-src-elem")]);
  const styleSources = new Set([...sources("style-src"), ...sources("style-src-elem")]);
  for (const script of found.scripts) {
    if (!scriptSources.has(`'${cspHash(script)}'`)) {
      found.problems.push(`an inline script is not hashed in script-src: ${script.slice(0, 80)}…`);
    }
  }
  for (const style of found.styles) {
    if (!styleSources.has(`'${cspHash(style)}'`)) {
      found.problems.push(`a <style> element is not hashed in style-src: ${style.slice(0, 80)}…`);
    }
  }
  if (sources("style-src-attr").length > 0)
    found.problems.push("style-src-attr is written by this step, not in config");
  if (found.problems.length > 0) throw new Error(`${page}: the CSP would block:\n  ${found.problems.join("\n  ")}`);

  const attributeHashes = [...found.styleAttributes].sort().map((value) => `'${cspHash(value)}'`);
  const styleAttr =
    attributeHashes.length > 0
      ? `style-src-attr 'unsafe-hashes' ${attributeHashes.join(" ")};`
      : "style-src-attr 'none';";
  const tag = `<meta http-equiv="content-security-policy" content="${policy.replace(/;?$/, ";")} ${styleAttr}">`;

  const without = html.replace(meta[0], "");
  const charset = CHARSET.exec(without);
  if (!charset) throw new Error(`${page}: no <meta charset="utf-8"> to put the policy after`);
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + tag + without.slice(at);
}

/** An Astro integration that completes and checks each built page's CSP (see the file comment). */
export function cspStyleAttributes(): AstroIntegration {
  return {
    name: "activation-labs:csp",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = htmlFiles(out);
        let most = 0;
        for (const path of pages) {
          const finished = finishPolicy(readFileSync(path, "utf8"), path.slice(out.length));
          most = Math.max(most, (finished.match(/'sha256-/g) ?? []).length);
          writeFileSync(path, finished);
        }
        logger.info(`content security policy: ${pages.length} pages checked, at most ${most} hashes in one policy`);
      },
    },
  };
}
