/**
 * Build step for hosting anywhere: after Astro writes the site, index it for search (Pagefind) and
 * write the service worker that makes visited pages work offline.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { PRECACHE, serviceWorkerSource } from "./service-worker.ts";

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, root) : [relative(root, path).split(sep).join("/")];
  });
}

/** An Astro integration: Pagefind search index and a per-build service worker. */
export function offline(): AstroIntegration {
  let base = "/";
  return {
    name: "activation-labs:offline",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Index words once: KaTeX's visual copy and its TeX annotation would repeat every symbol; labs are controls, not prose.
        const { index, errors } = await pagefind.createIndex({
          excludeSelectors: [".katex-html", "annotation", "[data-lab]", "nav", "details.solution"],
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: out });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
        await index.writeFiles({ outputPath: join(out, "pagefind") });
        await pagefind.close();
        logger.info(`search index: ${added.page_count} pages`);

        const all = files(out).sort();
        const hash = createHash("sha256");
        for (const f of all) hash.update(f).update(readFileSync(join(out, f)));
        const buildId = hash.digest("hex").slice(0, 12);
        const precache = all.filter((f) => PRECACHE.test(f)).map((f) => `${base}${f}`);
        writeFileSync(join(out, "sw.js"), serviceWorkerSource(buildId, base, precache));
        logger.info(`service worker: build ${buildId}, ${precache.length} assets precached`);
      },
    },
  };
}
