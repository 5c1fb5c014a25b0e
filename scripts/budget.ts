/**
 * Size budgets of the built site: `npm run budget` (after `npm run build`) prints, for every page,
 * the gzipped bytes of its HTML, of its CSS and of the JavaScript it loads before the reader
 * interacts, then fails if a page is over the budget of its kind.
 *
 * What counts:
 * - HTML: the document without the bodies of its inline <style> and <script> elements (those count as
 *   CSS and JS), so every byte counts once.
 * - CSS: linked stylesheets plus inline <style>.
 * - JS: inline scripts, <script src>, and every island's component and renderer with their static
 *   imports, transitively. Islands hydrate when they scroll into view, so a reader who scrolls loads
 *   them all: they count. Dynamic import() does not (it loads on demand), and neither does an island that
 *   hydrates on the reader's first use (`client:use`): what it adds is listed apart ("on use"). The training
 *   worker is listed apart too ("worker"): it runs off the main thread, so it cannot delay a reaction to the
 *   reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, relative, sep } from "node:path";

const kB = 1024;

/** What a page is, which decides its budget. */
export type PageKind = "page" | "lab" | "tool" | "dev";

/** One kind's limits in gzipped bytes (Infinity: not budgeted). */
export interface Budget {
  html: number;
  css: number;
  js: number;
}

/**
 * Budgets by page kind (gzipped):
 * - page: lessons without labs, reference, teacher guides: Starlight's own budget.
 * - lab: a page with one or more labs. JS ≤ 60 kB (issue 7). HTML ≤ 60 kB: with snapshots passed as
 *   compact strings, a lab page is its prose, its KaTeX (HTML + MathML, both needed) and each lab's
 *   server-rendered picture (print and no-JS readers see it); 60 kB is a long lesson with two labs.
 * - tool: teacher tools (link builder, report reader): small HTML, but an app's JS (it validates links
 *   and hand-in files with the same schemas as the assignment pages); same JS budget as a lab page.
 * - dev: the plot gallery under /dev/ (not linked from the course, not shipped to readers by any link):
 *   printed, not budgeted. The lab galleries under /dev/labs/ have labs and are budgeted as lab pages, and so are
 *   the embed pages under /embed/ (one lab each, framed by other sites), whatever their markup.
 */
export const BUDGETS: Readonly<Record<PageKind, Budget>> = {
  page: { html: 7 * kB, css: 17 * kB, js: 27 * kB },
  lab: { html: 60 * kB, css: 17 * kB, js: 60 * kB },
  tool: { html: 7 * kB, css: 17 * kB, js: 60 * kB },
  dev: { html: Infinity, css: Infinity, js: Infinity },
};

/** Pages whose JS is a teacher's app rather than a reader's page. */
const TOOL_PAGES = new Set([
  "teacher/link-builder/index.html",
  "teacher/reports/index.html",
  "teacher/assignment-builder/index.html",
]);

/**
 * Known overruns, each with a ceiling it must not pass (a ratchet: a waived page can shrink, never
 * grow) and why it is there. Remove an entry when its page fits its budget (the script says so).
 */
