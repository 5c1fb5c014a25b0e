import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { builtPagePaths, robotsTxt, sitemapXml } from "./sitemap.ts";

const PAGES = [
  "",
  "404/",
  "assignments/custom/",
  "assignments/custom/sandbox/",
  "assignments/dying-relu/",
  "assignments/dying-relu/key/",
  "dev/labs/sandbox/",
  "embed/sandbox/",
  "lessons/relu/",
  "offline/",
  "teacher/",
];

describe("the sitemap", () => {
  it("lists every course page under the site's address and base, and no dev, embed, 404, offline, answer-key or custom-assignment page", () => {
    const xml = sitemapXml("https://school.example", "/course/", PAGES);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      "https://school.example/course/",
      "https://school.example/course/assignments/dying-relu/",
      "https://school.example/course/lessons/relu/",
      "https://school.example/course/teacher/",
    ]);
  });

  it("is well-formed XML in the sitemaps.org namespace", () => {
    const xml = sitemapXml("http://localhost:4321", "/", PAGES);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    ).toBe(true);
    const root = fromHtml(xml.replace(/^<\?xml[^>]*>/, ""), { fragment: true, space: "svg" });
    const urlset = root.children.find((n) => n.type === "element");
    expect(urlset && "tagName" in urlset ? urlset.tagName : "").toBe("urlset");
    expect(xml.match(/<url>/g)).toHaveLength(xml.match(/<\/url>/g)!.length);
  });

  it("escapes an address's ampersand", () => {
    expect(sitemapXml("https://a.example", "/", ["q&a/"])).toContain("<loc>https://a.example/q&amp;a/</loc>");
  });

  it("is read from the built pages", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitemap-"));
    for (const page of ["", "lessons/relu/", "dev/plots/"]) {
      mkdirSync(join(dir, page), { recursive: true });
      writeFileSync(join(dir, page, "index.html"), "<!doctype html>");
    }
    writeFileSync(join(dir, "og.png"), "");
    expect(builtPagePaths(dir)).toEqual(["", "dev/plots/", "lessons/relu/"]);
  });

  it("is named in robots.txt, which keeps crawlers out of the dev gallery", () => {
    expect(robotsTxt("https://school.example", "/course/")).toBe(
      "User-agent: *\nDisallow: /course/dev/\n\nSitemap: https://school.example/course/sitemap.xml\n",
    );
  });
});
