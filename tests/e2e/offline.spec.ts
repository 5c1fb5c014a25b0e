/**
 * The service worker in real deployments (issue 18, items 13–16): search offline, two builds on one
 * origin, a new deployment while a tab is open, and a server that accepts a request and never answers.
 * Each test serves its own copy of a build, so it can stop, replace or stall the server.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, request as forward, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { serveStatic } from "../../scripts/serve.ts";
import { ensureSubpathBuild, SUBPATH_BASE as BASE, SUBPATH_DIST as DIST } from "./subpath-build.ts";

const ROOT_DIST = process.env.ASTRO_OUT_DIR || "dist";

test.describe.configure({ mode: "default" });
test.beforeAll(ensureSubpathBuild);

const stop = (server: Server) => {
  server.closeAllConnections();
  return new Promise<void>((done) => server.close(() => done()));
};

/** Waits until a service worker controls the page and has had a moment to keep what the page loaded. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(1000);
}

const siteCaches = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("activation-labs")).sort());

const copies: string[] = [];
test.afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of a build, so a test may change it (removed after the file's tests). */
function copyOf(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), "build-"));
  cpSync(dist, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(html|js|css|json)$/.test(name) ? [path] : [];
  });
}

/**
 * Deploys "a new build" over a served copy: every hashed script and stylesheet gets a new name (the old
 * files are gone from the server, as after a real deployment), every reference follows, and sw.js gets
 * a new build id.
 */
function deployNewBuild(dir: string): void {
  const assets = join(dir, "_astro");
  const renamed = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  for (const name of renamed) renameSync(join(assets, name), join(assets, `next-${name}`));
  for (const file of textFiles(dir)) {
    let text = readFileSync(file, "utf8");
    // References are "/_astro/<name>" in pages and "./<name>" between scripts: both follow "/".
    for (const name of renamed) text = text.replaceAll(`/${name}`, `/next-${name}`);
    writeFileSync(file, text);
  }
  const sw = join(dir, "sw.js");
  const text = readFileSync(sw, "utf8");
  writeFileSync(sw, text.replaceAll(/for build ([0-9a-f]{12})/.exec(text)![1]!, "nextbuild000"));
}

test("search works offline after searching online", async ({ browser }) => {
  const { server, url } = await serveStatic({ root: copyOf(DIST), base: BASE, port: 0 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await controlled(page);
  const search = async () => {
    await page.goto(`${url}search/`);
    await page.locator("#search input").fill("dying relu");
    await expect(page.locator(".pagefind-ui__result-link", { hasText: /dying relu/i }).first()).toBeVisible({
      timeout: 10_000,
    });
  };
  await search();
  await stop(server);
  await search();
  await context.close();
});

test("two builds on one origin (/ and /course/) keep each other's caches", async ({ browser }) => {
  const root = copyOf(ROOT_DIST);
  cpSync(DIST, join(root, "course"), { recursive: true });
  const { server, url } = await serveStatic({ root, base: "/", port: 0 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await controlled(page);
  expect(await siteCaches(page)).toHaveLength(1);
  await page.goto(`${url}course/`);
  await controlled(page);
  await expect.poll(() => siteCaches(page), { timeout: 10_000 }).toHaveLength(2);
  await page.waitForTimeout(1000);
  expect(await siteCaches(page)).toHaveLength(2);
  await context.close();
  await stop(server);
});

test("a new deployment: an open tab keeps working and is told to reload; the old cache goes with its last tab", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const dir = copyOf(DIST);
  const { server, url } = await serveStatic({ root: dir, base: BASE, port: 0 });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}lessons/vanishing-gradients/`);
  await controlled(page);
  const lab = page.locator('[data-lab="vanishing-gradients"]').first();
  // The lab hydrates when scrolled into view: not yet.
  await expect(page.locator('astro-island[ssr]:has([data-lab="vanishing-gradients"])')).toHaveCount(1);
  const [old] = await siteCaches(page);

  deployNewBuild(dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect
    .poll(() => siteCaches(page), { timeout: 15_000 })
    .toContain(old!.replace(/[0-9a-f]{12}$/, "nextbuild000"));
  const notice = page.locator("[data-new-version]");
  // The new build's cache is named when its install starts; the notice comes when the install has cached every file,
  // which on a busy machine took more than the 6 s this waited before.
  await expect(notice).toContainText("A new version of this site is available", { timeout: 30_000 });
  await expect(notice.getByRole("button", { name: "Reload" })).toBeVisible();
  await notice.getByRole("button", { name: "Later" }).click();
  await expect(notice).toHaveCount(0);
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]:has([data-lab="vanishing-gradients"])')).toHaveCount(0, {
    timeout: 15_000,
  });
  await lab.getByRole("button", { name: "Train" }).click();
  await expect.poll(async () => Number(await lab.getAttribute("data-step")), { timeout: 15_000 }).toBeGreaterThan(20);
  expect(errors).toEqual([]);

  // The last tab of the old build closes: the new build takes over and deletes the old cache, only.
  await page.close();
  // Watch from a page of the same origin outside the worker's scope, which is no tab of either build.
  const outside = await context.newPage();
  await outside.goto(new URL("/outside-the-course", url).href);
  await expect
    .poll(() => siteCaches(outside), { timeout: 15_000 })
    .toEqual([old!.replace(/[0-9a-f]{12}$/, "nextbuild000")]);
  await context.close();
  await stop(server);
});

test("a server that accepts and never answers: a saved page is shown from the cache within seconds", async ({
  browser,
}) => {
  const files = await serveStatic({ root: copyOf(DIST), base: BASE, port: 0 });
  const target = new URL(files.url);
  let stalled = false;
  // A front server that passes requests on, until it stalls: it accepts and never answers.
  const front = createServer((req, res) => {
    if (stalled) return;
    const upstream = forward(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((done) => front.listen(0, "127.0.0.1", done));
  const address = front.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}${BASE}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}lessons/relu/`);
  await controlled(page);
  stalled = true;
  const started = Date.now();
  await page.reload({ waitUntil: "domcontentloaded", timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(6000);
  await context.close();
  await stop(front);
  await stop(files.server);
});
