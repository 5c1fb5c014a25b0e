/**
 * A failure inside one lab stays in that lab: it shows a readable error with a reset that works, while
 * the prose and the other lab on the page keep working, and nothing uncaught reaches the window.
 * The page is the dying-ReLU lesson (two labs, both training in workers); failures are forced from the
 * test only: the worker script is swapped for a broken one, or canvases inside one lab refuse to draw.
 */
import { expect, test, type Locator, type Page, type Route } from "@playwright/test";
import { labStep } from "./lab-helpers.ts";

const PAGE = "lessons/dying-relu/";
/** The training worker as the build names it (/_astro/training.worker-<hash>.js). */
const WORKER = "**/_astro/training.worker*.js";

// The offline service worker would answer the worker's request before page.route could see it.
test.use({ serviceWorkers: "block" });

/** What each broken worker does instead of training. */
const BROKEN = {
  // Fails while loading: the page sees the worker's error event.
  throws: `throw new Error("forced failure while loading the worker");`,
  // Loads, then never answers: a worker closed or crashed without an error event looks like this to the page.
  silent: `self.onmessage = () => {};`,
  // Answers every command with a snapshot of the right type whose history does not fit its rows.
  garbage: `
    self.onmessage = (event) => {
      const channelled = event.data && "channel" in event.data;
      const command = channelled ? event.data.message : event.data;
      const snapshot = {
        runId: command.runId, status: "ok", step: 3, divergedAt: null, reason: null, learningRate: 0.1,
        hidden: "relu", alpha: 0, trainLoss: 0.5, testLoss: 0.5, trainAccuracy: 0.5, testAccuracy: 0.5,
        layers: [], deadSince: [], boundary: null, boundarySize: 0, outputs: 1, path: null, outputParts: null,
        perceptron: null, distanceFromStart: 0, kernels: "simd", atRest: true, data: null, changes: [],
        precision: "float64",
        history: { width: 6, rows: 40, data: new Float64Array(7) },
      };
      const message = { type: "snapshot", snapshot };
      self.postMessage(channelled ? { channel: event.data.channel, message } : message);
    };`,
} as const;

/** Serves the broken worker while `state.broken`, the real one otherwise. */
async function routeWorker(page: Page, script: string, state: { broken: boolean }): Promise<void> {
  await page.route(WORKER, (route: Route) =>
    state.broken
      ? route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: script })
      : route.continue(),
  );
}

/** Opens the page, recording uncaught errors; returns the two labs (not yet hydrated: they hydrate when seen). */
async function open(page: Page): Promise<{ first: Locator; second: Locator; pageErrors: string[] }> {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(PAGE);
  const labs = page.locator('[data-lab="dying-relu"]');
  await expect(labs).toHaveCount(2);
  return { first: labs.nth(0), second: labs.nth(1), pageErrors };
}

/** Scrolls the n-th lab into view and waits until it has hydrated (Astro drops its island's ssr attribute). */
async function hydrate(page: Page, n: number): Promise<void> {
  const island = page.locator('astro-island:has([data-lab="dying-relu"])').nth(n);
  await island.locator("[data-lab]").scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute("ssr", { timeout: 15_000 });
}

/** Presses Train, sees the step advance, presses Pause. */
async function expectTrains(lab: Locator): Promise<void> {
  await lab.scrollIntoViewIfNeeded();
  const before = await labStep(lab);
  await lab.getByRole("button", { name: "Train" }).click();
  await expect.poll(() => labStep(lab), { timeout: 15_000 }).toBeGreaterThan(before);
  await lab.getByRole("button", { name: "Pause" }).click();
  await expect(lab).toHaveAttribute("data-status", "paused");
}

/** The lesson's words are all still there: title, section headings, a working link, rendered math. */
async function expectProseIntact(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Dying ReLU" })).toBeVisible();
  expect(await page.locator("main h2").count()).toBeGreaterThan(3);
  expect(await page.locator("main .katex").count()).toBeGreaterThan(10);
  const link = page.locator("main p a[href]").first();
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeVisible();
}

/** The broken lab's error: announced (role=alert), saying what happened, with a reset. */
function labError(lab: Locator, text: RegExp): Locator {
  return lab.getByRole("alert").filter({ hasText: text });
}

