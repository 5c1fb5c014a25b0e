import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACTIVATION_NAMES } from "../../src/core/index.ts";

test.describe("activation explorer", () => {
  test("hydrates in the lesson and its readout follows the probe slider moved with the keyboard", async ({ page }) => {
    await page.goto("lessons/step-and-sigmoid/");
    const lab = page.locator('[data-lab="activation-explorer"]');
    await lab.scrollIntoViewIfNeeded();
    const slider = lab.getByRole("slider", { name: /probe x/i });
    const readout = lab.locator("[data-readout] p").first();
    await expect(readout).toContainText("x = 2");
    const before = await readout.textContent();
    // Hydration can land a moment after scrolling: keep pressing until the island reacts.
    await expect(async () => {
      await slider.focus();
      await page.keyboard.press("ArrowRight");
      expect(await readout.textContent()).not.toBe(before);
    }).toPass({ timeout: 10_000 });
    await expect(readout).toContainText(/x = 2\.\d/);
    await expect(slider).toHaveAttribute("aria-valuetext", /x equals 2\.\d/);
  });

  test("shows a tiny sigmoid slope as a number, not 0, and the step's slope as 0", async ({ page }) => {
    await page.goto("dev/labs/activation-explorer/");
    const lab = page.locator('[data-lab="activation-explorer"]');
    const slider = lab.getByRole("slider", { name: /probe x/i });
    await expect(async () => {
      await slider.focus();
      await page.keyboard.press("End");
      await expect(lab.locator("[data-readout] [data-df]").first()).toHaveText("0.002467", { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await lab.getByLabel("Compare with").selectOption("step");
    await expect(lab.locator("[data-readout] [data-df]").nth(1)).toHaveText("0");
  });

  test("the α slider changes Leaky ReLU's slope on the negative side, and its formula is shown", async ({ page }) => {
    await page.goto("dev/labs/activation-explorer/");
    const lab = page.locator('[data-lab="activation-explorer"]');
    const alpha = lab.getByRole("slider", { name: /α/ });
    // Neither default curve uses α, so there is no α slider until one does.
    await expect(alpha).toHaveCount(0);
    await expect(async () => {
      await lab.getByLabel("Activation").selectOption("leaky-relu");
      await expect(lab).toHaveAttribute("data-a", "leaky-relu", { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await lab.getByRole("slider", { name: /probe x/i }).fill("-2");
    await expect(lab.locator("[data-readout] [data-df]").first()).toHaveText("0.1");
    await lab.getByRole("slider", { name: /α/ }).fill("0.3");
    await expect(lab.locator("[data-readout] [data-df]").first()).toHaveText("0.3");
    await expect(lab.locator("[data-readout] [data-f]").first()).toHaveText("−0.6");
    await expect(lab.locator('[data-formula="leaky-relu"]')).toBeVisible();
    await expect(lab.locator('[data-formula="sigmoid"]')).toBeHidden();
    await lab.getByLabel("Activation").selectOption("tanh");
    await expect(alpha).toHaveCount(0);
  });

  test("on a 360 px phone every activation's formulas fit the lab, none cut off", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (let i = 0; i < ACTIVATION_NAMES.length; i += 2) {
      const [a, b = "none"] = ACTIVATION_NAMES.slice(i, i + 2);
      await page.goto(`dev/labs/activation-explorer/?ae.a=${a}&ae.b=${b}`);
      const lab = page.locator('[data-lab="activation-explorer"]');
      await expect(lab).toHaveAttribute("data-a", a!);
      const displays = lab.locator(".formulas .katex-display");
      expect(await displays.count()).toBeGreaterThan(0);
      const overflowing = await displays.evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent?.slice(0, 40)),
      );
      expect(overflowing, `${a} and ${b}`).toEqual([]);
    }
    await context.close();
  });

  test("keeps its settings in the address, and hostile values give defaults with a notice", async ({ page }) => {
    await page.goto("dev/labs/activation-explorer/?ae.a=tanh&ae.x=1e309&ae.b=%3Cscript%3E&ae.__proto__=1");
    const lab = page.locator('[data-lab="activation-explorer"]');
    await expect(lab).toHaveAttribute("data-a", "tanh");
    await expect(lab.getByRole("status")).toContainText("1e309");
    await expect(lab.getByRole("status")).toContainText("__proto__");
    await expect(lab.getByLabel("Compare with")).toHaveValue("none");
    await lab.getByLabel("Compare with").selectOption("relu");
    await expect(page).toHaveURL(/ae\.b=relu/);
    await expect(page).toHaveURL(/ae\.a=tanh/);
  });

  test.describe("in a lesson it hydrates on the reader's first use", () => {
    /** The lesson's explorer island and the URL of its component, which hydration loads. */
    async function explorer(page: Page): Promise<{ island: Locator; lab: Locator; componentUrl: string }> {
      const island = page.locator('astro-island:has([data-lab="activation-explorer"])');
      await expect(island).toHaveAttribute("client", "use");
      return {
        island,
        lab: island.locator('[data-lab="activation-explorer"]'),
        componentUrl: new URL((await island.getAttribute("component-url"))!, page.url()).href,
      };
    }

    test("seen but unused, it loads none of its code; a pointer over it hydrates it", async ({ page }) => {
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      await page.goto("lessons/tanh/");
      const { island, lab, componentUrl } = await explorer(page);
      await lab.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1000);
      await expect(island).toHaveAttribute("ssr", "");
      expect(requested).not.toContain(componentUrl);
      await lab.hover();
      await expect(island).not.toHaveAttribute("ssr");
      expect(requested).toContain(componentUrl);
    });

    test("keyboard focus hydrates it, and the first key press already moves the probe", async ({ page }) => {
      await page.goto("lessons/tanh/");
      const { island, lab } = await explorer(page);
      const slider = lab.getByRole("slider", { name: /probe x/i });
      await slider.focus();
      await expect(island).not.toHaveAttribute("ssr");
      await page.keyboard.press("ArrowRight");
      await expect(lab.locator("[data-readout] p").first()).toContainText(/x = 2\.\d/);
    });

    test("a choice made before hydration ends is kept and drawn", async ({ page }) => {
      await page.goto("lessons/tanh/");
      const { island, lab } = await explorer(page);
      await expect(island).toHaveAttribute("ssr", "");
      // No pointer, no focus: the change itself starts hydration, which must not undo it.
      await lab.getByLabel("Activation").selectOption("relu", { force: true });
      await expect(island).not.toHaveAttribute("ssr");
      await expect(lab).toHaveAttribute("data-a", "relu");
      await expect(lab.getByLabel("Activation")).toHaveValue("relu");
      await expect(lab.locator("[data-readout] p").first()).toContainText("ReLU at x = 2");
    });

    test("an address that holds its settings hydrates it at once", async ({ page }) => {
      await page.goto("lessons/tanh/?ae.a=elu");
      const { island, lab } = await explorer(page);
      await expect(island).not.toHaveAttribute("ssr");
      await expect(lab).toHaveAttribute("data-a", "elu");
    });
  });
});