export const WAIVERS: Readonly<Record<string, { html?: number; js?: number; reason: string }>> = {
  // HTML: 23.7 kB gz since the second edition (an A–Z list, 80-odd terms, each pointing to its lesson), of which
  // KaTeX's MathML (what screen readers read) and HTML are about half. Under 7 kB only by splitting the page.
  "reference/glossary/index.html": { html: 24 * kB, reason: "every term on one page, with KaTeX (HTML + MathML)" },
  // HTML: two output-loss labs, each server-rendered with its tables and charts for readers without JavaScript.
  // 62 → 62.5 kB: each lab's logit curves are an island of their own, hydrated on first use (2.8 kB of JS less); the
  // island's element and props, and the slot kept for the lab that opens in multiclass mode, add 0.5 kB.
  "lessons/output-layers-and-losses/index.html": { html: 62.5 * kB, reason: "two output-loss labs, server-rendered" },
  // A teacher-written assignment's pages render every lab's settings and presets (the assignment names its lab
  // only in the browser) besides the assignment island and the lab; the builder validates with zod. The reader
  // (zod) loads on demand on the student pages. Spread over a dozen chunks, V8's compile hints (astro.config.ts) add
  // about 0.4 kB.
  "assignments/custom/index.html": { js: 65.5 * kB, reason: "every lab's settings and presets, the assignment island" },
  "assignments/custom/dying-relu/index.html": { js: 72.5 * kB, reason: "a lab, every lab's settings and presets" },
  // 80 → 77.5 kB: the output-loss lab loads σ without the other activations (core/activations/sigmoid.ts), and its
  // logit curves hydrate on the reader's first use (labs/output-loss/CurvesIsland.svelte).
  "assignments/custom/output-loss/index.html": { js: 77.5 * kB, reason: "a lab, every lab's settings and presets" },
  // 80.5 → 73.5 kB: the sandbox's instruments after its decision boundary hydrate on the reader's first use
  // (labs/sandbox/InstrumentsIsland.svelte).
  "assignments/custom/sandbox/index.html": { js: 73.5 * kB, reason: "a lab, every lab's settings and presets" },
  "assignments/custom/step-function/index.html": { js: 70.5 * kB, reason: "a lab, every lab's settings and presets" },
  "assignments/custom/vanishing-gradients/index.html": {
    js: 77.5 * kB,
    reason: "a lab, every lab's settings and presets",
  },
  // The table of a lab's controls is one component the link builder shares (issue 14): a chunk of its own, 73.9 → 74.7 kB.
  "teacher/assignment-builder/index.html": { js: 75 * kB, reason: "zod and every lab's settings and presets" },
  // The gradebook: zod (report schemas) and the replay's worker client beside the viewer.
  "teacher/reports/index.html": { js: 65.5 * kB, reason: "zod, the gradebook and the replay client" },
};

/** The kind of a page, from its path in dist and whether it embeds a lab. */
export function classify(page: string, hasLabs: boolean): PageKind {
  if (hasLabs || page.startsWith("embed/")) return "lab";
  if (page.startsWith("dev/")) return "dev";
  if (TOOL_PAGES.has(page)) return "tool";
  return "page";
}

/** One page's weight. */
export interface PageWeight {
  page: string;
  kind: PageKind;
  html: number;
  css: number;
  js: number;
  /** The training worker's script (loaded when a lab starts training; not in `js`). */
  worker: number;
  /** What the islands that hydrate on first use (`client:use`) load beyond `js` (not in `js`). */
  onUse: number;
  /** Budgets this page is over (after waivers), e.g. ["JS"]. */
  over: string[];
  /** Budgets this page is over but waived under a ceiling it keeps. */
  waived: string[];
}

