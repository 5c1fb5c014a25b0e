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

const ID = "step-function";
const gd = (lab: Locator) => lab.locator('[data-side="gradient-descent"]');
const perceptron = (lab: Locator) => lab.locator('[data-side="perceptron"]');
const num = async (l: Locator, attribute: string) => Number(await l.getAttribute(attribute));

test.describe("step-function lab", () => {
  test("opens on the build-time picture: the step unit has not moved, the perceptron has learned", async ({ page }) => {
    await page.goto(`dev/labs/${ID}/`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    // Server-rendered from the seeded static run, before any JavaScript has trained anything.
    await expect(lab).toHaveAttribute("data-step", "300");
    await expect(gd(lab)).toHaveAttribute("data-distance", "0");
    expect(await num(perceptron(lab), "data-accuracy")).toBeGreaterThanOrEqual(0.95);
    await expect(lab.locator(".katex").first()).toBeVisible();
    // The accuracy chart shows the 300 warm-up steps as lines, not a lone point.
    const lines = lab.locator("figure", { hasText: "Training accuracy" }).locator("path.series");
    await expect(lines).toHaveCount(2);
    for (const d of await lines.evaluateAll((ps) => ps.map((p) => p.getAttribute("d") ?? "")))
      expect(d.split("L").length).toBeGreaterThan(10);
  });

  test("gradient descent leaves the step unit exactly where it started; the perceptron rule reaches ≥ 95%", async ({
    page,
  }) => {
    const lab = await openLab(page, ID);
    await lab.getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-step", "0");
    await expect(lab.locator('[data-value="perceptron-updates"]')).toHaveText("0");
    const weightsBefore = await lab.locator('[data-value="gd-weights"]').innerText();
    const lossBefore = await labLoss(lab);
    const gdAccuracyBefore = await num(gd(lab), "data-accuracy");
    const perceptronBefore = await num(perceptron(lab), "data-accuracy");
    expect(perceptronBefore).toBeLessThan(0.6);

    // About 2 s at the default 60 steps/s, then faster to 600 steps (long tasks are checked in smoothness/).
    await trainUntil(lab, 120);
    await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
    await trainUntil(lab, 600);

    expect(await labStep(lab)).toBeGreaterThanOrEqual(600);
    await expect(gd(lab)).toHaveAttribute("data-distance", "0");
    await expect(lab.locator('[data-value="distance"]')).toHaveText("0");
    await expect(lab.locator('[data-value="gd-gradient"]')).toHaveText("0");
    expect(await lab.locator('[data-value="gd-weights"]').innerText()).toBe(weightsBefore);
    expect(await labLoss(lab)).toBe(lossBefore);
    expect(await num(gd(lab), "data-accuracy")).toBe(gdAccuracyBefore);
    const perceptronAfter = await num(perceptron(lab), "data-accuracy");
    expect(perceptronAfter).toBeGreaterThanOrEqual(0.95);
    expect(perceptronAfter - perceptronBefore).toBeGreaterThan(0.3);
    expect(await num(perceptron(lab), "data-updates")).toBeGreaterThanOrEqual(600);
    await expectNoNaNShown(lab);
    await expectAccessible(page, `[data-lab="${ID}"]`);
  });

  test("the largest learning rate cannot move (or blow up) the step unit, and Pause responds", async ({ page }) => {
    const lab = await openLab(page, ID, "?sf.lr=10");
    await expect(lab.getByRole("slider", { name: /learning rate/i })).toHaveAttribute(
      "aria-valuetext",
      "learning rate 10",
    );
    await expectPauseResponds(lab);
    await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
    await trainUntil(lab, 800);
    await expect(lab).toHaveAttribute("data-status", "paused");
    await expect(gd(lab)).toHaveAttribute("data-distance", "0");
    await expect(lab.locator("[data-diverged]")).toHaveCount(0);
    await expectNoNaNShown(lab);
    await expectAccessible(page, `[data-lab="${ID}"]`);
  });

  test("the learning-rate slider does not reset the run and is written to the address", async ({ page }) => {
    const lab = await openLab(page, ID);
    const step = await labStep(lab);
    const slider = lab.getByRole("slider", { name: /learning rate/i });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuetext", "learning rate 0.13");
    expect(await labStep(lab)).toBe(step);
    await expect(page).toHaveURL(/sf\.lr=0\.13/);
  });

  test("hostile address parameters give the defaults and a visible notice", async ({ page }) => {
    const lab = await openLab(
      page,
      ID,
      "?sf.lr=1e309&sf.seed=__proto__&sf.noise=%3Cscript%3E&sf.points=&sf.constructor=1",
    );
    const notices = lab.getByRole("status").filter({ hasText: "could not be used" });
    await expect(notices).toBeVisible();
    await expect(notices.locator("li")).toHaveCount(5);
    await expect(lab.getByRole("slider", { name: /learning rate/i })).toHaveAttribute(
      "aria-valuetext",
      "learning rate 0.1",
    );
    await expect(lab).toHaveAttribute("data-step", "300");
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });
    test("fits without horizontal scroll", async ({ page }) => {
      const lab = await openLab(page, ID);
      await lab.getByRole("button", { name: "Reset" }).click();
      await trainUntil(lab, 100);
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect((await lab.boundingBox())?.width ?? 0).toBeLessThanOrEqual(360);
      await lab.screenshot({ path: "test-results/lab-step-function-360.png" });
    });
  });
});
