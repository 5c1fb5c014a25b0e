/**
 * Build step: writes <base>sitemap.xml, every page of the course a search engine should list (from the built
 * pages, so it never names a page that does not exist), and <base>robots.txt pointing to it. Left out: the dev
 * gallery, the 404 and offline pages (served in place of others), the labs made for framing (embed/), and
 * the assignments' answer keys (public, but not for a student to find by searching), and the pages that open a
 * teacher's own assignment (assignments/custom/: empty until a teacher's link or file fills them).
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { escapeXml } from "../figures/svg.ts";

/** Site-relative page paths ("lessons/relu/") a sitemap leaves out. */
export const UNLISTED = /^(dev\/|embed\/|404\/|offline\/|assignments\/custom\/)|^assignments\/[^/]+\/key\/$/;

/** Every built page under `out`, as a site-relative path ("" for the home page, "lessons/relu/" …), sorted. */
export function builtPagePaths(out: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "index.html") {
        const rel = relative(out, dir).split(sep).join("/");
        pages.push(rel === "" ? "" : `${rel}/`);
      }
    }
  };
  walk(out);
  return pages.sort();
}

/** The sitemap of the pages at `paths` (site-relative), for the site at `origin` under `base`. */
export function sitemapXml(origin: string, base: string, paths: readonly string[]): string {
  const urls = paths
    .filter((p) => !UNLISTED.test(p))
    .map((p) => `  <url><loc>${escapeXml(new URL(`${base}${p}`, origin).href)}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/**
 * robots.txt: the sitemap's address and the dev gallery kept out. Crawlers read it only at the origin's root, so
 * a build under a subpath writes it for the server's own robots.txt to copy (README, "Its web address").
 */
export function robotsTxt(origin: string, base: string): string {
  return `User-agent: *\nDisallow: ${base}dev/\n\nSitemap: ${new URL(`${base}sitemap.xml`, origin).href}\n`;
}

/** An Astro integration that writes sitemap.xml and robots.txt next to the built pages. */
export function sitemap(): AstroIntegration {
  let base = "/";
  let origin = "";
  return {
    name: "activation-labs:sitemap",
    hooks: {
      "astro:config:done": ({ config, logger }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        if (!config.site) throw new Error("astro.config.ts sets no site: the sitemap needs SITE_URL's origin");
        origin = new URL(config.site).origin;
        if (!process.env.SITE_URL?.trim()) {
          logger.warn(
            `SITE_URL is not set: canonical links, link previews and the sitemap name ${origin}${base}. Set SITE_URL to the address readers use (see README, "Its web address").`,
          );
        }
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const paths = builtPagePaths(out);
        const xml = sitemapXml(origin, base, paths);
        writeFileSync(join(out, "sitemap.xml"), xml);
        writeFileSync(join(out, "robots.txt"), robotsTxt(origin, base));
        logger.info(`sitemap: ${(xml.match(/<loc>/g) ?? []).length} of ${paths.length} pages, for ${origin}${base}`);
      },
    },
  };
}
