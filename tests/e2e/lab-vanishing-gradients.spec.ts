import { expect, test, type Locator } from "@playwright/test";
import {
  expectAccessible,
  expectNoNaNShown,
  expectPauseResponds,
  labLoss,
  labStep,
  openLab,
  trainUntil,
} from "./lab-helpers.ts";
import { startInTheme } from "./helpers.ts";

const ID = "vanishing-gradients";
const SELECTOR = `[data-lab="${ID}"]`;
/** Steps every run trains before it is shown (the build-time snapshot is taken there too). */
const WARMUP = 25;

/** The first (L1) and last (output) layer's gradient norms and their ratio, as the lab reports them under the bars. */
async function gradients(lab: Locator): Promise<{ first: number; last: number; ratio: number }> {
  const el = lab.locator("[data-gradient-ratio]");
  const [first, last, ratio] = await Promise.all(
    ["data-first", "data-last", "data-ratio"].map((a) => el.getAttribute(a)),
  );
  return { first: Number(first), last: Number(last), ratio: Number(ratio) };
}

/** Waits until the newest run (after a settings change) has answered and is shown. */
async function settled(lab: Locator): Promise<void> {
  await expect(lab.locator("[data-settled]")).toHaveAttribute("data-settled", "true", { timeout: 15_000 });
}

