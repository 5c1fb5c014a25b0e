import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  expectAccessible,
  expectNoNaNShown,
  expectPauseResponds,
  labLoss,
  labStep,
  openLab,
  trainUntil,
} from "./lab-helpers.ts";

const ID = "dying-relu";
const SELECTOR = `[data-lab="${ID}"]`;
/** Opens the lab once its live run is shown (the build-time picture shows step 100 too). */
const openLive = (page: Page, search = ""): Promise<Locator> => openLab(page, ID, search);
/** Units with z ≤ 0 on every training example (dead under ReLU, inactive under Leaky ReLU), as the lab reports them. */
const offUnits = async (lab: Locator) => Number(await lab.locator("[data-dead]").getAttribute("data-dead"));

test.describe("dying-ReLU lab", () => {
  test("opens on the build-time picture: 100 steps in, 32 cells, most of them alive", async ({ page }) => {
    await page.goto(`dev/labs/${ID}/`);
    const lab = page.locator(SELECTOR);
    // Server-rendered from the seeded static run, before any JavaScript has trained anything.
    await expect(lab).toHaveAttribute("data-step", "100");
    await expect(lab.locator("[data-dead]")).toHaveAttribute("data-units", "32");
    expect(await offUnits(lab)).toBeLessThanOrEqual(4);
    await expect(lab.locator(".katex").first()).toBeVisible();
  });

  test("trains and the loss falls; Pause responds", async ({ page }) => {
    const lab = await openLive(page);
    await expect(lab).toHaveAttribute("data-step", "100");
    const before = await labLoss(lab);
    // At the default 60 steps/s, about 2.5 s of training (the worker's load stays small beside the page's).
    await trainUntil(lab, 250);
    expect(await labLoss(lab)).toBeLessThan(before * 0.7);
    // The visible summary follows the run at once; the screen reader's copy may trail it by a few seconds.
    // (read together: the pause's own snapshot may still move the step on)
    const summary = lab.locator("[data-summary]");
    await expect
      .poll(async () => ((await summary.textContent()) ?? "").startsWith(`step ${await labStep(lab)}:`), {
        timeout: 1000,
      })
      .toBe(true);
    await expect(lab.locator("[data-spoken-summary]")).toHaveAttribute("aria-live", "polite");
    await expectPauseResponds(lab);
    await expectNoNaNShown(lab);
    await expectAccessible(page, SELECTOR);
  });

  test("a shock kills units; Leaky ReLU (α = 0.2) and more training bring some back", async ({ page }) => {
    const lab = await openLive(page);
    await expect(lab).toHaveAttribute("data-step", "100");
    const before = await offUnits(lab);

    await lab.getByRole("button", { name: "Shock" }).click();
    await expect(lab).toHaveAttribute("data-step", "101");
    const shocked = await offUnits(lab);
    expect(shocked).toBeGreaterThan(0);
    expect(shocked).toBeGreaterThanOrEqual(before + 3);
    await expect(lab.locator("[data-dead]")).toContainText(`${shocked} of 32 units dead`);
    await expect(lab.locator("g.dead")).toHaveCount(shocked);

    // α is Leaky ReLU's slope: under ReLU its slider is disabled and says so
    const alpha = lab.getByRole("slider", { name: /^α =/ });
    await expect(alpha).toBeDisabled();
    await expect(lab.getByText("(Leaky ReLU only)")).toBeVisible();
    await lab.getByLabel(/^Activation/).selectOption("leaky-relu");
    await expect(lab.locator("[data-dead]")).toHaveAttribute("data-activation", "leaky-relu");
    await expect(alpha).toBeEnabled();
    await expect(lab.locator("[data-dead]")).toHaveAttribute("data-alpha", "0.2");
    await trainUntil(lab, 170);
    const revived = await offUnits(lab);
    expect(revived).toBeLessThan(shocked);
    await expect(lab.locator("[data-dead]")).toContainText(`${revived} of 32 units inactive`);
    await expect(lab.locator("g.inactive")).toHaveCount(revived);
    await expect(lab.locator("g.dead")).toHaveCount(0);
    // The loss chart says what caused its spike and its change of slope.
    await expect(lab.locator(".loss-panel svg[role=img]")).toHaveAttribute(
      "aria-label",
      /marked: shock at step 100, Leaky ReLU \(α = 0\.2\) at step 101$/,
    );
    await expect(lab.locator(".loss-panel text.mark-label")).toHaveText(["shock", "Leaky ReLU (α = 0.2)"]);
    await expectNoNaNShown(lab);
  });

  test("a strongly negative initial bias from the address starts with every unit dead", async ({ page }) => {
    const lab = await openLive(page, "?dr.bias=-2");
    await expect(lab.getByRole("slider", { name: /initial bias/i })).toHaveAttribute(
      "aria-valuetext",
      "initial bias −2",
    );
    await expect(lab).toHaveAttribute("data-step", "100");
    expect(await offUnits(lab)).toBe(32);
    await lab.getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-step", "0");
    expect(await offUnits(lab)).toBe(32);
  });

  test("a forced divergence (Leaky ReLU at learning rate 10, from the address) shows the message and a reset", async ({
    page,
  }) => {
    await page.goto(`dev/labs/${ID}/?dr.lr=10&dr.act=leaky-relu`);
    const lab = page.locator(SELECTOR);
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveAttribute("data-status", "diverged", { timeout: 15_000 });
    await expect(lab.locator("[data-diverged]")).toContainText("Training diverged at step");
    await expect(lab.getByRole("button", { name: "Train" })).toBeDisabled();
    await expectNoNaNShown(lab);
    await expectAccessible(page, SELECTOR);
    await lab.locator("[data-diverged]").getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-status", "idle");
    await expect(lab).toHaveAttribute("data-step", "0");
  });

  test("hostile address parameters give the defaults and a visible notice", async ({ page }) => {
    const lab = await openLab(
      page,
      ID,
      "?dr.lr=1e309&dr.act=%3Cscript%3E&dr.bias=&dr.__proto__=1&dr.constructor=1&dr.seed=1&dr.seed=2",
    );
    const notices = lab.getByRole("status").filter({ hasText: "could not be used" });
    await expect(notices).toBeVisible();
    await expect(notices.locator("li")).toHaveCount(6);
    await expect(lab.getByRole("slider", { name: /learning rate/i })).toHaveAttribute(
      "aria-valuetext",
      "learning rate 0.1",
    );
    await expect(lab.getByLabel(/^Activation/)).toHaveValue("relu");
    await expect(lab).toHaveAttribute("data-step", "100");
  });

  test("settings are written to the address; the learning rate does not reset the run", async ({ page }) => {
    const lab = await openLive(page);
    await expect(lab).toHaveAttribute("data-step", "100");
    const slider = lab.getByRole("slider", { name: /learning rate/i });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuetext", "learning rate 0.13");
    await lab.getByLabel(/^Activation/).selectOption("leaky-relu");
    await expect(page).toHaveURL(/dr\.lr=0\.13/);
    await expect(page).toHaveURL(/dr\.act=leaky-relu/);
    expect(await labStep(lab)).toBe(100);
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });
    test("fits without horizontal scroll", async ({ page }) => {
      const lab = await openLive(page);
      await lab.getByRole("button", { name: "Shock" }).click();
      await expect(lab).toHaveAttribute("data-step", "101");
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect((await lab.boundingBox())?.width ?? 0).toBeLessThanOrEqual(360);
      await lab.screenshot({ path: "test-results/lab-dying-relu-360.png" });
    });
  });
});
