/**
 * The build served as a host that reads `_headers` serves it (issue 18, item 18): every page with its
 * full policy as a header, the training worker with its own. A lab still trains on the SIMD kernels
 * with no violation, and a page refuses to be framed by another origin.
 */
import { expect, test } from "@playwright/test";
import { serveStatic } from "../../scripts/serve.ts";
import { trainUntil } from "./lab-helpers.ts";

const DIST = process.env.ASTRO_OUT_DIR || "dist";

let url = "";
let close: () => Promise<void> = async () => {};

test.beforeAll(async () => {
  const { server, url: address } = await serveStatic({ root: DIST, port: 0, headers: true });
  url = address;
  close = () => new Promise<void>((done) => server.close(() => done()));
});
test.afterAll(() => close());

// Headers must come from the server, not from a service worker's saved copies.
test.use({ serviceWorkers: "block" });

test("pages and the training worker are served with their policies and the common headers", async ({ page }) => {
  const workers: Record<string, string>[] = [];
  page.on("response", (r) => {
    if (/\.worker-[^/]*\.js$/.test(r.url())) workers.push(r.headers());
  });
  const response = await page.goto(`${url}dev/labs/sandbox/`);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/^default-src 'none';.*script-src 'self' 'sha256-/);
  expect(headers["content-security-policy"]).toMatch(/; frame-ancestors 'self'$/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  await page.locator('[data-lab="sandbox"]').scrollIntoViewIfNeeded();
  await expect.poll(() => workers.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(workers[0]!["content-security-policy"]).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'");
});

test("under these headers a lab trains on the SIMD kernels with no policy violation", async ({ page }) => {
  test.setTimeout(60_000);
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.effectiveDirective}`), true),
  );
  await page.goto(`${url}dev/labs/sandbox/`);
  const lab = page.locator('[data-lab="sandbox"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]:has([data-lab="sandbox"])')).toHaveCount(0, { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-kernels", "simd");
  await trainUntil(lab, 200);
  expect(problems).toEqual([]);
});

test("a page refuses to be framed by another origin, and may be framed by its own", async ({ page }) => {
  const lesson = `${url}lessons/relu/`;
  const html = `<!doctype html><title>framer</title><iframe src="${lesson}" title="lesson"></iframe>`;
  await page.route(/\/framer\.html$/, (route) => route.fulfill({ contentType: "text/html", body: html }));
  const child = () => page.frames().find((f) => f !== page.mainFrame())!;

  // localhost and 127.0.0.1 are two origins: Chromium shows its error page in place of the refused frame.
  const other = new URL(url);
  other.hostname = "localhost";
  await page.goto(`${other.origin}/framer.html`);
  await expect.poll(() => child().url(), { timeout: 10_000 }).toBe("chrome-error://chromewebdata/");

  await page.goto(`${new URL(url).origin}/framer.html`);
  await expect.poll(() => child().url(), { timeout: 10_000 }).toBe(lesson);
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toBeVisible();
});
