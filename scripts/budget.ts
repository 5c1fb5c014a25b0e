/**
 * Size budgets of the built site: `npm run budget` (after `npm run build`) prints, for every page,
 * the gzipped bytes of its HTML, of the CSS it links and of the JavaScript it loads before the reader
 * interacts (its scripts, its islands' components and renderers, their static imports, and the
 * training worker a lab starts on mount), then fails if a page is over budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, relative, sep } from "node:path";

/** Budgets in bytes (gzipped). Lessons without labs get Starlight's own budget. */
export const BUDGETS = {
  html: 7 * 1024,
  css: 17 * 1024,
  jsWithoutLabs: 27 * 1024,
  jsWithLabs: 60 * 1024,
} as const;

/** One page's weight. */
export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  hasLabs: boolean;
  over: string[];
}

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pagefind" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** Site path → file in dist (base stripped). */
function fileOf(dist: string, base: string, sitePath: string): string | null {
  const path = sitePath.startsWith(base) ? sitePath.slice(base.length) : sitePath.replace(/^\//, "");
  const file = join(dist, path.split("?")[0] ?? "");
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** The JS files a script pulls in before interaction: static imports and worker entry points, transitively. */
function jsClosure(dist: string, base: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    const dir = file.slice(0, file.lastIndexOf(sep) + 1);
    const refs = [
      ...[...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!),
      ...[...code.matchAll(/new URL\(\s*["']([^"']+\.js)["']/g)].map((m) => m[1]!),
    ];
    for (const ref of refs) {
      const target = ref.startsWith("/") ? fileOf(dist, base, ref) : join(dir, ref);
      if (target && existsSync(target)) queue.push(target);
    }
  }
  return seen;
}

/** Weighs every page of the build. */
export function weighSite(dist: string, base = "/"): PageWeight[] {
  return htmlFiles(dist)
    .map((file) => {
      const html = readFileSync(file, "utf8");
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)]
        .map((m) => fileOf(dist, base, m[1]!))
        .filter((f): f is string => f !== null);
      const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join("");
      const scripts = [
        ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
        ...[...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]!),
      ]
        .map((src) => fileOf(dist, base, src))
        .filter((f): f is string => f !== null);
      const inlineJs = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => m[1]!)
        .join("\n");
      const js =
        [...jsClosure(dist, base, scripts)].reduce((sum, f) => sum + gz(readFileSync(f)), 0) +
        (inlineJs.trim() ? gz(inlineJs) : 0);
      const hasLabs = /data-lab="/.test(html);
      const weight: PageWeight = {
        page: relative(dist, file).split(sep).join("/"),
        html: gz(html),
        css: css.reduce((sum, f) => sum + gz(readFileSync(f)), 0) + (inlineCss ? gz(inlineCss) : 0),
        js,
        hasLabs,
        over: [],
      };
      if (weight.html > BUDGETS.html) weight.over.push("HTML");
      if (weight.css > BUDGETS.css) weight.over.push("CSS");
      if (weight.js > (hasLabs ? BUDGETS.jsWithLabs : BUDGETS.jsWithoutLabs)) weight.over.push("JS");
      return weight;
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

if (import.meta.main) {
  const dist = process.argv[2] ?? "dist";
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
  const pages = weighSite(dist, process.env.BASE_PATH || "/");
  console.log(`${"page".padEnd(44)}${"HTML".padStart(9)}${"CSS".padStart(9)}${"JS".padStart(9)}  labs  budget`);
  for (const p of pages) {
    const status = p.over.length ? `OVER (${p.over.join(", ")})` : "ok";
    console.log(`${p.page.padEnd(44)}${kb(p.html)}${kb(p.css)}${kb(p.js)}  ${p.hasLabs ? "yes " : "no  "}  ${status}`);
  }
  console.log(
    `Budgets (gzipped): HTML ${BUDGETS.html / 1024} kB, CSS ${BUDGETS.css / 1024} kB, JS ${BUDGETS.jsWithoutLabs / 1024} kB without labs / ${BUDGETS.jsWithLabs / 1024} kB with labs.`,
  );
  const over = pages.filter((p) => p.over.length > 0);
  if (over.length > 0) {
    console.error(`${over.length} page(s) over budget.`);
    process.exit(1);
  }
}
