/**
 * "Save the whole course for offline use": reads the build's list of files (offline-files.json, written by
 * src/integrations/offline-files.ts), finds which are not saved yet, and saves them into the service worker's
 * cache for this build, a few at a time, reporting progress. No DOM here (save-course-view.ts shows it).
 */
import { CACHE_PREFIX } from "../../integrations/service-worker.ts";
import type { OfflineList } from "../../integrations/offline-files.ts";

/** More files than any build of the course has: a list past it is not ours. */
const MAX_FILES = 20_000;

/** Downloads at once: enough to keep a school network busy, few enough not to crowd out the page. */
const PARALLEL = 4;

/** What saving needs from the browser (the window's, or fakes in tests). */
export interface SaveEnvironment {
  fetch(url: string, init?: RequestInit): Promise<Response>;
  caches: Pick<CacheStorage, "open">;
  storage?: { estimate?(): Promise<StorageEstimate> };
}

/** How far saving has come, in files and in bytes (the sizes the list gives). */
export interface SaveProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** How saving ended: every file saved, or the addresses that could not be fetched. */
export interface SaveResult {
  failed: string[];
}

/** Thrown for a list or a browser that saving cannot work with; its message is for the reader. */
export class SaveProblem extends Error {}

/** Bytes as megabytes with one decimal, the way the page shows sizes: 3 412 000 → "3.4 MB". */
export function megabytes(bytes: number): string {
  return `${(Math.max(0, bytes) / 1e6).toFixed(1)} MB`;
}

/** Checks a fetched offline-files.json: this site's cache, same-site addresses under `base`, sizes that add up. */
export function readOfflineList(value: unknown, base: string): OfflineList {
  const fail = (why: string): never => {
    throw new SaveProblem(`The list of the course's files is not usable (${why}). Reload the page and try again.`);
  };
  if (typeof value !== "object" || value === null) return fail("not a list");
  const { build, cache, bytes, files } = value as Record<string, unknown>;
  if (typeof build !== "string" || !/^[0-9a-f]{12}$/.test(build)) fail("no build id");
  if (typeof cache !== "string" || !cache.startsWith(`${CACHE_PREFIX}${base}:`)) fail("another site's cache");
  if (!Array.isArray(files) || files.length === 0 || files.length > MAX_FILES) fail("no files");
  let total = 0;
  for (const entry of files as unknown[]) {
    const ok =
      Array.isArray(entry) &&
      entry.length === 2 &&
      typeof entry[0] === "string" &&
      entry[0].startsWith(base) &&
      !entry[0].includes("//") &&
      Number.isInteger(entry[1]) &&
      (entry[1] as number) >= 0;
    if (!ok) fail("a file entry is malformed");
    total += (entry as [string, number])[1];
  }
  if (bytes !== total) fail("its sizes do not add up");
  return value as OfflineList;
}

/** The files of the list that the build's cache does not hold yet. */
export async function missingFiles(list: OfflineList, env: SaveEnvironment): Promise<[string, number][]> {
  const cache = await env.caches.open(list.cache);
  const held = await Promise.all(list.files.map(([url]) => cache.match(url).then(Boolean)));
  return list.files.filter((_, i) => !held[i]);
}

/**
 * Fails with a clear message when the browser says it has less room left than `bytes` (with a margin): better
 * than a download that stops half-way. A browser that does not say is let through.
 */
export async function checkRoom(bytes: number, env: SaveEnvironment): Promise<void> {
  const estimate = await env.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.quota || estimate.usage === undefined) return;
  const room = estimate.quota - estimate.usage;
  if (room < bytes * 1.1) {
    throw new SaveProblem(
      `This browser has ${megabytes(room)} of storage left for this site, and saving needs ${megabytes(bytes)}. Free some space (or use another browser) and try again.`,
    );
  }
}

/**
 * Saves every file of the list not saved yet into the build's cache, PARALLEL at a time, and calls `progress`
 * after each (files already saved count as done from the start). A file the server does not give (offline, an
 * error status) is left out and named in the result; pressing Save again fetches only what is missing.
 */
export async function saveCourse(
  list: OfflineList,
  env: SaveEnvironment,
  progress: (p: SaveProgress) => void,
): Promise<SaveResult> {
  const missing = await missingFiles(list, env);
  const missingBytes = missing.reduce((sum, [, b]) => sum + b, 0);
  await checkRoom(missingBytes, env);
  const cache = await env.caches.open(list.cache);
  const state: SaveProgress = {
    files: list.files.length - missing.length,
    totalFiles: list.files.length,
    bytes: list.bytes - missingBytes,
    totalBytes: list.bytes,
  };
  progress({ ...state });
  const failed: string[] = [];
  const queue = [...missing];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url, bytes] = next;
      try {
        const response = await env.fetch(url, { cache: "no-cache", credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await cache.put(url, response);
        state.files += 1;
        state.bytes += bytes;
        progress({ ...state });
      } catch {
        failed.push(url);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { failed };
}
