/**
 * Build step for hosting anywhere: after Astro writes the site, index it for search (Pagefind), list what the
 * whole course needs offline (offline-files.json) and write the service worker that keeps it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import {
  courseFiles,
  installFiles,
  OFFLINE_LIST,
  OFFLINE_PAGE,
  precacheWholeCourse,
  type BuiltFile,
  type OfflineList,
} from "./offline-files.ts";
import { cacheName, serviceWorkerSource } from "./service-worker.ts";

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, root) : [relative(root, path).split(sep).join("/")];
  });
}

/** An Astro integration: Pagefind search index, the offline file list and a per-build service worker. */
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
        const wholeCourse = precacheWholeCourse(process.env.PRECACHE_COURSE);
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
        if (!all.includes(`${OFFLINE_PAGE}index.html`)) throw new Error(`No ${OFFLINE_PAGE} page was built`);
        const hash = createHash("sha256");
        for (const f of all) hash.update(f).update(readFileSync(join(out, f)));
        const buildId = hash.digest("hex").slice(0, 12);
        const built: BuiltFile[] = all.map((path) => ({ path, bytes: statSync(join(out, path)).size }));

        const course = courseFiles(built, base);
        const list: OfflineList = {
          build: buildId,
          cache: cacheName(base, buildId),
          bytes: course.reduce((sum, [, bytes]) => sum + bytes, 0),
          files: course,
        };
        writeFileSync(join(out, OFFLINE_LIST), JSON.stringify(list));
        const install = installFiles(built, base, wholeCourse);
        writeFileSync(join(out, "sw.js"), serviceWorkerSource(buildId, base, install));
        const mb = (list.bytes / 1e6).toFixed(1);
        logger.info(
          `service worker: build ${buildId}, ${install.length} files saved on install${wholeCourse ? " (the whole course: PRECACHE_COURSE=1)" : ""}; the whole course is ${course.length} files, ${mb} MB`,
        );
      },
    },
  };
}
