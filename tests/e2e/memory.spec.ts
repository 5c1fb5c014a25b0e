/**
 * Memory stays bounded: ten Train/Pause cycles and a long run leave the page's JS heap within a few MB
 * of where it started (after garbage collection), the chart history never holds more than its
 * capacity, and leaving a page stops its workers: none is left running, and a page kept in the
 * back/forward cache keeps none alive.
 *
 * Why 3 MB: a run's real state is small (three runs × 512 history rows × 6 columns × 8 B ≈ 74 KB, plus
 * one snapshot and grid each), while keeping every snapshot of a 10 s run at ~60 per second (each with
 * an 8–32 KB boundary grid and its history chunk) would grow the heap by 5 MB or more. 3 MB leaves room
 * for what V8 compiles and caches on first use without hiding a leak of that size.
 */
import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../../scripts/find-chromium.ts";
import { HISTORY_CAPACITY } from "../../labs/shared/training-lab.svelte.ts";
import { labStep, openLab } from "./lab-helpers.ts";

const MAX_GROWTH_BYTES = 3 * 1024 * 1024;
const LONG_RUN_MS = 10_000;

// Playwright turns the back/forward cache off by default; these tests need it on.
test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  },
});

/** The page's JS heap in use after two full garbage collections. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

for (const id of ["output-loss", "vanishing-gradients"]) {
  test(`${id}: ten start/stop cycles and a long run leave the heap within 3 MB, and the history bounded`, async ({
    page,
  }) => {
    test.setTimeout(LONG_RUN_MS + 60_000);
    const lab = await openLab(page, id);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.enable");
    const train = lab.getByRole("button", { name: "Train" }).first();
    const pause = lab.getByRole("button", { name: "Pause" }).first();
    // One short run first, so code compiled on first use is in the baseline, not counted as growth.
    await train.click();
    await page.waitForTimeout(300);
    await pause.click();
    await expect(lab).toHaveAttribute("data-status", "paused");
    const baseline = await heapAfterGc(cdp);

    for (let cycle = 0; cycle < 10; cycle++) {
      await train.click();
      await expect(lab).toHaveAttribute("data-status", "running");
      await page.waitForTimeout(300);
      await pause.click();
      await expect(lab).toHaveAttribute("data-status", "paused");
    }
    const afterCycles = await heapAfterGc(cdp);

    await lab.getByLabel("Speed").first().selectOption({ label: "Fastest" });
    await train.click();
    const rows: number[] = [];
    for (let t = 0; t < LONG_RUN_MS; t += 1000) {
      await page.waitForTimeout(1000);
      rows.push(Number(await lab.getAttribute("data-history-rows")));
    }
    await pause.click();
    await expect(lab).toHaveAttribute("data-status", "paused");
    const steps = await labStep(lab);
    const afterLong = await heapAfterGc(cdp);

    test.info().annotations.push({
      type: "heap",
      description: `baseline ${mb(baseline)}, after 10 cycles ${mb(afterCycles)}, after ${LONG_RUN_MS / 1000} s at Fastest (${steps} steps) ${mb(afterLong)}; history rows ${rows.join(" ")}`,
    });
    // The run went past the history's capacity (output-loss by hundreds of times; the deeper vanishing-gradients
    // network only a few times on a busy machine), and the history never grew past it.
    expect(steps).toBeGreaterThan(HISTORY_CAPACITY);
    expect(Math.max(...rows)).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(Math.max(...rows)).toBeGreaterThan(HISTORY_CAPACITY / 4);
    expect(afterCycles - baseline, `after 10 cycles: ${mb(afterCycles - baseline)} more`).toBeLessThan(
      MAX_GROWTH_BYTES,
    );
    expect(afterLong - baseline, `after the long run: ${mb(afterLong - baseline)} more`).toBeLessThan(MAX_GROWTH_BYTES);
  });
}

/** Dedicated workers the browser is running, in every page (browser-level targets, back/forward cache included). */
async function workerTargets(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send("Target.getTargets");
  await cdp.detach();
  return targetInfos.filter((t) => t.type === "worker").length;
}

test("leaving a page stops its workers, also when the page is kept in the back/forward cache", async ({ page }) => {
  const lab = await openLab(page, "output-loss");
  await lab.getByRole("button", { name: "Train" }).first().click();
  await expect(lab).toHaveAttribute("data-status", "running");
  // The three binary runs share one worker.
  expect(page.workers()).toHaveLength(1);
  expect(await workerTargets(page)).toBe(1);
  const [worker] = page.workers();
  const closed = new Promise<void>((resolve) => worker!.once("close", () => resolve()));

  // Away by a link, as a reader would: the old page goes into the back/forward cache if it can.
  await page.evaluate(() => {
    const w = window as unknown as { __left: boolean };
    addEventListener("pagehide", (e) => (w.__left = (e as PageTransitionEvent).persisted));
  });
  await page.goto("lessons/relu/");
  await closed;
  expect(page.workers()).toHaveLength(0);
  await expect.poll(() => workerTargets(page)).toBe(0);

  // Back: restored from the cache (persisted) or reloaded, the lab trains again on a fresh worker.
  // A page restored from the cache fires no load event: wait for the commit only.
  await page.goBack({ waitUntil: "commit" });
  const again = page.locator('[data-lab="output-loss"]').first();
  await again.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]:has([data-lab="output-loss"])')).toHaveCount(0, { timeout: 15_000 });
  const restored = await page.evaluate(() => (window as unknown as { __left?: boolean }).__left === true);
  test
    .info()
    .annotations.push({ type: "bfcache", description: restored ? "restored from the back/forward cache" : "reloaded" });
  const before = await labStep(again);
  await again
    .getByRole("button", { name: /^(Train|Play)$/ })
    .first()
    .click();
  await expect.poll(() => labStep(again), { timeout: 15_000 }).toBeGreaterThan(before);
  expect(page.workers()).toHaveLength(1);
});