test.describe("vanishing-gradients lab", () => {
  test("opens on the build-time picture: ten sigmoid layers, the first layer's bar far below the last", async ({
    page,
  }) => {
    await page.goto(`dev/labs/${ID}/`);
    const lab = page.locator(SELECTOR);
    // Server-rendered from the seeded static run, before any JavaScript has trained anything.
    await expect(lab).toHaveAttribute("data-step", String(WARMUP));
    const { first, last, ratio } = await gradients(lab);
    expect(first).toBeGreaterThan(0);
    expect(first / last).toBeLessThan(0.1);
    expect(ratio).toBeCloseTo(first / last, 12);
    await expect(lab.locator("[data-gradient-ratio]")).toContainText("times smaller");
    await expect(lab.locator(".katex").first()).toBeVisible();
  });

  test("sigmoid at depth 10: the first layer's bar is under a tenth of the last; ReLU + He makes it far less extreme", async ({
    page,
  }) => {
    const lab = await openLab(page, ID);
    await settled(lab);
    const atStart = await gradients(lab);
    expect(atStart.first / atStart.last).toBeLessThan(0.1);
    await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
    await trainUntil(lab, WARMUP + 100);
    const trained = await gradients(lab);
    expect(trained.first / trained.last).toBeLessThan(0.1);
    // The table under the bars (folded until asked for) lists all eleven weight layers, L1 to the output.
    await lab.locator("figure.wide details.data-table > summary").first().click();
    await expect(lab.locator("figure.wide table tbody tr")).toHaveCount(11);

    await lab.getByLabel("Activation").selectOption("relu");
    await lab.getByLabel("Initialisation").selectOption("he");
    await settled(lab);
    await expect(page).toHaveURL(/vg\.activation=relu/);
    await expect(page).toHaveURL(/vg\.init=he/);
    const relu = await gradients(lab);
    expect(relu.first / relu.last).toBeGreaterThan(0.1);
    expect(relu.first / relu.last).toBeGreaterThan(100 * (atStart.first / atStart.last));
  });

  test("twenty sigmoid layers: every layer keeps a bar, even the ones far below 10⁻¹⁰", async ({ page }) => {
    const lab = await openLab(page, ID, "?vg.depth=20&vg.init=xavier");
    await settled(lab);
    const { first } = await gradients(lab);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1e-10);
    // 21 weight layers, 21 filled bars: the axis reaches down to the smallest value instead of hiding it.
    const bars = lab.locator("figure.wide svg rect:not(.hit):not(.hollow)");
    await expect(bars).toHaveCount(21);
    for (const h of await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("height")))))
      expect(h).toBeGreaterThan(0);
  });

  test("its history and near-zero-slope charts load on the reader's first use, then draw the run", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    const lab = await openLab(page, ID);
    const charts = lab.locator('astro-island[client="use"]');
    await expect(charts).toHaveCount(2);
    const componentUrl = new URL((await charts.first().getAttribute("component-url"))!, page.url()).href;
    await page.waitForTimeout(1000);
    for (const chart of await charts.all()) await expect(chart).toHaveAttribute("ssr", "");
    expect(requested).not.toContain(componentUrl);
    await trainUntil(lab, WARMUP + 40);
    for (const chart of await charts.all()) await expect(chart).not.toHaveAttribute("ssr");
    expect(requested).toContain(componentUrl);
    await expect(lab.getByRole("img", { name: /^Gradient norm per layer against step/ })).toHaveAttribute(
      "aria-label",
      new RegExp(`step 0 to ${await labStep(lab)}`),
    );
  });

  test("trains and the loss falls (ReLU + He, three layers, from the address); Pause responds", async ({ page }) => {
    const lab = await openLab(page, ID, "?vg.activation=relu&vg.init=he&vg.depth=3");
    await settled(lab);
    const before = await labLoss(lab);
    await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
    await trainUntil(lab, WARMUP + 300);
    expect(await labLoss(lab)).toBeLessThan(before * 0.7);
    await expectPauseResponds(lab);
    await expectNoNaNShown(lab);
  });

  test("the default ten-layer network trains, and axe passes after running", async ({ page }) => {
    const lab = await openLab(page, ID);
    await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
    await lab.getByRole("button", { name: "Train" }).click();
    await page.waitForTimeout(2000);
    await lab.getByRole("button", { name: "Pause" }).click();
    await expect(lab).toHaveAttribute("data-status", "paused");
    expect(await labStep(lab)).toBeGreaterThan(WARMUP);
    await expectNoNaNShown(lab);
    await expectAccessible(page, SELECTOR);
  });

  test("axe passes in the dark theme after running", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startInTheme(page, "dark");
    const lab = await openLab(page, ID);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
    await trainUntil(lab, WARMUP + 50);
    await expectAccessible(page, SELECTOR);
    await context.close();
  });

  test("pin a run, change one setting and train: the pinned bars and loss stay for comparison; Clear pin removes them", async ({
    page,
  }) => {
    const lab = await openLab(page, ID);
    await settled(lab);
    const pinBox = lab.locator("[data-pinned]");
    await lab.getByRole("button", { name: "Pin this run" }).click();
    await expect(pinBox).toHaveAttribute("data-pinned", "true");
    await expect(pinBox).toContainText("Pinned for comparison: sigmoid, 10×16, normal(1), lr 0.1, circles, seed 1");
    const pinnedRatio = Number(await pinBox.getAttribute("data-pinned-ratio"));
    expect(pinnedRatio).toBeLessThan(0.1);

    await lab.getByLabel("Activation").selectOption("relu");
    await lab.getByLabel("Initialisation").selectOption("he");
    await settled(lab);
    await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
    await trainUntil(lab, WARMUP + 50);
    const live = await gradients(lab);
    expect(live.ratio).toBeGreaterThan(0.1);
    // The pin survives the new run: hollow bars (a "pinned run" column in the bars' table) and a dashed loss curve.
    await expect(pinBox).toHaveAttribute("data-pinned-ratio", String(pinnedRatio));
    const barsDetails = lab.locator("figure.wide details.data-table").first();
    if ((await barsDetails.getAttribute("open")) === null) await barsDetails.locator("> summary").click();
    const barsTable = lab.locator("figure.wide table");
    await expect(barsTable.locator("thead th")).toHaveText(["layer", "this run", "pinned run"]);
    await expect(lab.locator("figure.wide rect.hollow")).toHaveCount(11);
    await expect(lab.locator("figure.loss li", { hasText: "pinned run" })).toBeVisible();
    // The near-zero-slope chart overlays the pinned run too, and says why ReLU's share is high.
    const slopes = lab.locator("figure", { hasText: "Near-zero slopes per layer" });
    expect(await slopes.locator("rect.hollow").count()).toBeGreaterThan(0);
    await expect(slopes.locator("[data-saturation-note]")).toContainText("inactive units count here too");

    await lab.getByRole("button", { name: "Clear pin" }).click();
    await expect(pinBox).toHaveAttribute("data-pinned", "false");
    await expect(lab.locator("figure.wide rect.hollow")).toHaveCount(0);
    await expect(barsTable.locator("thead th")).toHaveText(["layer", "this run"]);
  });

  test("the chain-rule path: factors f′(z)·w per layer, the product in scientific notation, another unit replays the run", async ({
    page,
  }) => {
    const lab = await openLab(page, ID);
    await settled(lab);
    const product = Number(await lab.locator("[data-path-product]").getAttribute("data-path-product"));
    expect(Math.abs(product)).toBeLessThan(1e-3);
    await expect(lab.locator("[data-path-product] strong")).toHaveText(/^−?\d\.\d×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    const rows = lab.locator("figure.path tbody tr");
    await expect(rows).toHaveCount(11);
    await expect(lab.locator("figure.path .note")).toContainText("through unit 1 of every hidden layer");
    // Each row's factor is its slope times its weight.
    for (const i of [0, 5, 10]) {
      // The running product comes first, so a phone shows it without scrolling.
      const [, fPrime, w, factor] = await rows.nth(i).locator("td").allInnerTexts();
      const num = (t?: string) => Number(t!.replace("−", "-"));
      expect(num(factor)).toBeCloseTo(num(fPrime) * num(w), 2);
    }

    const slider = lab.getByRole("slider", { name: /path through unit/i });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuetext", "Path through unit 2");
    await expect(lab.locator("figure.path .note")).toContainText("through unit 2 of every hidden layer");
    await expect(lab.locator("[data-path-product]")).not.toHaveAttribute("data-path-product", String(product));
    await expect(page).toHaveURL(/vg\.unit=2/);
    await settled(lab);
    expect(await labStep(lab)).toBe(WARMUP);
  });

  test("a forced divergence (ReLU at learning rate 10, from the address) shows the message and a reset", async ({
    page,
  }) => {
    await page.goto(`dev/labs/${ID}/?vg.lr=10&vg.activation=relu&vg.init=he`);
    const lab = page.locator(SELECTOR);
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveAttribute("data-status", "diverged", { timeout: 15_000 });
    await expect(lab.locator("[data-diverged]")).toContainText("Training diverged at step");
    await expect(lab.getByRole("button", { name: "Train" })).toBeDisabled();
    // The advice fits the settings (He is already chosen, init scale is disabled), and names the step the charts end at.
    const said = lab.locator("[data-gradient-ratio]");
    await expect(said).toContainText("Try a smaller learning rate.");
    await expect(said).not.toContainText("Xavier");
    await expect(said).toContainText(`the charts end at step ${await labStep(lab)}.`);
    // The exploded measurements are hatched and named, not painted as vanished gradients.
    await expect(lab.getByRole("img", { name: /cells hatched: exploded/ })).toBeVisible();
    await expectNoNaNShown(lab);
    await expectAccessible(page, SELECTOR);
  });

  test("hostile address parameters give the defaults and a visible notice", async ({ page }) => {
    const lab = await openLab(
      page,
      ID,
      "?vg.depth=__proto__&vg.width=1e309&vg.activation=%3Cscript%3E&vg.lr=&vg.constructor=1&vg.seed=1&vg.seed=2",
    );
    const notices = lab.getByRole("status").filter({ hasText: "could not be used" });
    await expect(notices).toBeVisible();
    await expect(notices.locator("li")).toHaveCount(6);
    await expect(lab.getByLabel("Activation")).toHaveValue("sigmoid");
    await expect(lab.getByRole("slider", { name: /hidden layers/i })).toHaveAttribute(
      "aria-valuetext",
      "Hidden layers 10",
    );
    await expect(lab.getByRole("slider", { name: /units per layer/i })).toHaveAttribute(
      "aria-valuetext",
      "Units per layer 16",
    );
    await expect(lab.getByRole("slider", { name: /learning rate/i })).toHaveAttribute(
      "aria-valuetext",
      "learning rate 0.1",
    );
    await settled(lab);
    expect((await gradients(lab)).ratio).toBeLessThan(0.1);
  });

  test("a teacher's link can lock and hide settings", async ({ page }) => {
    const lab = await openLab(page, ID, "?vg.lock=activation,init&vg.hide=width,seed");
    await expect(lab.getByLabel("Activation")).toBeDisabled();
    await expect(lab.getByLabel("Initialisation")).toBeDisabled();
    await expect(lab.getByRole("slider", { name: /units per layer/i })).toHaveCount(0);
    await expect(lab.getByRole("button", { name: "New seed" })).toHaveCount(0);
    await expect(lab.getByRole("slider", { name: /hidden layers/i })).toBeEnabled();
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test("fits without horizontal scroll; screenshot after training", async ({ page }) => {
      const lab = await openLab(page, ID);
      await lab.getByLabel("Speed").selectOption({ label: "Fastest" });
      await trainUntil(lab, WARMUP + 50);
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      const box = await lab.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(360);
      await lab.screenshot({ path: "test-results/lab-vanishing-gradients-360.png" });
    });

    test("the chain-rule table shows all five columns without scrolling", async ({ page }) => {
      const lab = await openLab(page, ID);
      // On a phone the path is one of the folded instruments: the reader opens it.
      await lab.getByText("The chain-rule path", { exact: true }).click();
      const box = lab.locator("figure.path .table-scroll");
      await expect(box.locator("tbody tr")).toHaveCount(11);
      const [scrollWidth, clientWidth] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scrollWidth, "the table's width inside its box").toBeLessThanOrEqual(clientWidth);
      const outer = (await box.boundingBox())!;
      for (const name of ["layer", "product so far", "f′(z)", "w", "f′(z)·w"]) {
        const head = (await box.getByRole("columnheader", { name, exact: true }).boundingBox())!;
        expect(head.x + head.width, `column "${name}" ends inside the box`).toBeLessThanOrEqual(
          outer.x + outer.width + 0.5,
        );
      }
      // Were it ever wider, shadows attached to the box and covers attached to the content would say so.
      expect(await box.evaluate((el) => getComputedStyle(el).backgroundAttachment)).toBe(
        "local, local, scroll, scroll",
      );
    });
  });
});
