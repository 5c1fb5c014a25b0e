/**
 * Embedding a lab (issue 15 §1). The host page docs/embedding.md gives, served by a second static server on another
 * origin (localhost, not 127.0.0.1: another site too), frames a lab served with the build's _headers: it fits the
 * iframe to the size messages, follows the state messages and drives the lab with play, pause and reset, while junk
 * messages change nothing. Then each lab's embed page on its own (no site chrome, theme, link to its lesson, axe,
 * the height the link builder gives it), presets, locks, the link builder's snippet in a host page, and a subpath
 * build that keeps working offline.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { LAB_IDS } from "../../labs/catalog.ts";
import { serveStatic } from "../../scripts/serve.ts";
import { EMBED_HEIGHTS } from "../../src/classroom/share-link.ts";
import { startInTheme, watchProblems } from "./helpers.ts";
import { labStep, WCAG_22_AA } from "./lab-helpers.ts";
import { ensureSubpathBuild, SUBPATH_BASE, SUBPATH_DIST } from "./subpath-build.ts";

const DIST = process.env.ASTRO_OUT_DIR || "dist";
/** The address the guide's examples use for the course; the tests put the served build's in its place. */
const EXAMPLE_SITE = "https://labs.school.example/";

const servers: Server[] = [];
let site = "";
/** The host site: another origin and another site (localhost, where the build is served on 127.0.0.1). */
let host = "";
/** The same host server as 127.0.0.1: another origin, but the same site as the build. */
let sameSiteHost = "";
let hostDir = "";

/** Serves a folder on 127.0.0.1 and remembers the server, to stop it after the file's tests. */
async function serve(options: Parameters<typeof serveStatic>[0]): Promise<string> {
  const { server, url } = await serveStatic(options);
  servers.push(server);
  return url;
}

test.beforeAll(async () => {
  site = await serve({ root: DIST, port: 0, headers: true });
  const guide = readFileSync("docs/embedding.md", "utf8");
  const example = /## A host page[\s\S]*?```html\n([\s\S]*?)```/.exec(guide)?.[1] ?? "";
  hostDir = mkdtempSync(join(tmpdir(), "embed-host-"));
  writeFileSync(join(hostDir, "index.html"), example.replaceAll(EXAMPLE_SITE, site));
  // An icon, so the host's missing one is not an error in the console the tests watch.
  writeFileSync(join(hostDir, "favicon.ico"), "");
  sameSiteHost = await serve({ root: hostDir, port: 0 });
  host = sameSiteHost.replace("127.0.0.1", "localhost");
});

/**
 * A page of the host site, served by the host's server: in a page that a Playwright route makes up, Chromium shows
 * its error page in place of a frame from another origin on this machine, whatever the headers.
 */
