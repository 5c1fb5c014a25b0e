/**
 * The site's public address (Astro's `site`), from SITE_URL: what canonical links, link previews and the
 * sitemap put in front of each page's path. Only the origin: the path the site lives under is BASE_PATH.
 */

/** Where the site is when SITE_URL is not set: the address `npm run preview` serves it at. */
export const DEFAULT_SITE_URL = "http://localhost:4321";

/** Turns a SITE_URL setting into Astro's `site`: an http(s) origin ("https://school.example"); throws on anything else. */
export function normaliseSiteUrl(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim();
  if (trimmed === "") return DEFAULT_SITE_URL;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new Error(`SITE_URL must be a web address such as https://school.example, got ${JSON.stringify(raw)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`SITE_URL must start with https:// or http://, got ${JSON.stringify(raw)}`);
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash || trimmed.includes("?")) {
    throw new Error(`SITE_URL is the site's origin only (https://school.example), got ${JSON.stringify(raw)}`);
  }
  if (parsed.pathname !== "/") {
    throw new Error(
      `SITE_URL is the site's origin only (${parsed.origin}); put the path in BASE_PATH (BASE_PATH=${parsed.pathname}), got ${JSON.stringify(raw)}`,
    );
  }
  return parsed.origin;
}

/** The absolute address of a site path that already carries the base ("/course/lessons/relu/"). */
export function absoluteUrl(site: string | URL, path: string): string {
  return new URL(path, site).href;
}
