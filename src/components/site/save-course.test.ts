import { describe, expect, it } from "vitest";
import type { OfflineList } from "../../integrations/offline-files.ts";
import {
  checkRoom,
  megabytes,
  missingFiles,
  readOfflineList,
  saveCourse,
  SaveProblem,
  type SaveEnvironment,
  type SaveProgress,
} from "./save-course.ts";

const LIST: OfflineList = {
  build: "0123456789ab",
  cache: "activation-labs:/course/:0123456789ab",
  bytes: 600,
  files: [
    ["/course/", 100],
    ["/course/lessons/relu/", 200],
    ["/course/_astro/a.js", 300],
  ],
};

/** A fake browser: a cache that holds `held`, a network that answers `served` (404 for the rest, or throws when down). */
function browser(held: string[], served: string[], quota?: { quota: number; usage: number }) {
  const cache = new Map<string, string>(held.map((u) => [u, "old"]));
  const requests: string[] = [];
  let down = false;
  const env: SaveEnvironment = {
    fetch: async (url) => {
      requests.push(url);
      if (down) throw new TypeError("Failed to fetch");
      return served.includes(url) ? new Response(`body of ${url}`) : new Response("", { status: 404 });
    },
    caches: {
      open: async (name: string) => {
        expect(name).toBe(LIST.cache);
        return {
          match: async (url: string) => (cache.has(url) ? new Response(cache.get(url)) : undefined),
          put: async (url: string, response: Response) => void cache.set(url, await response.text()),
        } as unknown as Cache;
      },
    },
    storage: quota ? { estimate: async () => quota } : undefined,
  };
  return { env, cache, requests, goOffline: () => (down = true) };
}

describe("saving the whole course", () => {
  it("saves only what the cache lacks, and reports progress from what was saved before", async () => {
    const b = browser(
      ["/course/"],
      LIST.files.map(([u]) => u),
    );
    const seen: SaveProgress[] = [];
    const result = await saveCourse(LIST, b.env, (p) => seen.push(p));
    expect(result.failed).toEqual([]);
    expect(b.requests.sort()).toEqual(["/course/_astro/a.js", "/course/lessons/relu/"]);
    expect(seen[0]).toEqual({ files: 1, totalFiles: 3, bytes: 100, totalBytes: 600 });
    expect(seen.at(-1)).toEqual({ files: 3, totalFiles: 3, bytes: 600, totalBytes: 600 });
    expect(b.cache.get("/course/lessons/relu/")).toBe("body of /course/lessons/relu/");
    expect(await missingFiles(LIST, b.env)).toEqual([]);
  });

  it("names the files the server did not give (an error status, or no network), keeps what it got, and fetches only those next time", async () => {
    const b = browser([], ["/course/", "/course/_astro/a.js"]);
    const first = await saveCourse(LIST, b.env, () => undefined);
    expect(first.failed).toEqual(["/course/lessons/relu/"]);
    expect([...b.cache.keys()].sort()).toEqual(["/course/", "/course/_astro/a.js"]);
    b.requests.length = 0;
    b.goOffline();
    const second = await saveCourse(LIST, b.env, () => undefined);
    expect(second.failed).toEqual(["/course/lessons/relu/"]);
    expect(b.requests).toEqual(["/course/lessons/relu/"]);
  });

  it("stops before downloading when the browser has too little room, saying how much it needs", async () => {
    const b = browser(
      [],
      LIST.files.map(([u]) => u),
      { quota: 1_000_500, usage: 1_000_000 },
    );
    await expect(saveCourse(LIST, b.env, () => undefined)).rejects.toThrow(SaveProblem);
    await expect(checkRoom(600, b.env)).rejects.toThrow(/0\.0 MB of storage left .* saving needs 0\.0 MB/);
    expect(b.requests).toEqual([]);
    await expect(checkRoom(400, b.env)).resolves.toBeUndefined();
    await expect(checkRoom(10 ** 9, browser([], []).env)).resolves.toBeUndefined();
  });

  it("writes sizes in megabytes with one decimal", () => {
    expect([megabytes(5_816_549), megabytes(0), megabytes(-3)]).toEqual(["5.8 MB", "0.0 MB", "0.0 MB"]);
  });
});

describe("the list of the course's files", () => {
  it("is read when it is this site's, for this base", () => {
    expect(readOfflineList(structuredClone(LIST), "/course/")).toEqual(LIST);
  });

  it("is refused, with a message for the reader, when it is not", () => {
    const bad =
      (change: Partial<Record<keyof OfflineList, unknown>>, base = "/course/") =>
      () =>
        readOfflineList({ ...structuredClone(LIST), ...change }, base);
    expect(bad({})).not.toThrow();
    expect(bad({}, "/")).toThrow(/another site's cache/);
    expect(bad({ cache: "someone-else:/course/:0123456789ab" })).toThrow(/another site's cache/);
    expect(bad({ build: "<img>" })).toThrow(/no build id/);
    expect(bad({ files: [] })).toThrow(/no files/);
    expect(bad({ files: [["https://evil.example/x", 1]], bytes: 1 })).toThrow(/malformed/);
    expect(bad({ files: [["/course//evil.example/x", 1]], bytes: 1 })).toThrow(/malformed/);
    expect(bad({ files: [["/course/a", -1]], bytes: -1 })).toThrow(/malformed/);
    expect(bad({ bytes: 601 })).toThrow(/do not add up/);
    expect(() => readOfflineList(null, "/course/")).toThrow(/Reload the page and try again/);
    expect(() => readOfflineList("[]", "/course/")).toThrow(SaveProblem);
  });
});
