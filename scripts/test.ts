/**
 * `npm test`: the unit tests (vitest), then the site build and its size budgets (scripts/budget.ts),
 * then the browser tests (Playwright on the system Chromium) against it. Without a Chromium the
 * browser tests are skipped with a clear message — except in CI (CI=true), where a missing browser
 * is a failure, never a silent skip.
 */
import { spawnSync } from "node:child_process";
import { findChromium } from "./find-chromium.ts";

const bin = (name: string) => `node_modules/.bin/${name}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

function step(title: string): void {
  console.log(`\n=== ${title} ===\n`);
}

step("Unit tests (vitest)");
if (run(bin("vitest"), ["run"]) !== 0) process.exit(1);

const chromium = findChromium();
const inCI = process.env.CI === "true" || process.env.CI === "1";
if (!chromium) {
  const how =
    "Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.";
  if (inCI) {
    console.error(`\nBrowser tests are required in CI, but no Chromium was found. ${how}`);
    process.exit(1);
  }
  console.warn(`\nBrowser tests SKIPPED: no Chromium found on this machine. ${how}`);
  process.exit(0);
}

step("Building the site (astro build)");
if (run(bin("astro"), ["build"], { ...process.env, BASE_PATH: "" }) !== 0) process.exit(1);

step("Size budgets of the built site (gzipped HTML, CSS and JS per page)");
if (run("node", ["scripts/budget.ts", "dist"]) !== 0) process.exit(1);

step("Building the site again under a subpath (BASE_PATH=/course/, into dist-course)");
if (run(bin("astro"), ["build"], { ...process.env, BASE_PATH: "/course/", ASTRO_OUT_DIR: "dist-course" }) !== 0)
  process.exit(1);

step("Link check of the built site");
if (run("node", ["scripts/check-links.ts", "dist"]) !== 0) process.exit(1);

step(`Browser tests (Playwright on ${chromium})`);
process.exit(
  run(bin("playwright"), ["test"], {
    ...process.env,
    CHROMIUM_PATH: chromium,
    SUBPATH_DIST: "dist-course",
    ASTRO_OUT_DIR: "",
  }),
);
