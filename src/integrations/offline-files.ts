/**
 * What the service worker keeps, decided from the built files: what it saves when it installs (the bundles,
 * the fonts, the offline page and the app icons), and what "Save the whole course for offline use" downloads
 * (every page a reader may open and every file those pages load), listed with their sizes in
 * <base>offline-files.json for the page that saves them (src/components/site/save-course.ts).
 */
import { PRECACHE } from "./service-worker.ts";

/** A built file: its path in the output folder ("lessons/relu/index.html") and its size in bytes. */
export interface BuiltFile {
  path: string;
  bytes: number;
}

/** The list a page reads to save the whole course: the build's cache, its total size, and [address, bytes] per file. */
export interface OfflineList {
  build: string;
  cache: string;
  bytes: number;
  files: [url: string, bytes: number][];
}

/** The file the list is written to, next to sw.js. */
export const OFFLINE_LIST = "offline-files.json";

/** The page the service worker shows for a page it has not saved while the network is down. */
export const OFFLINE_PAGE = "offline/";

/**
 * Built files no reader's page needs offline: the dev gallery, the 404 page (the offline page stands in), the
 * host's files, the sitemap, the link preview (for other sites), and KaTeX's older font formats (every browser
 * with a service worker takes woff2).
 */
const NOT_SAVED =
  /^(dev\/|404\.html$|_headers$|sw\.js$|offline-files\.json$|og\.png$|sitemap\.xml$|robots\.txt$|_astro\/.*\.(woff|ttf)$)/;

/** Files the app needs when it is opened from the home screen offline: its manifest and icons. */
const APP_FILES = /^(manifest\.webmanifest|favicon\.svg|icons\/.*\.png)$/;

/** The address a built file is requested at: a page by its folder ("/course/lessons/relu/"), any other file by its path. */
export function addressOf(base: string, path: string): string {
  return `${base}${path.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Every file the whole course needs offline, as [address, bytes], in the order of `files`. */
export function courseFiles(files: readonly BuiltFile[], base: string): [string, number][] {
  return files.filter((f) => !NOT_SAVED.test(f.path)).map((f) => [addressOf(base, f.path), f.bytes]);
}

/**
 * What the service worker saves when it installs: the hashed bundles and woff2 fonts (PRECACHE), the offline
 * page and the app's icons — or, for a build that asks for it (PRECACHE_COURSE=1, a school intranet), the whole
 * course, so a first visit keeps everything.
 */
export function installFiles(files: readonly BuiltFile[], base: string, wholeCourse: boolean): string[] {
  if (wholeCourse) return courseFiles(files, base).map(([url]) => url);
  return files
    .filter((f) => PRECACHE.test(f.path) || APP_FILES.test(f.path) || f.path === `${OFFLINE_PAGE}index.html`)
    .map((f) => addressOf(base, f.path));
}

/** Reads PRECACHE_COURSE: "1" saves the whole course when the service worker installs; unset or "0" does not. */
export function precacheWholeCourse(raw: string | undefined): boolean {
  const value = (raw ?? "").trim();
  if (value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new Error(
    `PRECACHE_COURSE must be 1 (save the whole course on the first visit) or 0, got ${JSON.stringify(raw)}`,
  );
}
