import { describe, expect, it } from "vitest";
import { addressOf, courseFiles, installFiles, precacheWholeCourse, type BuiltFile } from "./offline-files.ts";

const BUILT: BuiltFile[] = [
  "404.html",
  "_astro/BaseLayout.abc.css",
  "_astro/KaTeX_Main-Regular.abc.woff",
  "_astro/KaTeX_Main-Regular.abc.woff2",
  "_astro/KaTeX_Main-Regular.abc.ttf",
  "_astro/training.worker-abc.js",
  "_headers",
  "dev/labs/sandbox/index.html",
  "dev/plots/index.html",
  "favicon.svg",
  "icons/icon-192.png",
  "index.html",
  "lessons/relu/index.html",
  "manifest.webmanifest",
  "offline-files.json",
  "offline/index.html",
  "og.png",
  "pagefind/pagefind-entry.json",
  "pagefind/fragment/en_1.pf_fragment",
  "robots.txt",
  "sitemap.xml",
  "sw.js",
].map((path, i) => ({ path, bytes: 100 + i }));

describe("what the whole course needs offline", () => {
  it("is every page (by its folder's address) and every file pages load, under the base", () => {
    const urls = courseFiles(BUILT, "/course/").map(([url]) => url);
    expect(urls).toEqual([
      "/course/_astro/BaseLayout.abc.css",
      "/course/_astro/KaTeX_Main-Regular.abc.woff2",
      "/course/_astro/training.worker-abc.js",
      "/course/favicon.svg",
      "/course/icons/icon-192.png",
      "/course/",
      "/course/lessons/relu/",
      "/course/manifest.webmanifest",
      "/course/offline/",
      "/course/pagefind/pagefind-entry.json",
      "/course/pagefind/fragment/en_1.pf_fragment",
    ]);
  });

  it("keeps each file's size, for the total the page shows", () => {
    expect(courseFiles(BUILT, "/").find(([url]) => url === "/lessons/relu/")).toEqual(["/lessons/relu/", 112]);
  });

  it("addresses a page by its folder, and the home page by the base", () => {
    expect([addressOf("/", "index.html"), addressOf("/c/", "a/index.html"), addressOf("/", "a/x.html")]).toEqual([
      "/",
      "/c/a/",
      "/a/x.html",
    ]);
  });
});

describe("what the service worker saves when it installs", () => {
  it("is the bundles, the woff2 fonts, the offline page and the app's icons", () => {
    expect(installFiles(BUILT, "/", false)).toEqual([
      "/_astro/BaseLayout.abc.css",
      "/_astro/KaTeX_Main-Regular.abc.woff2",
      "/_astro/training.worker-abc.js",
      "/favicon.svg",
      "/icons/icon-192.png",
      "/manifest.webmanifest",
      "/offline/",
    ]);
  });

  it("is the whole course when the build asks for it (PRECACHE_COURSE=1)", () => {
    expect(installFiles(BUILT, "/", true)).toEqual(courseFiles(BUILT, "/").map(([url]) => url));
    expect([precacheWholeCourse("1"), precacheWholeCourse(undefined), precacheWholeCourse(" 0 ")]).toEqual([
      true,
      false,
      false,
    ]);
    expect(() => precacheWholeCourse("yes")).toThrow(/PRECACHE_COURSE must be 1/);
  });
});