function hostPage(name: string, body: string, origin = host): string {
  writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><title>My course</title>${body}</html>`);
  return `${origin}${name}`;
}

test.afterAll(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
});

// Each test opens what it needs: no service worker answers from an earlier test's cache.
test.use({ serviceWorkers: "block" });

interface Message {
  type: string;
  [field: string]: unknown;
}

/** Keeps every message the top page receives in the bridge's namespace (the iframe's own listener is not touched). */
async function recordMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const w = window as unknown as { __labMessages: unknown[] };
    w.__labMessages = [];
    addEventListener("message", (e) => {
      if ((e.data as { namespace?: unknown } | null)?.namespace === "activation-labs") w.__labMessages.push(e.data);
    });
  });
}

/** The messages of one type the host page has received, oldest first. */
function received(page: Page, type: string): Promise<Message[]> {
  return page.evaluate(
    (t) => (window as unknown as { __labMessages: Message[] }).__labMessages.filter((m) => m.type === t),
    type,
  );
}

async function lastState(page: Page): Promise<Message | undefined> {
  return (await received(page, "state")).at(-1);
}

/** The iframe's height on the host page, and the height of what the embed shows. */
async function heights(page: Page): Promise<{ frame: number; content: number; scrolls: boolean }> {
  const frame = (await page.locator("#lab").boundingBox())?.height ?? 0;
  const inside = page.frameLocator("#lab").locator("[data-embed]");
  const [content, scrolls] = await inside.evaluate((el) => [
    Math.ceil(el.getBoundingClientRect().height),
    document.documentElement.scrollHeight > innerHeight,
  ]);
  return { frame: Math.round(frame), content: content as number, scrolls: scrolls as boolean };
}

/** Waits until the iframe fits the embed's content exactly: no scroll bar inside, no gap below. */
async function expectFitted(page: Page): Promise<number> {
  await expect
    .poll(async () => {
      const h = await heights(page);
      return (
        !h.scrolls && Math.abs(h.frame - h.content) <= 1 && h.frame === (await received(page, "size")).at(-1)?.height
      );
    })
    .toBe(true);
  return (await heights(page)).frame;
}

test("the guide's host page, on another site, fits the iframe to the lab, follows its state and drives it; junk changes nothing", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await recordMessages(page);
  await page.goto(host);
  const frame = page.frameLocator("#lab");
  const lab = frame.locator('[data-lab="dying-relu"]');

  // ?preset=shock opened the preset's own page; the lab says it takes commands.
  await expect
    .poll(() => received(page, "ready"), { timeout: 20_000 })
    .toEqual([
      {
        namespace: "activation-labs",
        version: 1,
        type: "ready",
        lab: "dying-relu",
        commands: ["reset", "play", "pause"],
      },
    ]);
  expect(page.frames().map((f) => f.url())).toContain(`${site}embed/dying-relu/shock/`);
  const fitted = await expectFitted(page);
  expect(fitted).toBeGreaterThan(1000);
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });

  // Play: the lab trains and the host page sees the steps go by.
  // The keyboard, not the mouse: Chromium routes a click right after a scroll by the frame's old place.
  await page.getByRole("button", { name: "Play" }).press("Enter");
  await expect(lab).toHaveAttribute("data-status", "running");
  await expect.poll(async () => Number((await lastState(page))?.step ?? 0), { timeout: 20_000 }).toBeGreaterThan(150);
  await expect(page.locator("#state")).toHaveText(/^running: step \d+, loss \d\.\d{3}$/);

  // Pause: the last state the host sees is the lab's, paused.
  await page.getByRole("button", { name: "Pause" }).press("Enter");
  await expect(lab).toHaveAttribute("data-settled", "true");
  const paused = await labStep(lab);
  // States go out at most ten a second, the last one always: the one for the settled step can come a moment
  // after a "paused" state for the step before it.
  await expect.poll(async () => (await lastState(page))?.step).toBe(paused);
  expect(await lastState(page)).toMatchObject({ lab: "dying-relu", status: "paused", step: paused });
  const state = (await lastState(page))!;
  expect(state.summary).toMatchObject({ lab: "dying-relu", step: paused, hidden: "relu", hiddenUnits: 32 });
  expect(state.loss).toEqual(expect.any(Number));

  // Junk: near misses of "play" from the host, and a well-formed "play" from a window that is not the host.
  const statesBefore = (await received(page, "state")).length;
  await page.locator("#lab").evaluate((iframe) => {
    const lab = (iframe as HTMLIFrameElement).contentWindow!;
    const play = { namespace: "activation-labs", version: 1, type: "play" };
    for (const junk of [
      "play",
      JSON.stringify(play),
      { type: "play" },
      { ...play, version: 2 },
      { ...play, version: "1" },
      { ...play, namespace: "other-site" },
      { ...play, type: "PLAY" },
      { ...play, type: "step" },
      { ...play, extra: "<img src=x onerror=alert(1)>" },
      [play],
      null,
    ])
      lab.postMessage(junk, "*");
  });
  await frame
    .locator("body")
    .evaluate(() => window.postMessage({ namespace: "activation-labs", version: 1, type: "play" }, "*"));
  await page.waitForTimeout(1500);
  await expect(lab).toHaveAttribute("data-status", "paused");
  expect(await labStep(lab)).toBe(paused);
  expect((await received(page, "state")).length).toBe(statesBefore);

  // Reset, from the host: back to step 0, and the host hears it.
  await page.getByRole("button", { name: "Reset" }).press("Enter");
  await expect(lab).toHaveAttribute("data-step", "0");
  await expect.poll(async () => (await lastState(page))?.step).toBe(0);
  await expect(page.locator("#state")).toHaveText(/: step 0,/);

  // A phone-wide iframe: the lab lays itself out again (one column, some parts folded) and the host page follows.
  await page.locator("#lab").evaluate((iframe) => ((iframe as HTMLElement).style.width = "360px"));
  await expect.poll(async () => (await heights(page)).content).not.toBe(fitted);
  const narrow = await expectFitted(page);
  expect(narrow).not.toBe(fitted);
  expect((await received(page, "size")).at(-1)).toMatchObject({ width: 360, height: narrow });

  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  // The address with ?preset= replaces itself with the preset's page from its <head>: when the rest of that first
  // document is still arriving, Chromium cancels it, which is the redirect working, not a request failing.
  const redirected = `${site}embed/dying-relu/?preset=shock (net::ERR_ABORTED)`;
  expect(problems.failedRequests.filter((failed) => failed !== redirected)).toEqual([]);
});

test("a host's play reaches the instruments the sandbox hydrates on first use: they follow the run the host started", async ({
  page,
}) => {
  await page.goto(
    hostPage(
      "sandbox-host.html",
      `<iframe src="${site}embed/sandbox/" title="lab" style="width: 960px; height: 2400px"></iframe>
      <button type="button" id="play">Play</button>
      <script>
        const frame = document.querySelector("iframe");
        document.querySelector("#play").onclick = () =>
          frame.contentWindow.postMessage({ namespace: "activation-labs", version: 1, type: "play" }, "*");
      </script>`,
    ),
  );
  const inside = page.frameLocator("iframe");
  const lab = inside.locator('[data-lab="sandbox"]');
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  const instruments = inside.locator('[data-lab="sandbox"] astro-island[client="use"]');
  await expect(instruments).toHaveAttribute("ssr", "");
  await page.getByRole("button", { name: "Play" }).press("Enter");
  await expect(instruments).not.toHaveAttribute("ssr");
  await expect.poll(() => labStep(lab), { timeout: 20_000 }).toBeGreaterThan(200);
  await expect(inside.getByRole("img", { name: /^Gradient norm per layer over the run/ })).toHaveAttribute(
    "aria-label",
    /step 0 to (2\d\d|[3-9]\d\d|\d{4,});/,
  );
});

/** Waits until the lab has hydrated (and, for a training lab, its worker has answered). */
async function hydrated(page: Page, id: string): Promise<Locator> {
  const lab = page.locator(`[data-lab="${id}"]`);
  await expect(page.locator(`astro-island[ssr]:has([data-lab="${id}"])`)).toHaveCount(0, { timeout: 15_000 });
  if (id !== "activation-explorer") await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  return lab;
}

for (const id of LAB_IDS) {
  test(`/embed/${id}/ is the lab alone, in the theme the address asks for, fits the link builder's iframe, links to its lesson, and passes axe`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme: "light", viewport: { width: 960, height: 800 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`embed/${id}/?theme=dark`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const lab = await hydrated(page, id);
    await expect(lab).toBeVisible();
    await expect(page.locator(".site-header, header, nav, footer, .skip-link")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

    const height = await page.locator("[data-embed]").evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(EMBED_HEIGHTS[id]!);
    expect(height).toBeGreaterThan(EMBED_HEIGHTS[id]! * 0.85);

    const axe = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    const link = page.getByRole("link", { name: "Open in the course (opens in a new tab)" });
    await expect(link).toHaveAttribute("target", "_blank");
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^/lessons/[a-z-]+/#lab-${id}(-\\d)?$`));
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.goto(href);
    await expect(page.locator(`#${href.split("#")[1]} [data-lab="${id}"]`)).toHaveCount(1);
    await context.close();
  });
}

