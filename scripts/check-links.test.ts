import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks } from "./check-links.ts";

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "links-"));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe("checkLinks", () => {
  it("accepts links, fragments and assets that resolve under the base", () => {
    const dist = site({
      "index.html":
        '<a href="/course/lessons/relu/#dead">x</a><link href="/course/_astro/a.css" rel="stylesheet"><a href="https://pytorch.org/">docs</a>',
      "lessons/relu/index.html": '<h2 id="dead">Dead</h2><a href="../../">home</a><a href="#dead">here</a>',
      "_astro/a.css": "",
    });
    expect(checkLinks(dist, "/course/")).toEqual([]);
  });

  it("takes a canonical link to the site's public address as a link, but a stylesheet from elsewhere as an asset", () => {
    const dist = site({
      "index.html":
        '<link rel="canonical" href="https://school.example/course/"><link rel="stylesheet" href="https://cdn.example/a.css">',
    });
    expect(checkLinks(dist, "/course/")).toEqual([
      { page: "index.html", target: "https://cdn.example/a.css", problem: "external asset" },
    ]);
  });

  it("reports a missing page, a missing fragment, an external asset and a link that escapes the base", () => {
    const dist = site({
      "index.html":
        '<a href="/course/lessons/tanh/">x</a><a href="/course/#nowhere">y</a><script src="https://cdn.example/katex.js"></script><a href="/lessons/relu/">z</a>',
    });
    expect(checkLinks(dist, "/course/").map((p) => p.problem)).toEqual([
      "missing page",
      "missing fragment",
      "external asset",
      "outside base",
    ]);
  });
});
