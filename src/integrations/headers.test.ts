import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatHeaders, headersFor, parseHeaders } from "./headers-file.ts";
import { blockedByServerPolicy, headerRules, SERVER_PAGE_POLICY, WORKER_POLICY } from "./headers.ts";

const POLICY = "default-src 'none'; script-src 'self' 'sha256-abc'; img-src 'self'; style-src-attr 'none';";
const page = (policy = POLICY) =>
  `<!doctype html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy.replaceAll("'", "&#39;")}"></head>`;

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "headers-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the _headers file", () => {
  const rules = headerRules(
    site({
      "index.html": page(),
      "lessons/relu/index.html": page(),
      "embed/dying-relu/index.html": page(),
      "_astro/training.worker-AbC123.js": "",
      "_astro/Lab.x.js": "",
    }),
    "/course/",
  );
  const text = formatHeaders(rules, "test");
  const served = (path: string) => headersFor(parseHeaders(text), path);

  it("gives every file nosniff and a referrer policy", () => {
    expect(served("/course/_astro/Lab.x.js")).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    });
  });

  it("gives each page its own full policy, with frame-ancestors 'self'", () => {
    expect(served("/course/lessons/relu/")["content-security-policy"]).toBe(
      "default-src 'none'; script-src 'self' 'sha256-abc'; img-src 'self'; style-src-attr 'none'; frame-ancestors 'self'",
    );
    expect(served("/course/")["content-security-policy"]).toMatch(/frame-ancestors 'self'$/);
  });

  it("lets any site frame the pages under embed/", () => {
    expect(served("/course/embed/dying-relu/")["content-security-policy"]).toMatch(/; frame-ancestors \*$/);
  });

  it("gives the training worker a policy that lets it compile WebAssembly", () => {
    expect(served("/course/_astro/training.worker-AbC123.js")["content-security-policy"]).toBe(WORKER_POLICY);
    expect(WORKER_POLICY).toContain("'wasm-unsafe-eval'");
  });

  it("fails the build when a page's policy allows what the server-wide policy forbids", () => {
    expect(blockedByServerPolicy("img-src 'self' blob:; connect-src 'self'")).toEqual(["img-src blob:"]);
    expect(() => headerRules(site({ "index.html": page("connect-src https://example.org") }), "/")).toThrow(
      /connect-src https:\/\/example\.org/,
    );
  });

  it("is the policy the README gives for nginx and Apache", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(SERVER_PAGE_POLICY);
    expect(readme).toContain(WORKER_POLICY);
  });
});
