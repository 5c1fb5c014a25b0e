/**
 * Offline as a student meets it (issue 17): "Save the whole course for offline use" on the course map, then
 * with the network gone every lesson opens and its labs work; and a page that was never saved shows the site's
 * offline page, styled like the site, whose links to the saved pages work. On the subpath build (/course/).
 */
import type { Server } from "node:http";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { serveStatic } from "../../scripts/serve.ts";
import { builtPages, reachEveryLab, startInTheme } from "./helpers.ts";
import { ensureSubpathBuild, SUBPATH_BASE as BASE, SUBPATH_DIST as DIST } from "./subpath-build.ts";

test.describe.configure({ mode: "default" });
test.beforeAll(ensureSubpathBuild);

/** Every page a reader can open: the dev gallery and the 404 page are not part of the course. */
const coursePages = () => builtPages(DIST).filter((p) => !/^(dev\/|404\/)/.test(p));

async function serve(): Promise<{ server: Server; url: string }> {
  return serveStatic({ root: DIST, base: BASE, port: 0 });
}

/** The network is gone: the server stops and the browser is offline. */
async function goOffline(context: BrowserContext, server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await context.setOffline(true);
}

/** Waits until a service worker controls the page and has had a moment to keep what the page loaded. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(1000);
}

test("save the whole course, then offline every lesson reads, its labs run, and search finds", async ({ browser }) => {
  test.setTimeout(240_000);
  const { server, url } = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await controlled(page);

  const box = page.locator("#offline");
  await expect(box.locator("[data-save-size]")).toHaveText(/^\d+\.\d MB, \d+ files$/);
  const button = box.getByRole("button", { name: "Save the whole course for offline use" });
  await button.click();
  await expect(box).toHaveAttribute("data-saved", "true", { timeout: 60_000 });
  await expect(box.getByRole("status")).toHaveText(/^Saved: the whole course \(\d+\.\d MB\) opens offline/);
  await expect(box.locator("progress")).toHaveJSProperty(
    "value",
    await box.locator("progress").evaluate((p: HTMLProgressElement) => p.max),
  );

  // Every page of the course is in the cache, by its address.
  const pages = coursePages();
  const missing = await page.evaluate(
    async (addresses) =>
      (await Promise.all(addresses.map(async (a) => ((await caches.match(a)) ? null : a)))).filter(Boolean),
    pages.map((p) => `${url}${p}`),
  );
  expect(missing).toEqual([]);

  // A later visit says so before anything is pressed.
  await page.reload();
  await expect(box.getByRole("status")).toHaveText(/^Saved: the whole course/);

  await goOffline(context, server);
  const lessons = pages.filter((p) => p.startsWith("lessons/"));
  expect(lessons).toHaveLength(9);
  for (const lesson of lessons) {
    const response = await page.goto(`${url}${lesson}`);
    expect(response?.status(), lesson).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("You are offline");
    const labs = page.locator("[data-lab]");
    const count = await labs.count();
    expect(count, `${lesson} has labs`).toBeGreaterThan(0);
    await reachEveryLab(page);
    // The first lab that trains does, from the saved worker script.
    const training = page.locator("[data-lab][data-step]").first();
    if ((await training.count()) > 0) {
      await training.scrollIntoViewIfNeeded();
      await expect(training).toHaveAttribute("data-live", "true", { timeout: 20_000 });
      const before = Number(await training.getAttribute("data-step"));
      await training.getByRole("button", { name: "Step" }).click();
      await expect
        .poll(async () => Number(await training.getAttribute("data-step")), { message: lesson })
        .toBeGreaterThan(before);
    }
  }

  await page.goto(`${url}search/`);
  await page.locator("#search input").fill("dying relu");
  await expect(page.locator(".pagefind-ui__result-link", { hasText: /dying relu/i }).first()).toBeVisible({
    timeout: 10_000,
  });
  expect(errors).toEqual([]);
  await context.close();
});

for (const theme of ["light", "dark"] as const) {
  test(`a page never saved shows the offline page, styled like the site (${theme}), whose links to saved pages work`, async ({
    browser,
  }) => {
    const { server, url } = await serve();
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    await startInTheme(page, theme);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await controlled(page);
    await page.goto(`${url}reference/glossary/`);
    await page.waitForTimeout(500);
    await goOffline(context, server);

    const response = await page.goto(`${url}lessons/relu/`);
    expect(response?.status()).toBe(503);
    await expect(page).toHaveURL(`${url}lessons/relu/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are offline");
    // The site's stylesheet, header and theme, not a bare page.
    await expect(page.locator(".site-header")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const look = await page.evaluate(() => ({
      width: getComputedStyle(document.querySelector("[data-offline-page]")!).maxWidth,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(look.width).toBe("672px");
    expect(look.background).toBe(theme === "dark" ? "rgb(14, 16, 19)" : "rgb(255, 255, 255)");
    await page.screenshot({ path: `test-results/offline-page-${theme}.png`, fullPage: true });

    // Only what this browser saved is offered: the course map and the glossary, not the lesson asked for.
    const offered = page.locator("[data-saved-page]:not([hidden]) a");
    await expect(offered).toHaveText(["Course map", "Glossary"]);
    await expect(page.locator('[data-saved-page$="lessons/relu/"]')).toBeHidden();
    await offered.filter({ hasText: "Glossary" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
    expect(errors).toEqual([]);
    await context.close();
  });
}
