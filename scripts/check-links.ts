/**
 * Checks the built site for broken internal links and #fragments, and for assets loaded from
 * outside the site (a CDN font, a remote script): `node scripts/check-links.ts [dist] [--base /course/]`.
 * Links for the reader to follow elsewhere (<a href="https://…">) are fine; assets are not.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** One problem found in one page. */
export interface LinkProblem {
  page: string;
  target: string;
  problem: "missing page" | "missing fragment" | "external asset" | "outside base";
}

const ATTRIBUTE = /<([a-zA-Z][\w-]*)\b[^>]*?\s(href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function decode(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out;
}

/** The file a site path maps to (directory → index.html), or null when there is none. */
function fileFor(dist: string, sitePath: string): string | null {
  const candidate = join(dist, decodeURIComponent(sitePath));
  if (sitePath.endsWith("/")) return existsSync(join(candidate, "index.html")) ? join(candidate, "index.html") : null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  if (existsSync(join(candidate, "index.html"))) return join(candidate, "index.html");
  return null;
}

/** Every broken internal link, missing fragment and external asset in the built site under `base`. */
export function checkLinks(dist: string, base = "/"): LinkProblem[] {
  const mount = base.endsWith("/") ? base : `${base}/`;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, "utf8").matchAll(ID)].map((m) => decode(m[1] ?? "")));
      ids.set(file, set);
    }
    return set;
  };
  const problems: LinkProblem[] = [];
  for (const file of htmlFiles(dist)) {
    const rel = relative(dist, file).split(sep).join("/");
    const pageUrl = new URL(`http://site${mount}${rel.replace(/index\.html$/, "")}`);
    const html = readFileSync(file, "utf8");
    for (const match of html.matchAll(ATTRIBUTE)) {
      const tag = (match[1] ?? "").toLowerCase();
      const raw = decode(match[3] ?? "");
      if (raw === "" || /^(mailto:|tel:|data:|javascript:)/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.host !== "site") {
        // A link the reader may follow is fine, and so is the page's canonical address (SITE_URL's, which nothing
        // loads); anything the page loads by itself must be local.
        const whole = html.slice(match.index, html.indexOf(">", match.index));
        const canonical = tag === "link" && /\srel="canonical"/.test(whole);
        if (tag !== "a" && !canonical) problems.push({ page: rel, target: raw, problem: "external asset" });
        continue;
      }
      if (!url.pathname.startsWith(mount)) {
        problems.push({ page: rel, target: raw, problem: "outside base" });
        continue;
      }
      const target = fileFor(dist, url.pathname.slice(mount.length));
      if (!target) {
        problems.push({ page: rel, target: raw, problem: "missing page" });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) {
        problems.push({ page: rel, target: raw, problem: "missing fragment" });
      }
    }
  }
  return problems;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf("--base");
  const base = baseAt >= 0 ? (args[baseAt + 1] ?? "/") : "/";
  const dist = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--base") ?? "dist";
  const problems = checkLinks(dist, base);
  const pages = htmlFiles(dist).length;
  if (problems.length > 0) {
    for (const p of problems) console.error(`${p.problem}: ${p.target}  (in ${p.page})`);
    console.error(`Link check: ${problems.length} problem(s) in ${pages} pages.`);
    process.exit(1);
  }
  console.log(`Link check: ${pages} pages, every internal link and fragment resolves, no external assets.`);
}
