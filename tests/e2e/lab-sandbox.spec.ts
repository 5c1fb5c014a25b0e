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
import { downloadExport } from "./pytorch-helpers.ts";

const ID = "sandbox";
const ROOT = `[data-lab="${ID}"]`;

test.describe("sandbox", () => {
  test("a ReLU / Adam network on moons from the address trains: the loss falls", async ({ page }) => {
    const lab = await openLab(page, ID, "?sb.act=relu&sb.opt=adam&sb.data=moons&sb.layers=2&sb.width=8");
    await lab.getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-step", "0");
    const before = await labLoss(lab);
    // About 2 s at the default 60 steps/s: every instrument redraws (long tasks are checked in smoothness/).
    await trainUntil(lab, 120);
    const after = await labLoss(lab);
    expect(after).toBeLessThan(0.5 * before);
    expect(Number(await lab.locator("[data-accuracy]").getAttribute("data-accuracy"))).toBeGreaterThan(0.9);
    // Every instrument is there: one bar per weight layer, the units of both hidden layers.
    await expect(lab.getByRole("img", { name: /Gradient norm ‖∂L\/∂W‖ per weight layer/ })).toBeVisible();
    await expect(lab.getByRole("img", { name: /L1: 0 of 8 dead|L1: \d of 8 dead/ })).toBeVisible();
    await expectNoNaNShown(lab);
    await expectAccessible(page, ROOT);
  });

  test("the accuracy chart is drawn at load: the warm-up's steps as lines, not a lone point", async ({ page }) => {
    const lab = await openLab(page, ID);
    const lines = lab.locator("details", { hasText: "Accuracy" }).locator("path.series");
    await expect(lines.first()).toHaveAttribute("d", /L.*L.*L.*L.*L/);
  });

  test('sigmoid units with z ≤ 0 everywhere are inactive, not dead: no ✕ and no "dead" anywhere', async ({ page }) => {
    const lab = await openLab(page, ID, "?sb.act=sigmoid&sb.layers=6");
    await expect(lab.locator("[data-off]")).toHaveAttribute("data-off", "inactive");
    await expect(lab.locator("[data-off]")).toContainText("hidden units inactive");
    await expect(lab.getByRole("img", { name: /L1: \d+ of \d+ inactive/ })).toBeVisible();
    await expect(lab.locator("g.dead")).toHaveCount(0);
    await expect(lab.locator("summary", { hasText: "Inactive units" })).toBeVisible();
    await lab.getByRole("button", { name: "Step" }).click();
    // The summary says so, on screen and in the screen reader's copy.
    for (const copy of ["[data-summary]", "[data-spoken-summary]"])
      await expect(lab.locator(copy)).toContainText(/hidden units inactive \(z ≤ 0 on every point\)/);
    await expect(lab.getByText(/units dead/)).toHaveCount(0);
  });

  test("3-class blobs: softmax + cross-entropy is forced, and the PyTorch script has CrossEntropyLoss and no softmax", async ({
    page,
  }) => {
    const lab = await openLab(page, ID, "?sb.data=blobs&sb.classes=3&sb.out=sigmoid-mse");
    await expect(lab.getByRole("status").filter({ hasText: "needs two classes" })).toBeVisible();
    const output = lab.getByLabel("Output and loss");
    await expect(output).toHaveValue("softmax-ce");
    await expect(output.locator('option[value="sigmoid-bce"]')).toBeDisabled();
    const text = await downloadExport(page, lab, "py");
    expect(text).toContain("nn.CrossEntropyLoss()");
    expect(text).toContain("nn.Linear(8, 3),");
    expect(text).not.toContain("Softmax");
    expect(text).not.toContain("nn.MSELoss");
    // A settings change starts a new run, and the next download writes it.
    await lab.getByLabel("Hidden activation").selectOption("leaky-relu");
    await expect(lab).toHaveAttribute("data-step", "0");
    expect(await downloadExport(page, lab, "py")).toContain("nn.LeakyReLU(negative_slope=0.1)");
    await expect(page).toHaveURL(/sb\.act=leaky-relu/);
  });

  test("an absurd learning rate on plain SGD diverges with the message, Reset recovers, and axe passes", async ({
    page,
  }) => {
    // The warm-up run already diverges (openLab expects a healthy lab, so open the page directly).
    await page.goto(`dev/labs/${ID}/?sb.act=identity&sb.opt=sgd&sb.lr=100`);
    const lab = page.locator(ROOT);
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveAttribute("data-status", "diverged", { timeout: 15_000 });
    await lab.locator("[data-diverged]").getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-status", "idle");
    await expect(lab).toHaveAttribute("data-step", "0");
    await lab.getByRole("button", { name: "Train" }).click();
    await expect(lab).toHaveAttribute("data-status", "diverged");
    await expect(lab.locator("[data-diverged]")).toContainText(/Training diverged at step \d+/);
    expect(await labStep(lab)).toBeLessThan(50);
    await expectNoNaNShown(lab);
    await expectAccessible(page, ROOT);
    await lab.locator("[data-diverged]").getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-status", "idle");
    await expect(lab).toHaveAttribute("data-step", "0");
  });

  test("Pause responds, and the learning rate changes without a reset", async ({ page }) => {
    const lab = await openLab(page, ID);
    await expectPauseResponds(lab);
    const step = await labStep(lab);
    const slider = lab.getByRole("slider", { name: /learning rate/i });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuetext", "learning rate 0.013");
    expect(await labStep(lab)).toBe(step);
    await expect(page).toHaveURL(/sb\.lr=0\.013/);
  });

  test("hostile address parameters give the defaults and a visible notice", async ({ page }) => {
    const lab = await openLab(
      page,
      ID,
      "?sb.layers=1e309&sb.act=__proto__&sb.width=%3Cscript%3E&sb.points=&sb.constructor=1&sb.lr=-5",
    );
    const notices = lab.getByRole("status").filter({ hasText: "could not be used" });
    await expect(notices).toBeVisible();
    await expect(notices.locator("li")).toHaveCount(6);
    await expect(lab.getByLabel("Hidden activation")).toHaveValue("relu");
    await expect(lab.getByRole("slider", { name: /^Hidden layers/ })).toHaveValue("2");
    await expect(lab.getByRole("slider", { name: /learning rate/i })).toHaveAttribute(
      "aria-valuetext",
      "learning rate 1×10⁻⁴",
    );
    await trainUntil(lab, 160);
    await expectNoNaNShown(lab);
  });

  test.describe("its instruments hydrate on the reader's first use of the lab", () => {
    /** The instruments' island (nested in the lab) and the URL of its component, which hydration loads. */
    async function instruments(page: Page): Promise<{ island: Locator; componentUrl: string }> {
      const island = page.locator(`${ROOT} astro-island[client="use"]`);
      return { island, componentUrl: new URL((await island.getAttribute("component-url"))!, page.url()).href };
    }
    const heatmap = (lab: Locator) => lab.getByRole("img", { name: /^Gradient norm per layer over the run/ });

    test("seen but unused, they load none of their code and show the build-time run; Train from the keyboard hydrates them and they follow the run", async ({
      page,
    }) => {
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      const lab = await openLab(page, ID);
      const { island, componentUrl } = await instruments(page);
      await page.waitForTimeout(1000);
      await expect(island).toHaveAttribute("ssr", "");
      expect(requested).not.toContain(componentUrl);
      await expect(heatmap(lab)).toHaveAttribute("aria-label", /step 0 to 150;/);
      // The decision boundary is the lab's own: drawn on its canvas at once, not the build's coarser picture.
      await expect(lab.locator("details[data-main-chart] canvas")).toBeVisible();
      const train = lab.getByRole("button", { name: "Train" });
      await train.focus();
      await expect(island).not.toHaveAttribute("ssr");
      expect(requested).toContain(componentUrl);
      await train.press("Enter");
      await expect.poll(() => labStep(lab)).toBeGreaterThan(200);
      await lab.getByRole("button", { name: "Pause" }).press("Enter");
      await expect(lab).toHaveAttribute("data-settled", "true");
      await expect(heatmap(lab)).toHaveAttribute("aria-label", new RegExp(`step 0 to ${await labStep(lab)};`));
    });

    test("a run the lab starts on its own (a kept run replayed, a host's command) hydrates them", async ({ page }) => {
      const lab = await openLab(page, ID);
      const { island } = await instruments(page);
      // What an embed's host does: press Train for the reader, with no pointer and no focus.
      await lab.getByRole("button", { name: "Train" }).evaluate((b: HTMLButtonElement) => b.click());
      await expect(island).not.toHaveAttribute("ssr");
      await expect.poll(() => labStep(lab)).toBeGreaterThan(200);
      await lab.getByRole("button", { name: "Pause" }).evaluate((b: HTMLButtonElement) => b.click());
      await expect(lab).toHaveAttribute("data-settled", "true");
      await expect(heatmap(lab)).toHaveAttribute("aria-label", new RegExp(`step 0 to ${await labStep(lab)};`));
    });
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });
    test("the instruments but the decision boundary are folded; a card opened before they hydrate stays open", async ({
      page,
    }) => {
      const lab = await openLab(page, ID);
      const cards = lab.locator("details.card");
      await expect(lab.locator("details.card[data-main-chart]")).toHaveJSProperty("open", true);
      const folds = await lab
        .locator("details.card[data-fold]")
        .evaluateAll((ds: HTMLDetailsElement[]) => ds.map((d) => d.open));
      expect(folds).toEqual(Array(7).fill(false));
      const loss = cards.filter({ has: page.locator("summary", { hasText: /^Loss$/ }) });
      await loss.locator("> summary").click();
      await expect(lab.locator('astro-island[client="use"]')).not.toHaveAttribute("ssr");
      await page.waitForTimeout(300);
      await expect(loss).toHaveJSProperty("open", true);
    });

    test("fits without horizontal scroll", async ({ page }) => {
      const lab = await openLab(page, ID);
      await lab.locator("summary", { hasText: "Download as PyTorch" }).click();
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect((await lab.boundingBox())?.width ?? 0).toBeLessThanOrEqual(360);
      await lab.screenshot({ path: "test-results/lab-sandbox-360.png" });
    });
  });
});
