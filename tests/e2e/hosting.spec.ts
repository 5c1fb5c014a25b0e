/**
 * The build as a school would host it: served under a subpath (/course/), with every request that
 * leaves the machine blocked. Uses the subpath build in dist-course (scripts/test.ts builds it) and
 * its own server, so a test can stop the server to check offline reading.
 */
import { expect, test, type BrowserContext } from "@playwright/test";
import { checkLinks } from "../../scripts/check-links.ts";
import { serveStatic } from "../../scripts/serve.ts";
import { distinctPages, watchProblems } from "./helpers.ts";
import { ensureSubpathBuild, SUBPATH_BASE as BASE, SUBPATH_DIST as DIST } from "./subpath-build.ts";

// One worker runs this file's tests in order, so the build below happens at most once per run.
test.describe.configure({ mode: "default" });

test.beforeAll(ensureSubpathBuild);

/** Blocks every request that is not to this machine, and records it. */
async function cutTheNetwork(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith("http") && !["127.0.0.1", "localhost"].includes(url.hostname)) {
      blocked.push(url.href);
      return route.abort("internetdisconnected");
    }
    return route.continue();
  });
  return blocked;
}

test("every link, fragment and asset of the subpath build resolves under /course/, and nothing is loaded from outside", () => {
  expect(checkLinks(DIST, BASE)).toEqual([]);
});

test.describe("served under /course/ with the network cut", () => {
  let url = "";
  let close: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    const { server, url: address } = await serveStatic({ root: DIST, base: BASE, port: 0 });
    url = address;
    close = () => new Promise<void>((done) => server.close(() => done()));
  });

  test.afterAll(async () => close());

  test("every page loads with 0 external and 0 failed requests", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    const blocked = await cutTheNetwork(context);
    const page = await context.newPage();
    const problems = watchProblems(page);
    for (const path of distinctPages(DIST).filter((p) => p !== "404/")) {
      await page.goto(`${url}${path}`);
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState("networkidle");
    }
    expect(blocked).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  test("search finds the dying-ReLU lesson, from the keyboard", async ({ browser }) => {
    const context = await browser.newContext();
    await cutTheNetwork(context);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("link", { name: "Search" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/course\/search\/$/);
    const input = page.getByRole("searchbox").or(page.locator("#search input")).first();
    await input.fill("dying relu");
    const hit = page.locator(".pagefind-ui__result-link", { hasText: /dying relu/i }).first();
    await expect(hit).toBeVisible();
    expect(await hit.getAttribute("href")).toMatch(/^\/course\/lessons\/dying-relu\//);
    await context.close();
  });
});

test.describe("offline reading", () => {
  test("after the service worker installs, a reload with the server stopped shows the page and runs its lab", async ({
    browser,
  }) => {
    const { server, url } = await serveStatic({ root: DIST, base: BASE, port: 0 });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}dev/labs/vanishing-gradients/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
    // Give the worker a moment to keep what the first visit loaded.
    await page.waitForTimeout(1000);
    await new Promise<void>((done) => server.close(() => done()));
    server.closeAllConnections();
    await page.reload();
    const lab = page.locator('[data-lab="vanishing-gradients"]');
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toBeVisible();
    await expect(page.locator("astro-island[ssr]:has([data-lab])")).toHaveCount(0, { timeout: 15_000 });
    await lab.getByRole("button", { name: "Train" }).click();
    await expect.poll(async () => Number(await lab.getAttribute("data-step")), { timeout: 15_000 }).toBeGreaterThan(20);
    await context.close();
  });
});
