import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/find-chromium.ts";

const PORT = Number(process.env.E2E_PORT ?? 4391);
/** The built site under test (ASTRO_OUT_DIR when the build went elsewhere). */
const DIST = process.env.ASTRO_OUT_DIR || "dist";

/** Browser tests run against the built site in dist/, served by scripts/serve.ts, on the system Chromium. */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  projects: [
    { name: "site", testIgnore: "smoothness/**" },
    // Timing checks run after the site project and one at a time, so no parallel test shares the CPU
    // with the page being timed. `npm run test:smoothness` runs them alone (--no-deps).
    {
      name: "smoothness",
      testMatch: "smoothness/**/*.spec.ts",
      dependencies: ["site"],
      fullyParallel: false,
      workers: 1,
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: CHROMIUM_ARGS,
    },
    trace: "off",
  },
  webServer: {
    // The pinned Node 22 from node_modules, whichever Node started Playwright.
    command: `node_modules/.bin/node scripts/serve.ts ${DIST} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
