/**
 * What a reader feels: each training lab's default preset in the built site, driven in the system Chromium.
 *
 *   build (ASTRO_OUT_DIR=dist-bench) ──► serve on a free port ──► per lab, a fresh context at 1280×800:
 *     open /dev/labs/<id>/ ──► the lab enters the viewport ──► hydrated ──► first trained frame (data-live)
 *     ──► Speed: Fastest, Train, WINDOW_MS, Pause (traced)
 *
 * Reported per lab: steps/s while playing (data-step over the window), frames/s of the drawing (snapshots
 * shown: each changes data-step in the frame that draws it), the times from entering the viewport and from
 * hydration to the first trained frame, and the longest main-thread task (Chromium's RunTask trace events on
 * the page's main thread) while training and while loading.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { LAB_IDS } from "../../labs/catalog.ts";
import { CHROMIUM_ARGS, findChromium } from "../find-chromium.ts";
import { serveStatic } from "../serve.ts";

/** How long each lab plays at Fastest. */
const WINDOW_MS = 4000;
const TRAINING_LABS = LAB_IDS.filter((id) => id !== "activation-explorer");

/** One lab's figures (ms and per-second rates). */
export interface BrowserRow {
  lab: string;
  kernels: string | null;
  stepsPerSecond: number;
  framesPerSecond: number;
  /** The lab entered the viewport → its first trained frame; hydrated → first trained frame. */
  visibleToLive: number;
  hydratedToLive: number;
  longestTaskTraining: number;
  longestTaskLoading: number;
}

/** What the page records, from its first byte on (installed as an init script). */
function recorder(): void {
  const w = window as unknown as {
    __bench: { visible: number | null; hydrated: number | null; live: number | null; steps: [number, number][] };
  };
  const rec = {
    visible: null as number | null,
    hydrated: null as number | null,
    live: null as number | null,
    steps: [] as [number, number][],
  };
  w.__bench = rec;
  let watched: Element | null = null;
  const watch = () => {
    const lab = document.querySelector("[data-lab]");
    if (!lab || watched === lab) return;
    watched = lab;
    new IntersectionObserver((entries) => {
      if (rec.visible === null && entries.some((e) => e.isIntersecting)) rec.visible = performance.now();
    }).observe(lab);
  };
  new MutationObserver((records) => {
    watch();
    for (const r of records) {
      const el = r.target as Element;
      if (
        r.attributeName === "ssr" &&
        el.tagName === "ASTRO-ISLAND" &&
        rec.hydrated === null &&
        el.querySelector("[data-lab]")
      )
        rec.hydrated = performance.now();
      if (r.attributeName === "data-live" && el.getAttribute("data-live") === "true" && rec.live === null)
        rec.live = performance.now();
      if (r.attributeName === "data-step" && el.hasAttribute("data-lab"))
        rec.steps.push([performance.now(), Number(el.getAttribute("data-step"))]);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["ssr", "data-live", "data-step"],
  });
}

/** Trace events of one kind. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** The longest RunTask on a renderer's main thread, in ms, among tasks that start in [from, to) (trace µs). */
function longestTask(events: TraceEvent[], from = -Infinity, to = Infinity): number {
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of events)
    if (e.name === "RunTask" && e.ph === "X" && mains.has(`${e.pid}:${e.tid}`) && e.ts >= from && e.ts < to)
      longest = Math.max(longest, (e.dur ?? 0) / 1000);
  return longest;
}

async function traced<T>(browser: Browser, page: Page, run: () => Promise<T>): Promise<[T, TraceEvent[]]> {
  await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline", "devtools.timeline"] });
  const result = await run();
  const buffer = await browser.stopTracing();
  return [result, (JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents];
}

/** Opens one lab's default preset and measures it. */
async function measureLab(browser: Browser, base: string, id: string): Promise<BrowserRow> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(recorder);
  const lab = page.locator(`[data-lab="${id}"]`).first();
  const [, loadTrace] = await traced(browser, page, async () => {
    await page.goto(`${base}dev/labs/${id}/`);
    await lab.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => (window as unknown as { __bench: { live: number | null } }).__bench.live !== null,
      null,
      {
        timeout: 30_000,
      },
    );
  });
  const marks = await page.evaluate(
    () => (window as unknown as { __bench: { visible: number; hydrated: number; live: number } }).__bench,
  );
  await lab.getByLabel("Speed").first().selectOption({ label: "Fastest" });
  const [played, playTrace] = await traced(browser, page, async () => {
    const start = await page.evaluate(() => performance.now());
    await lab
      .getByRole("button", { name: /^(Train|Play)$/ })
      .first()
      .click();
    await page.waitForTimeout(WINDOW_MS);
    const end = await page.evaluate(() => performance.now());
    await lab.getByRole("button", { name: "Pause" }).first().click();
    return { start, end };
  });
  const steps = await page.evaluate(
    ([start, end]) =>
      (window as unknown as { __bench: { steps: [number, number][] } }).__bench.steps.filter(
        ([t]) => t >= start && t < end,
      ),
    [played.start, played.end] as const,
  );
  const kernels = await lab.getAttribute("data-kernels");
  await context.close();
  const seconds = steps.length > 1 ? (steps[steps.length - 1]![0] - steps[0]![0]) / 1000 : NaN;
  return {
    lab: id,
    kernels,
    stepsPerSecond: steps.length > 1 ? (steps[steps.length - 1]![1] - steps[0]![1]) / seconds : 0,
    framesPerSecond: steps.length > 1 ? (steps.length - 1) / seconds : 0,
    visibleToLive: marks.live - marks.visible,
    hydratedToLive: marks.live - marks.hydrated,
    longestTaskTraining: longestTask(playTrace),
    longestTaskLoading: longestTask(loadTrace),
  };
}

/**
 * Builds the site into dist-bench (unless `reuse` and a build is there), serves it, and measures every
 * training lab. Returns null with a note when there is no Chromium or the build fails.
 */
export async function measureBrowser(root: string, reuse: boolean): Promise<BrowserRow[] | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log("Note: no Chromium here (set CHROMIUM_PATH); the browser table is skipped.");
    return null;
  }
  const out = join(root, "dist-bench");
  if (!(reuse && existsSync(join(out, "index.html")))) {
    console.log("Building the site into dist-bench/ for the browser table…");
    const r = spawnSync("npm", ["run", "build"], {
      cwd: root,
      env: { ...process.env, ASTRO_OUT_DIR: "dist-bench" },
      stdio: "ignore",
    });
    if (r.status !== 0) {
      console.log(`Note: the build failed (exit ${r.status}); the browser table is skipped.`);
      return null;
    }
  }
  const { server, url } = await serveStatic({ root: out, port: 0 });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const rows: BrowserRow[] = [];
    for (const id of TRAINING_LABS) rows.push(await measureLab(browser, url, id));
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}