/** Compares a weight with its kind's budget and the waivers: fills `over` and `waived`. */
export function judge(
  w: Omit<PageWeight, "over" | "waived">,
  budgets: Readonly<Record<PageKind, Budget>> = BUDGETS,
  waivers: typeof WAIVERS = WAIVERS,
): PageWeight {
  const budget = budgets[w.kind];
  const waiver = waivers[w.page];
  const over: string[] = [];
  const waived: string[] = [];
  for (const [key, label] of [
    ["html", "HTML"],
    ["css", "CSS"],
    ["js", "JS"],
  ] as const) {
    if (w[key] <= budget[key]) continue;
    const ceiling = key === "css" ? undefined : waiver?.[key];
    if (ceiling !== undefined && w[key] <= ceiling) waived.push(label);
    else over.push(label);
  }
  return { ...w, over, waived };
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

/** A chunk's static imports and the worker scripts it names (`new URL("…js", import.meta.url)`). */
function references(code: string): { imports: string[]; workers: string[] } {
  return {
    imports: [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!),
    workers: [...code.matchAll(/new URL\(\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => m[1]!),
  };
}

/** The JS files that entries pull in through static imports, transitively, and the worker scripts they name. */
export function jsClosure(dist: string, base: string, entries: string[]): { main: Set<string>; workers: Set<string> } {
  const main = new Set<string>();
  const workers = new Set<string>();
  const queue = [...entries];
  const resolve = (from: string, ref: string) => {
    const target = ref.startsWith("/") ? fileOf(dist, base, ref) : join(from.slice(0, from.lastIndexOf(sep) + 1), ref);
    return target && existsSync(target) ? target : null;
  };
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (main.has(file)) continue;
    main.add(file);
    const { imports, workers: named } = references(readFileSync(file, "utf8"));
    for (const ref of imports) {
      const target = resolve(file, ref);
      if (target) queue.push(target);
    }
    for (const ref of named) {
      const target = resolve(file, ref);
      if (target) workers.add(target);
    }
  }
  return { main, workers };
}

/** Weighs one built page (its HTML text) against the files of the build. */
export function weighPage(dist: string, base: string, page: string, html: string): PageWeight {
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join("");
  const inlineJs = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("\n");
  const bare = html
    .replace(/(<style[^>]*>)[\s\S]*?(<\/style>)/g, "$1$2")
    .replace(/(<script(?![^>]*\ssrc=)[^>]*>)[\s\S]*?(<\/script>)/g, "$1$2");
  const files = (srcs: string[]) => srcs.map((src) => fileOf(dist, base, src)).filter((f): f is string => f !== null);
  const css = files([...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!));
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]);
  const urlsOf = (tags: string[]) =>
    tags.flatMap((t) => [...t.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]!));
  const onFirstUse = (tag: string) => /\sclient="use"/.test(tag);
  const scripts = files([
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...urlsOf(islands.filter((t) => !onFirstUse(t))),
  ]);
  const { main, workers } = jsClosure(dist, base, scripts);
  const later = jsClosure(dist, base, files(urlsOf(islands.filter(onFirstUse))));
  const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gz(readFileSync(f)), 0);
  const hasLabs = /data-lab="/.test(html);
  return judge({
    page,
    kind: classify(page, hasLabs),
    html: gz(bare),
    css: size(css) + (inlineCss ? gz(inlineCss) : 0),
    js: size(main) + (inlineJs.trim() ? gz(inlineJs) : 0),
    worker: size(new Set([...workers, ...later.workers])),
    onUse: size([...later.main].filter((f) => !main.has(f))),
  });
}

/** Weighs every page of the build. */
export function weighSite(dist: string, base = "/"): PageWeight[] {
  return htmlFiles(dist)
    .map((file) => weighPage(dist, base, relative(dist, file).split(sep).join("/"), readFileSync(file, "utf8")))
    .sort((a, b) => a.page.localeCompare(b.page));
}

/** The table `npm run budget` prints. */
export function formatTable(pages: PageWeight[]): string {
  const num = (n: number) => `${(n / kB).toFixed(1)} kB`.padStart(9);
  const dash = (n: number) => (n ? num(n) : "–".padStart(9));
  const lines = [
    `${"page".padEnd(44)}${"HTML".padStart(9)}${"CSS".padStart(9)}${"JS".padStart(9)}${"on use".padStart(9)}${"worker".padStart(9)}  kind  budget`,
  ];
  for (const p of pages) {
    const status = p.over.length
      ? `OVER (${p.over.join(", ")})`
      : p.waived.length
        ? `waived (${p.waived.join(", ")})`
        : p.kind === "dev"
          ? "not budgeted"
          : "ok";
    lines.push(
      `${p.page.padEnd(44)}${num(p.html)}${num(p.css)}${num(p.js)}${dash(p.onUse)}${dash(p.worker)}  ${p.kind.padEnd(5)} ${status}`,
    );
  }
  const b = (k: PageKind) => `HTML ${BUDGETS[k].html / kB} / CSS ${BUDGETS[k].css / kB} / JS ${BUDGETS[k].js / kB} kB`;
  lines.push(`Budgets (gzipped): page ${b("page")}; lab ${b("lab")}; tool ${b("tool")}; dev not budgeted.`);
  return lines.join("\n");
}

if (import.meta.main) {
  const dist = process.argv[2] ?? "dist";
  const pages = weighSite(dist, process.env.BASE_PATH || "/");
  console.log(formatTable(pages));
  for (const page of Object.keys(WAIVERS)) {
    const p = pages.find((x) => x.page === page);
    if (p && p.waived.length === 0 && p.over.length === 0)
      console.log(`Note: ${page} fits its budget now; remove its waiver.`);
  }
  const over = pages.filter((p) => p.over.length > 0);
  if (over.length > 0) {
    console.error(`${over.length} page(s) over budget.`);
    process.exit(1);
  }
}
