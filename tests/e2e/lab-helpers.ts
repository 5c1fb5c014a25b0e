import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** The WCAG tags every axe check uses. */
export const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Opens a lab's gallery page (optionally with URL settings) and waits until it has hydrated and its worker has answered. */
export async function openLab(page: Page, id: string, search = ""): Promise<Locator> {
  await page.goto(`dev/labs/${id}/${search}`);
  const lab = page.locator(`[data-lab="${id}"]`).first();
  await lab.scrollIntoViewIfNeeded();
  // Astro removes the island's ssr attribute once the component has hydrated.
  await expect(page.locator(`astro-island[ssr]:has([data-lab="${id}"])`)).toHaveCount(0, { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-status", /idle|paused/);
  // Until the worker's first (warmed-up) snapshot is shown, the lab shows the build-time picture of its
  // default settings, not the run the address asked for.
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  return lab;
}

/** The loss the lab reports on its root element. */
export async function labLoss(lab: Locator): Promise<number> {
  return Number(await lab.getAttribute("data-loss"));
}

/** The step the lab reports on its root element. */
export async function labStep(lab: Locator): Promise<number> {
  return Number(await lab.getAttribute("data-step"));
}

/**
 * Presses Train and waits until the lab has run at least `steps` steps, then pauses it and waits until the lab
 * is settled: the worker's answer to Pause is on screen, so the step and every instrument stay as they are.
 */
export async function trainUntil(lab: Locator, steps: number, timeout = 30_000): Promise<void> {
  await lab.getByRole("button", { name: /^(Train|Play)$/ }).click();
  await expect(lab).toHaveAttribute("data-status", "running");
  await expect.poll(() => labStep(lab), { timeout }).toBeGreaterThanOrEqual(steps);
  await lab.getByRole("button", { name: "Pause" }).click();
  await expect(lab).toHaveAttribute("data-status", "paused");
  await expect(lab).toHaveAttribute("data-settled", "true");
}

/** Starts recording long tasks (> 50 ms) on the main thread; read them with longTasks(). */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longTaskObserver?: PerformanceObserver };
    // One observer at a time: a second window's tasks would otherwise be counted once per window watched.
    w.__longTaskObserver?.disconnect();
    w.__longTasks = [];
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    });
    w.__longTaskObserver.observe({ type: "longtask", buffered: false });
  });
}

/** Durations of the long tasks seen since watchLongTasks. */
export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/**
 * While running, Pause stops the lab: once it is paused and settled the step counter never moves again. How fast Pause
 * takes effect (within 200 ms) is timed in the smoothness project (smoothness/long-tasks.spec.ts), one test at a
 * time: here, beside a parallel test, a busy machine could delay the last snapshot past any fixed time.
 */
export async function expectPauseResponds(lab: Locator): Promise<void> {
  await lab.getByRole("button", { name: /^(Train|Play)$/ }).click();
  await expect.poll(() => labStep(lab)).toBeGreaterThan(0);
  await lab.getByRole("button", { name: "Pause" }).click();
  await expect(lab).toHaveAttribute("data-status", "paused");
  // The worker's last snapshot, the one at rest, has landed: nothing after it may move the counter.
  await expect(lab).toHaveAttribute("data-settled", "true");
  const atPause = await labStep(lab);
  await lab.page().waitForTimeout(500);
  expect(await labStep(lab)).toBe(atPause);
}

/** axe finds no WCAG 2.2 AA violation inside the lab. */
export async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG_22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** No text inside the lab says NaN or Infinity. */
export async function expectNoNaNShown(lab: Locator): Promise<void> {
  const text =
    (await lab.innerText()) + (await lab.locator("svg").evaluateAll((els) => els.map((e) => e.textContent).join(" ")));
  expect(text).not.toMatch(/\bNaN\b|Infinity/);
}
