import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";

/** The subpath build the hosting and offline specs serve (npm test makes it; SUBPATH_DIST names another). */
export const SUBPATH_DIST = process.env.SUBPATH_DIST ?? "dist-course";
/** The base path of that build. */
export const SUBPATH_BASE = "/course/";

/**
 * Makes sure the subpath build exists: npm test makes it before the browser tests; a spec run alone makes
 * it itself (never a skip), into a folder of its own that is moved in when complete. Call in beforeAll.
 */
export function ensureSubpathBuild(): void {
  if (existsSync(SUBPATH_DIST)) return;
  test.setTimeout(180_000);
  const out = `${SUBPATH_DIST}.${process.pid}`;
  const built = spawnSync("node_modules/.bin/astro", ["build"], {
    env: { ...process.env, BASE_PATH: SUBPATH_BASE, ASTRO_OUT_DIR: out },
    encoding: "utf8",
  });
  expect(built.status, `BASE_PATH=${SUBPATH_BASE} ASTRO_OUT_DIR=${out} astro build\n${built.stderr}`).toBe(0);
  if (existsSync(SUBPATH_DIST)) rmSync(out, { recursive: true, force: true });
  else renameSync(out, SUBPATH_DIST);
}