test.describe("a failure in one lab is contained", () => {
  test("a worker that fails to load: its lab says so and resets; the other lab and the prose are untouched", async ({
    page,
  }) => {
    const state = { broken: true };
    await routeWorker(page, BROKEN.throws, state);
    const { first, second, pageErrors } = await open(page);
    await hydrate(page, 0);
    const error = labError(first, /This lab stopped\..*training worker stopped/);
    await expect(error).toBeVisible();
    await expect(error).toContainText("forced failure while loading the worker");

    state.broken = false;
    await hydrate(page, 1);
    await expectTrains(second);
    await expectProseIntact(page);

    await first.scrollIntoViewIfNeeded();
    await error.getByRole("button", { name: "Reset the lab" }).click();
    await expect(first.getByRole("alert")).toHaveCount(0);
    await expectTrains(first);
    expect(pageErrors).toEqual([]);
  });

  test("a worker that goes silent (no error event, no answer): its lab says it stopped, and Reset starts a new worker", async ({
    page,
  }) => {
    const state = { broken: true };
    await routeWorker(page, BROKEN.silent, state);
    const { first, pageErrors } = await open(page);
    await hydrate(page, 0);
    const error = labError(first, /stopped answering/);
    await expect(error).toBeVisible({ timeout: 20_000 });
    await expect(first).toHaveAttribute("data-status", "paused");

    state.broken = false;
    await error.getByRole("button", { name: "Reset the lab" }).click();
    await expect(first.getByRole("alert")).toHaveCount(0);
    await expectTrains(first);
    expect(pageErrors).toEqual([]);
  });

  test("a worker that sends snapshots with bad data: refused at the boundary, shown in its lab, reset works", async ({
    page,
  }) => {
    const state = { broken: true };
    await routeWorker(page, BROKEN.garbage, state);
    const { first, second, pageErrors } = await open(page);
    await hydrate(page, 0);
    const error = labError(first, /cannot read \(a history whose size does not match its rows\)/);
    await expect(error).toBeVisible();
    // Nothing of the garbage was drawn: the lab still shows its build-time step.
    expect(await labStep(first)).not.toBe(3);

    state.broken = false;
    await hydrate(page, 1);
    await expectTrains(second);
    await expectProseIntact(page);

    await first.scrollIntoViewIfNeeded();
    await error.getByRole("button", { name: "Reset the lab" }).click();
    await expect(first.getByRole("alert")).toHaveCount(0);
    await expectTrains(first);
    expect(pageErrors).toEqual([]);
  });

  test("a chart that throws while drawing: the lab's boundary shows the error, retry brings the lab back", async ({
    page,
  }) => {
    // Canvases inside the first lab refuse a 2D context (as a browser out of canvas memory would), and only there.
    await page.addInitScript(() => {
      const w = window as unknown as { __breakCanvasIn: Element | null };
      w.__breakCanvasIn = null;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: never[]) {
        if (w.__breakCanvasIn?.contains(this)) throw new Error("forced failure: no canvas context");
        return (getContext as (...a: never[]) => RenderingContext | null).apply(this, args);
      } as typeof getContext;
    });
    const { first, second, pageErrors } = await open(page);
    await first.evaluate((el) => ((window as unknown as { __breakCanvasIn: Element }).__breakCanvasIn = el));
    await hydrate(page, 0);
    const error = labError(first, /Something went wrong in this lab\..*no canvas context/);
    await expect(error).toBeVisible();
    // The lab's frame (its root, status and live summary) survives; only its contents were swapped for the error.
    await expect(first).toHaveAttribute("data-status", /idle|paused/);

    await hydrate(page, 1);
    await expectTrains(second);
    await expectProseIntact(page);

    await page.evaluate(() => ((window as unknown as { __breakCanvasIn: null }).__breakCanvasIn = null));
    await first.scrollIntoViewIfNeeded();
    await error.getByRole("button", { name: "Reset the lab" }).click();
    await expect(first.getByRole("alert")).toHaveCount(0);
    await expectTrains(first);
    expect(pageErrors).toEqual([]);
  });
});
