/**
 * `npm test`: the unit tests (vitest), the site built at `/` and under `/course/`, its size budgets
 * (scripts/budget.ts) and link check, then the browser tests (Playwright on the system Chromium) against
 * the builds. Without a Chromium everything but the browser tests still runs, and the run ends by naming
 * the browser test files it skipped — except in CI (CI=true), where a missing browser is a failure, never a
 * silent skip.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { findChromium } from "./find-chromium.ts";

const bin = (name: string) => `node_modules/.bin/${name}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

function step(title: string): void {
  console.log(`\n=== ${title} ===\n`);
}

/** Every browser test file (tests/e2e/**\/*.spec.ts), for the list of what a run without Chromium skipped. */
function browserTestFiles(dir = "tests/e2e"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return browserTestFiles(path);
    return entry.name.endsWith(".spec.ts") ? [relative("tests/e2e", path)] : [];
  });
}

const chromium = findChromium();
const inCI = process.env.CI === "true" || process.env.CI === "1";
const how =
  "Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.";
if (!chromium && inCI) {
  console.error(`\nBrowser tests are required in CI, but no Chromium was found. ${how}`);
  process.exit(1);
}

step("Unit tests (vitest)");
if (run(bin("vitest"), ["run"]) !== 0) process.exit(1);

step("Building the site (astro build)");
if (run(bin("astro"), ["build"], { ...process.env, BASE_PATH: "" }) !== 0) process.exit(1);

step("Size budgets of the built site (gzipped HTML, CSS and JS per page)");
if (run("node", ["scripts/budget.ts", "dist"]) !== 0) process.exit(1);

step("Building the site again under a subpath (BASE_PATH=/course/, into dist-course)");
if (run(bin("astro"), ["build"], { ...process.env, BASE_PATH: "/course/", ASTRO_OUT_DIR: "dist-course" }) !== 0)
  process.exit(1);

step("Link check of the built site");
if (run("node", ["scripts/check-links.ts", "dist"]) !== 0) process.exit(1);

if (!chromium) {
  const files = browserTestFiles();
  console.warn(`\nBrowser tests SKIPPED (no Chromium on this machine): ${files.length} files.`);
  for (const file of files) console.warn(`  - tests/e2e/${file}`);
  console.warn(`\nEverything else passed. ${how}`);
  process.exit(0);
}

step(`Browser tests (Playwright on ${chromium})`);
process.exit(
  run(bin("playwright"), ["test"], {
    ...process.env,
    CHROMIUM_PATH: chromium,
    SUBPATH_DIST: "dist-course",
    ASTRO_OUT_DIR: "",
  }),
);
