/**
 * The site as the web sees it (issue 15 §5): a web app manifest whose icons exist at their sizes, a sitemap that
 * lists every course page and no dev page, and on every page one canonical address and the Open Graph and
 * Twitter card tags, whose preview image resolves — at the root build and under /course/.
 */
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { serveStatic } from "../../scripts/serve.ts";
import { builtPages } from "./helpers.ts";
import { ensureSubpathBuild, SUBPATH_BASE, SUBPATH_DIST } from "./subpath-build.ts";

const ROOT_DIST = process.env.ASTRO_OUT_DIR || "dist";

// One worker runs this file's tests in order, so the subpath build happens at most once per run.
test.describe.configure({ mode: "default" });

/** Pages that stand in for others or are for developers: noindex, no canonical address, not in the sitemap. */
const UNINDEXED = /^(404|offline|dev\/.*|embed\/.*)\/$/;
/** Pages the sitemap leaves out on purpose besides those (labs made for framing, answer keys, a teacher's own assignment). */
const UNLISTED = /^embed\/|^assignments\/custom\/|^assignments\/[^/]+\/key\/$/;

function elements(root: Root | Element, tag: string): Element[] {
  return root.children.flatMap((c) =>
    c.type === "element" ? [...(c.tagName === tag ? [c] : []), ...elements(c, tag)] : [],
  );
}

/** The width and height a PNG's header states. */
function pngSize(body: Buffer): [number, number] {
  expect(body.subarray(1, 4).toString("latin1"), "a PNG signature").toBe("PNG");
  return [body.readUInt32BE(16), body.readUInt32BE(20)];
}

/** Fetches a site address from the server under test: its path on `server` (canonical addresses name SITE_URL). */
async function fetchPath(request: APIRequestContext, server: string, address: string) {
  const { pathname } = new URL(address, server);
  return request.get(new URL(pathname, server).href);
}

function checkSite(
  label: string,
  dist: () => string,
  base: string,
  serve: () => Promise<{ url: string; close(): Promise<void> }>,
) {
  test.describe(label, () => {
    let server = "";
    let close: () => Promise<void> = async () => {};
    test.beforeAll(async () => {
      const started = await serve();
      server = started.url;
      close = started.close;
    });
    test.afterAll(async () => close());

    test("the web app manifest has its required fields, and every icon exists at its stated size", async ({
      request,
    }) => {
      const home = await (await request.get(server)).text();
      const link = elements(fromHtml(home), "link").find((l) => String(l.properties.rel) === "manifest");
      expect(link?.properties.href).toBe(`${base}manifest.webmanifest`);
      const response = await request.get(new URL(String(link!.properties.href), server).href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/manifest+json");
      const manifest = await response.json();
      expect(manifest).toMatchObject({ name: "Activation Labs", short_name: "Activation Labs", display: "standalone" });
      expect([manifest.start_url, manifest.scope, manifest.id]).toEqual([base, base, base]);
      const purposes: string[] = [];
      for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
        expect(icon.src.startsWith(base), icon.src).toBe(true);
        const file = await request.get(new URL(icon.src, server).href);
        expect(file.status(), icon.src).toBe(200);
        if (icon.type !== "image/png") continue;
        expect(pngSize(await file.body()).join("x"), icon.src).toBe(icon.sizes);
        purposes.push(`${icon.sizes} ${icon.purpose}`);
      }
      expect(purposes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
    });

    test("the sitemap is valid XML listing every course page once, and no dev, 404 or offline page", async ({
      request,
      page,
    }) => {
      const response = await request.get(`${server}sitemap.xml`);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          root: doc.documentElement.nodeName,
          ns: doc.documentElement.namespaceURI,
          locs: [...doc.getElementsByTagName("loc")].map((l) => l.textContent ?? ""),
        };
      }, xml);
      expect(parsed.error).toBeNull();
      expect([parsed.root, parsed.ns]).toEqual(["urlset", "http://www.sitemaps.org/schemas/sitemap/0.9"]);
      const listed = parsed.locs.map((loc) => new URL(loc).pathname);
      const expected = builtPages(dist())
        .filter((p) => !UNINDEXED.test(p) && !UNLISTED.test(p))
        .map((p) => `${base}${p}`);
      expect(listed).toEqual(expected);
      expect(new Set(parsed.locs.map((loc) => new URL(loc).origin)).size).toBe(1);
      for (const loc of parsed.locs) expect((await fetchPath(request, server, loc)).status(), loc).toBe(200);
      const robots = await (await request.get(`${server}robots.txt`)).text();
      expect(robots).toContain(`Sitemap: ${new URL(parsed.locs[0]!).origin}${base}sitemap.xml`);
    });

    test("every page has one canonical address (its own), Open Graph and Twitter card tags, and a preview image that resolves", async ({
      request,
    }) => {
      test.setTimeout(60_000);
      const images = new Set<string>();
      for (const path of builtPages(dist())) {
        const html = await (await request.get(`${server}${path}`)).text();
        const tree = fromHtml(html);
        const meta = (key: string) =>
          elements(tree, "meta")
            .filter((m) => m.properties.property === key || m.properties.name === key)
            .map((m) => String(m.properties.content));
        const canonical = elements(tree, "link").filter((l) => String(l.properties.rel) === "canonical");
        if (UNINDEXED.test(path)) {
          expect(canonical, path).toHaveLength(0);
          expect(meta("robots"), path).toEqual(["noindex"]);
        } else {
          expect(canonical, path).toHaveLength(1);
          const href = String(canonical[0]!.properties.href);
          expect(new URL(href).pathname, path).toBe(`${base}${path}`);
          expect(meta("og:url"), path).toEqual([href]);
          expect(meta("robots"), path).toEqual([]);
        }
        const title = elements(tree, "title")[0];
        const titleText = title?.children[0]?.type === "text" ? title.children[0].value : "";
        expect(meta("og:title"), path).toEqual([titleText]);
        expect(meta("og:description")[0]?.length ?? 0, path).toBeGreaterThan(20);
        expect(meta("og:type"), path).toEqual([path.startsWith("lessons/") ? "article" : "website"]);
        expect(meta("twitter:card"), path).toEqual(["summary_large_image"]);
        expect(meta("og:image:alt")[0], path).toMatch(/sigmoid, tanh, ReLU/);
        const [image] = meta("og:image");
        expect(new URL(image!).pathname, path).toBe(`${base}og.png`);
        images.add(image!);
      }
      expect(images.size).toBe(1);
      const [image] = [...images];
      const response = await fetchPath(request, server, image!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual([1200, 630]);
    });
  });
}

async function serving(root: string, base: string) {
  const { server, url } = await serveStatic({ root, base, port: 0 });
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) };
}

checkSite(
  "built at the root",
  () => ROOT_DIST,
  "/",
  () => serving(ROOT_DIST, "/"),
);

test.describe("built under /course/", () => {
  test.beforeAll(ensureSubpathBuild);
  checkSite(
    "",
    () => SUBPATH_DIST,
    SUBPATH_BASE,
    () => serving(SUBPATH_DIST, SUBPATH_BASE),
  );
});
