/**
 * The headers a host should send with the built site, written to `dist/_headers` (the file Netlify and
 * Cloudflare Pages read; the README gives the same rules for nginx and Apache):
 *
 *   every file         X-Content-Type-Options: nosniff, Referrer-Policy: same-origin
 *   each page          its full Content-Security-Policy: the one in its <meta> (with the hashes of its
 *                      own inline code) plus frame-ancestors, which a <meta> policy cannot carry:
 *                      'self', or any site for pages under <base>embed/ (made to be framed by an LMS)
 *   training worker    its own policy: a worker obeys the headers of its script, not the page's <meta>,
 *                      and compiles the SIMD kernels, hence 'wasm-unsafe-eval'
 *
 * A server that cannot send a policy per page sends SERVER_PAGE_POLICY to every page instead; browsers
 * enforce it and the page's <meta> together. The build fails if a page's <meta> allows anything that
 * policy does not, since the server's header would then block it.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { formatHeaders, type HeaderRule } from "./headers-file.ts";

/** Headers for every file. */
export const COMMON_HEADERS: HeaderRule["headers"] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "same-origin"],
];

/** The training worker's policy: its own script, compiled WebAssembly, nothing else. */
export const WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";

/**
 * What every page's policy allows at most, whatever its inline code, for a server that sends one policy
 * to all pages (no default-src, script-src or style-src: each page's <meta> sets those, with its hashes).
 */
export const SERVER_PAGE_POLICY =
  "base-uri 'self'; form-action 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; manifest-src 'self'; worker-src 'self'; frame-ancestors 'self'";

/** frame-ancestors for a page: any site may frame the embeds, only the site itself the rest. */
export function frameAncestors(path: string, base: string): string {
  return path.startsWith(`${base}embed/`) ? "*" : "'self'";
}

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/;

/** A policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  const parts = policy.split(";").map((d) => d.trim().split(/\s+/));
  return new Map(parts.filter((p) => p[0]).map(([name, ...sources]) => [name!, sources]));
}

/** What in a page's policy the server-wide policy would block (sources it does not list). */
export function blockedByServerPolicy(pagePolicy: string): string[] {
  const page = directives(pagePolicy);
  const problems: string[] = [];
  for (const [name, allowed] of directives(SERVER_PAGE_POLICY)) {
    const extra = (page.get(name) ?? []).filter((s) => !allowed.includes(s));
    if (extra.length > 0) problems.push(`${name} ${extra.join(" ")}`);
  }
  return problems;
}

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, root) : [relative(root, path).split(sep).join("/")];
  });
}

/** The `_headers` rules for a built site in `out`, served under `base`; throws on a page the server policy would break. */
export function headerRules(out: string, base: string): HeaderRule[] {
  const rules: HeaderRule[] = [{ path: `${base}*`, headers: COMMON_HEADERS }];
  const problems: string[] = [];
  for (const file of files(out).sort()) {
    if (/(^|\/)_astro\/[^/]*\.worker-[^/]*\.js$/.test(file)) {
      rules.push({ path: `${base}${file}`, headers: [["Content-Security-Policy", WORKER_POLICY]] });
      continue;
    }
    if (!file.endsWith("index.html")) continue;
    const policy = META.exec(readFileSync(join(out, file), "utf8"))?.[1]?.replaceAll("&#39;", "'");
    if (!policy) throw new Error(`${file}: no content-security-policy <meta> to copy into _headers`);
    const blocked = blockedByServerPolicy(policy);
    if (blocked.length > 0) problems.push(`${file}: ${blocked.join(", ")}`);
    const path = `${base}${file.slice(0, -"index.html".length)}`;
    const full = `${policy.trim().replace(/;$/, "")}; frame-ancestors ${frameAncestors(path, base)}`;
    rules.push({ path, headers: [["Content-Security-Policy", full]] });
  }
  if (problems.length > 0)
    throw new Error(`SERVER_PAGE_POLICY (src/integrations/headers.ts) would block:\n  ${problems.join("\n  ")}`);
  return rules;
}

/** An Astro integration that writes `_headers` next to the built pages (after their policies are final). */
export function hostingHeaders(): AstroIntegration {
  let base = "/";
  return {
    name: "activation-labs:headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const rules = headerRules(out, base);
        const comment =
          "Headers for Netlify, Cloudflare Pages and other hosts that read _headers. Generated by\n" +
          "src/integrations/headers.ts; the README gives the same rules for nginx and Apache.";
        writeFileSync(join(out, "_headers"), formatHeaders(rules, comment));
        logger.info(`_headers: ${rules.length} rules`);
      },
    },
  };
}