test("without theme=, an embed follows the system's colour scheme as it changes, not the site's stored choice", async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await startInTheme(page, "light");
  await page.goto("embed/sandbox/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.goto("embed/sandbox/?theme=purple");
  await expect(page.getByRole("status").filter({ hasText: "“purple” is not light or dark" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await context.close();
});

test("a preset named in the address opens its own page, keeping the settings, locks and fragment; an unknown one says so", async ({
  page,
}) => {
  await page.goto("embed/dying-relu/?preset=negative-bias&dr.lock=lr#lab");
  await expect(page).toHaveURL(/\/embed\/dying-relu\/negative-bias\/\?dr\.lock=lr#lab$/);
  const lab = await hydrated(page, "dying-relu");
  await expect(lab.locator("[data-intro=preset]")).toContainText("Every bias starts at −0.5");
  await expect(lab).toHaveAttribute("data-locked", "lr");

  await page.goto("embed/dying-relu/shock/?preset=<b>nope</b>");
  await expect(page).toHaveURL(/\/embed\/dying-relu\/\?preset=%3Cb%3Enope%3C%2Fb%3E$/);
  await expect(page.locator("[data-embed-notices]")).toHaveText(
    "This lab has no preset called “<b>nope</b>”, so it opened with its default settings. Its presets: shock, negative-bias, leaky-negative-bias.",
  );
  await expect(page.locator("[data-embed-notices] b")).toHaveCount(0);
  await hydrated(page, "dying-relu");
  await expect(page.locator("[data-intro=preset]")).toHaveCount(0);
});

test("a preset that a lesson links to but does not embed sends its reader back to that lesson's text", async ({
  page,
}) => {
  await page.goto("embed/output-loss/float32-sigmoid-flat/");
  const link = page.getByRole("link", { name: "Open in the course (opens in a new tab)" });
  await expect(link).toHaveAttribute("href", "/lessons/step-and-sigmoid/");
  await expect(page.locator(".embed-course .lesson")).toHaveText("Lesson 2: Step and sigmoid");
  await page.goto("/lessons/step-and-sigmoid/");
  await expect(page.locator('a[href="../../embed/output-loss/float32-sigmoid-flat/"]')).toHaveCount(1);
});

test("an embed takes the lab's settings, locks and hidden controls from its address, as a lesson does", async ({
  page,
}) => {
  await page.goto("embed/dying-relu/?dr.lr=0.5&dr.lock=lr,seed&dr.hide=speed&dr.bias=-9");
  const lab = await hydrated(page, "dying-relu");
  await expect(lab).toHaveAttribute("data-locked", "lr,seed");
  await expect(lab.getByRole("slider", { name: /learning rate/i })).toBeDisabled();
  await expect(lab.getByText("Learning rate 0.5", { exact: true })).toBeVisible();
  await expect(lab.getByText("Locked by your teacher")).toBeVisible();
  await expect(lab.getByRole("button", { name: "New seed" })).toBeDisabled();
  await expect(lab.getByLabel("Speed")).toHaveCount(0);
  await expect(lab.locator(".notices")).toContainText("outside -3…1");
});

test("the link builder's iframe snippet, pasted into a page on another site, shows the lab as chosen", async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto("teacher/link-builder/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await page.getByLabel("Lab", { exact: true }).selectOption("dying-relu");
  await page.getByLabel("Lock learning rate").check();
  await page.getByLabel("The embed starts from").selectOption("negative-bias");
  await expect(page.getByLabel("The embed starts from")).toContainText("As in lesson 6: Dying ReLU (negative-bias)");
  const snippet = page.locator("[data-embed-snippet]");
  const origin = new URL(page.url()).origin;
  await expect(snippet).toHaveValue(
    `<iframe src="${origin}/embed/dying-relu/negative-bias/?dr.lock=lr" title="Dying ReLU lab (Activation Labs)" ` +
      `width="960" height="${EMBED_HEIGHTS["dying-relu"]}" loading="lazy" style="width: 100%; max-width: 960px; border: 0"></iframe>`,
  );
  await page.getByRole("button", { name: "Copy the embed code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippet.inputValue());

  // The snippet, as a teacher pastes it into a page on another site.
  await page.goto(hostPage("my-course.html", copied));
  const lab = page.frameLocator("iframe").locator('[data-lab="dying-relu"]');
  await expect(lab.locator("[data-intro=preset]")).toContainText("Every bias starts at −0.5", { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-locked", "lr");
  await context.close();
});

test("where the clipboard is refused, Copy selects the snippet for the teacher to copy", async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  await page.goto("teacher/link-builder/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole("button", { name: "Copy the embed code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "the text is selected" })).toBeVisible();
  const snippet = page.locator("[data-embed-snippet]");
  const [start, end, length] = await snippet.evaluate((el: HTMLTextAreaElement) => [
    el.selectionStart,
    el.selectionEnd,
    el.value.length,
  ]);
  expect([start, end]).toEqual([0, length]);
  expect(length).toBeGreaterThan(100);
});

test.describe("under a subpath, offline", () => {
  test.use({ serviceWorkers: "allow" });
  test.beforeAll(ensureSubpathBuild);

  // The same site: browsers that block third-party storage (this Chromium does) give a frame from another site no
  // service worker, so an embed keeps an offline copy when framed by its own site (an intranet that also hosts the
  // course), or in browsers that let a framed site keep one.
  test("an embed opened once in a page of its own site keeps working there with the server gone", async ({ page }) => {
    test.setTimeout(90_000);
    const { server, url } = await serveStatic({ root: SUBPATH_DIST, base: SUBPATH_BASE, port: 0 });
    const framed = `${url}embed/vanishing-gradients/?preset=relu-he&vg.lr=0.05`;
    await page.goto(
      hostPage(
        "course-host.html",
        `<iframe src="${framed}" title="lab" style="width: 960px; height: 2400px"></iframe>`,
        sameSiteHost,
      ),
    );
    const frame = () => page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => frame().url()).toBe(`${url}embed/vanishing-gradients/relu-he/?vg.lr=0.05`);
    const inside = page.frameLocator("iframe");
    await expect(inside.getByRole("link", { name: /Open in the course/ })).toHaveAttribute(
      "href",
      "/course/lessons/relu/#lab-vanishing-gradients",
    );
    await expect
      .poll(() => frame().evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 })
      .toBe(true);
    await page.waitForTimeout(1000);
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));

    await page.reload();
    const lab = inside.locator('[data-lab="vanishing-gradients"]');
    await expect(lab).toHaveAttribute("data-live", "true", { timeout: 20_000 });
    await expect(lab.getByText("Learning rate 0.05", { exact: true })).toBeVisible();
    await lab.getByRole("button", { name: "Train" }).click();
    await expect.poll(() => labStep(lab), { timeout: 15_000 }).toBeGreaterThan(20);
  });
});
