/**
 * The `_headers` file format that Netlify and Cloudflare Pages read: rules of a path pattern (a
 * `*` matches any run of characters) followed by indented `Name: value` lines, blank lines between.
 * Written by the build (headers.ts), read by the preview server (`scripts/serve.ts --headers`) to
 * test the site as such a host serves it. Where several rules match, a header's values are joined
 * with ", " (as those hosts do; for Content-Security-Policy that makes two policies, both enforced).
 */

/** One rule: the headers of every path the pattern matches. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

/** The file's text for a list of rules. */
export function formatHeaders(rules: readonly HeaderRule[], comment: string): string {
  const body = rules.map((r) => [r.path, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n"));
  return `${comment
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n")}\n\n${body.join("\n\n")}\n`;
}

/** The rules in a file's text (comments and blank lines skipped; a header line before any path is ignored). */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(":");
    if (colon > 0 && rules.length > 0)
      rules.at(-1)!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a rule's path pattern matches a request path. */
export function pathMatches(pattern: string, path: string): boolean {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(path);
}

/** The headers for a request path: every matching rule's, a name's values joined with ", ". */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}
