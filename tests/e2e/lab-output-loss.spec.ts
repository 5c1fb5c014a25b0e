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

const ID = "output-loss";
const SELECTOR = `[data-lab="${ID}"]`;

/** A pairing's loss at step 0 and now, and the share of it that is gone, read from the progress table's data attributes. */
async function progress(
  lab: Locator,
  pairing: string,
): Promise<{ step: number; start: number; now: number; gone: number }> {
  const row = lab.locator(`tr[data-pairing="${pairing}"][data-loss0]`);
  const [step, start, now] = await Promise.all(
    ["data-step", "data-loss0", "data-loss"].map(async (a) => Number(await row.getAttribute(a))),
  );
  return { step: step!, start: start!, now: now!, gone: 1 - now! / start! };
}

/** ∂L/∂z and ∂a/∂z of the example point under a pairing, from the gradient table. */
async function split(lab: Locator, pairing: string): Promise<{ dLdz: number; dadz: number }> {
  const row = lab.locator(`tr[data-pairing="${pairing}"][data-dldz]`);
  return { dLdz: Number(await row.getAttribute("data-dldz")), dadz: Number(await row.getAttribute("data-dadz")) };
}

test.describe("output-loss lab", () => {
  test("opens on the build-time picture: σ′(z) ≈ 5×10⁻⁵ crushes MSE's gradient, BCE's is a − y ≈ −1", async ({
    page,
  }) => {
    await page.goto(`dev/labs/${ID}/`);
    const lab = page.locator(SELECTOR);
    // Server-rendered from the seeded static runs, before any JavaScript has trained anything.
    await expect(lab).toHaveAttribute("data-step", "10");
    const mse = await split(lab, "sigmoid-mse");
    const bce = await split(lab, "sigmoid-bce");
    const tanh = await split(lab, "tanh-mse");
    expect(mse.dadz).toBeGreaterThan(1e-5);
    expect(mse.dadz).toBeLessThan(1e-4);
    expect(Math.abs(mse.dLdz)).toBeLessThan(2e-4);
    expect(bce.dLdz).toBeLessThan(-0.99);
    expect(Math.abs(tanh.dLdz)).toBeLessThan(1e-6);
    await expect(lab.locator(".katex").first()).toBeVisible();
    // Three runs train: the readout above them says whose loss and accuracy it shows.
    await expect(lab.locator("[data-readout]").first()).toContainText("sigmoid + BCE:");
    await expect(lab).toContainText("Predict first");
    await expect(lab).toContainText("confidently wrong for every class-1 point");
    // Plain labels: both z-charts name their y axis, the slope cell is a plain number, no change reads "≈ 0 %"
    await expect(lab.locator('[data-axis="loss"]')).toHaveText("loss L(z)");
    await expect(lab.locator('[data-axis="gradient"]')).toHaveText("|∂L/∂z| (log scale)");
    await expect(lab.locator('tr[data-pairing="sigmoid-mse"] td.slope')).not.toContainText("σ′");
    await expect(lab.locator('tr[data-pairing="sigmoid-mse"] td.slope')).toHaveText(/^\d\.\d+×10⁻⁵$/);
    await expect(lab.getByRole("columnheader", { name: "loss fallen since step 0" })).toBeVisible();
    await expect(lab.locator('.progress tr[data-pairing="tanh-mse"] td.fallen')).toHaveText("≈ 0 %");
  });

  test("from confidently wrong, BCE's loss falls faster than MSE's; Pause responds", async ({ page }) => {
    const lab = await openLab(page, ID);
    await expect(lab).toHaveAttribute("data-step", "10");
    const before = await labLoss(lab);
    await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
    await trainUntil(lab, 400);
    // The root reports the sigmoid+BCE run, which leads the other two.
    expect(await labLoss(lab)).toBeLessThan(before * 0.2);
    // Each run has its own worker and stops where Pause found it: wait for their last snapshots, then compare.
    await page.waitForTimeout(300);
    const mse = await progress(lab, "sigmoid-mse");
    const bce = await progress(lab, "sigmoid-bce");
    const tanh = await progress(lab, "tanh-mse");
    for (const p of [mse, bce, tanh]) expect(p.step).toBeGreaterThanOrEqual(300);
    expect(bce.gone).toBeGreaterThan(0.8);
    expect(mse.gone).toBeLessThan(0.001);
    expect(tanh.gone).toBeLessThan(0.001);
    expect(bce.gone).toBeGreaterThan(100 * Math.max(mse.gone, 1e-6));
    await expectPauseResponds(lab);
    await expectNoNaNShown(lab);
    await expectAccessible(page, SELECTOR);
  });

  test("in float32 (as PyTorch's nn.Sigmoid then nn.BCELoss) a start at b = −40 does not learn under BCE; switched to float64 it does", async ({
    page,
  }) => {
    const lab = await openLab(page, ID, "?ol.prec=float32&ol.bias=-40&ol.lr=1");
    const numbers = lab.getByLabel("Numbers");
    await expect(numbers).toHaveValue("float32");
    await expect(lab).toContainText("The numbers are float32, as PyTorch computes by default");
    await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
    await trainUntil(lab, 300);
    await page.waitForTimeout(300);
    const stuck = await progress(lab, "sigmoid-bce");
    expect(stuck.start).toBeCloseTo(18.4, 1);
    expect(stuck.gone).toBeLessThan(0.001);
    expect(Math.abs((await split(lab, "sigmoid-bce")).dLdz)).toBeLessThan(1e-5);

    await numbers.selectOption("float64");
    // float64 is the default, so the address drops the setting.
    await expect(page).not.toHaveURL(/ol\.prec/);
    // A new run starts at step 0.
    await expect(lab).toHaveAttribute("data-step", "0");
    // The gradient split redraws in its own frame, up to two frames after the step counter (FrameSync).
    await expect.poll(async () => (await split(lab, "sigmoid-bce")).dLdz).toBeLessThan(-0.99);
    await trainUntil(lab, 300);
    await page.waitForTimeout(300);
    expect((await progress(lab, "sigmoid-bce")).gone).toBeGreaterThan(0.8);
    await expectNoNaNShown(lab);
  });

  test("multiclass: switched by keyboard and kept in the address; the loss falls; the softmax table adds up", async ({
    page,
  }) => {
    const lab = await openLab(page, ID);
    const binary = lab.getByRole("radio", { name: /Binary/ });
    await binary.focus();
    await page.keyboard.press("ArrowRight");
    await expect(lab.getByRole("radio", { name: /Multiclass/ })).toBeChecked();
    await expect(page).toHaveURL(/ol\.mode=multiclass/);
    await expect(lab).toHaveAttribute("data-step", "10");
    const before = await labLoss(lab);
    await lab.getByLabel(/^Training point/).fill("7");
    await lab.getByLabel(/^Training point/).press("Enter");
    await expect(page).toHaveURL(/ol\.pt=7/);
    await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
    await trainUntil(lab, 150);
    expect(await labLoss(lab)).toBeLessThan(before * 0.3);
    const table = lab.locator("table[data-softmax]");
    await expect(table).toContainText("point #7");
    const ps = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-p"))));
    expect(ps).toHaveLength(4);
    expect(ps.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    const ce = Number(await table.getAttribute("data-ce"));
    expect(ce).toBeGreaterThan(0);
    expect(ce).toBeLessThan(1);
    await expect(lab.getByRole("img", { name: /Softmax probabilities at point #7/ })).toBeVisible();
    // Computed at the point itself from the network's logits, not at a boundary-grid cell near it.
    await expect(lab).toContainText("The network's output at point #7");
    await expect(lab).not.toContainText("centre of the");
    await expect(lab).toContainText("do not put a softmax before it");
    await expectNoNaNShown(lab);
    await expectAccessible(page, SELECTOR);
  });

  test("the logit curves load on the reader's first use; shown again after a mode switch, they mark the run, not the build", async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    const lab = await openLab(page, ID);
    const island = lab.locator('astro-island[client="use"]');
    const componentUrl = new URL((await island.getAttribute("component-url"))!, page.url()).href;
    const bceZ = () => lab.locator('li[data-pairing="sigmoid-bce"][data-z]').getAttribute("data-z");
    const built = await bceZ();
    await page.waitForTimeout(1000);
    await expect(island).toHaveAttribute("ssr", "");
    expect(requested).not.toContain(componentUrl);
    await trainUntil(lab, 60);
    await expect(island).not.toHaveAttribute("ssr");
    expect(requested).toContain(componentUrl);
    // The curves redraw in their own frames (15 a second): let the last one after Pause land.
    await page.waitForTimeout(500);
    const trained = await bceZ();
    expect(trained).not.toBe(built);
    await lab.getByText("Multiclass: softmax + cross-entropy").click();
    await expect(lab.locator('li[data-pairing="sigmoid-bce"][data-z]')).toHaveCount(0);
    await lab.getByText("Binary: three output/loss pairings").click();
    await expect(lab.locator('astro-island[client="use"]')).not.toHaveAttribute("ssr");
    await expect.poll(bceZ).toBe(trained);
  });

  test("opened in multiclass mode, the lab shows the logit curves when the reader switches to binary", async ({
    page,
  }) => {
    await page.goto("embed/output-loss/softmax-three-classes/");
    const lab = page.locator(SELECTOR);
    await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
    await lab.getByText("Binary: three output/loss pairings").click();
    await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
    await expect(lab.getByText("Loss and gradient against the logit z")).toBeVisible();
    await expect
      .poll(() => lab.locator('li[data-pairing="sigmoid-bce"][data-z]').getAttribute("data-z"))
      .toMatch(/^-?\d/);
  });

  test("a blow-up without divergence (learning rate 1000) says the run is unstable; tiny values read ≈ 0", async ({
    page,
  }) => {
    const lab = await openLab(page, ID, "?ol.mode=multiclass&ol.mlr=1000");
    await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
    await lab.getByRole("button", { name: "Train" }).click();
    await expect(lab.locator("[data-unstable]")).toContainText("lower the learning rate", { timeout: 15_000 });
    await expect(lab).not.toHaveAttribute("data-status", "diverged");
    await expect(lab.locator("table[data-softmax]")).not.toContainText("10⁻³²");
    await lab.getByRole("button", { name: "Pause" }).click();
    await expectNoNaNShown(lab);
  });

  test("a forced divergence (Leaky ReLU at learning rate 10⁶, from the address) shows the message and a reset", async ({
    page,
  }) => {
    const lab = await openLab(page, ID, "?ol.mode=multiclass&ol.hidden=leaky-relu&ol.mlr=1000000");
    await lab.getByRole("button", { name: "Train" }).click();
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
      "?ol.lr=1e309&ol.mode=__proto__&ol.bias=%3Cscript%3E&ol.__proto__=1&ol.constructor=1&ol.seed=1&ol.seed=2&ol.classes=",
    );
    const notices = lab.getByRole("status").filter({ hasText: "could not be used" });
    await expect(notices).toBeVisible();
    await expect(notices.locator("li")).toHaveCount(7);
    await expect(lab.getByRole("radio", { name: /Binary/ })).toBeChecked();
    await expect(lab.getByRole("slider", { name: /learning rate/i })).toHaveAttribute(
      "aria-valuetext",
      "learning rate 0.1",
    );
    await expect(lab.getByRole("slider", { name: /initial output bias/i })).toHaveAttribute(
      "aria-valuetext",
      "initial bias −10",
    );
    await expect(lab).toHaveAttribute("data-step", "10");
  });

  test("the learning rate changes all three runs without a reset; Reset returns to step 0", async ({ page }) => {
    const lab = await openLab(page, ID);
    await expect(lab).toHaveAttribute("data-step", "10");
    const slider = lab.getByRole("slider", { name: /learning rate/i });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuetext", "learning rate 0.13");
    await expect(page).toHaveURL(/ol\.lr=0\.13/);
    expect(await labStep(lab)).toBe(10);
    await lab.getByRole("button", { name: "Step" }).click();
    await expect(lab).toHaveAttribute("data-step", "11");
    // Each run has its own worker: the table shows all three at step 11 once their snapshots are in.
    for (const id of ["sigmoid-mse", "sigmoid-bce", "tanh-mse"]) {
      await expect(lab.locator(`tr[data-pairing="${id}"][data-loss0]`)).toHaveAttribute("data-step", "11");
    }
    await lab.getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-step", "0");
    for (const id of ["sigmoid-mse", "sigmoid-bce", "tanh-mse"]) {
      await expect(lab.locator(`tr[data-pairing="${id}"][data-loss0]`)).toHaveAttribute("data-step", "0");
    }
  });

  test("a teacher's lock names the slider it locks: the multiclass run's learning rate is mlr, the binary runs' lr", async ({
    page,
  }) => {
    const slider = (lab: Locator) => lab.getByRole("slider", { name: /learning rate/i });
    const multiclassLocked = await openLab(page, ID, "?ol.mode=multiclass&ol.lock=mlr");
    await expect(slider(multiclassLocked)).toBeDisabled();
    await expect(multiclassLocked.getByText("Locked by your teacher")).toBeVisible();
    const binaryLocked = await openLab(page, ID, "?ol.mode=multiclass&ol.lock=lr");
    await expect(slider(binaryLocked)).toBeEnabled();
    const hidden = await openLab(page, ID, "?ol.mode=multiclass&ol.hide=mlr");
    await expect(slider(hidden)).toHaveCount(0);
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });
    test("fits without horizontal scroll", async ({ page }) => {
      const lab = await openLab(page, ID);
      await lab.getByLabel("Speed").selectOption({ label: "Fast (600 steps/s)" });
      await trainUntil(lab, 150);
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect((await lab.boundingBox())?.width ?? 0).toBeLessThanOrEqual(360);
      await lab.screenshot({ path: "test-results/lab-output-loss-360.png" });
    });

    test("the loss table fits, key column included; the wider gradient table shows that it scrolls", async ({
      page,
    }) => {
      const lab = await openLab(page, ID);
      const progress = lab.locator(".table-scroll", { has: page.locator("table.progress") });
      const [outer, key] = [
        await progress.boundingBox(),
        await progress.getByRole("columnheader", { name: "loss fallen since step 0" }).boundingBox(),
      ];
      expect(key!.x + key!.width).toBeLessThanOrEqual(outer!.x + outer!.width + 1);
      // On a phone the split is one of the folded instruments: the reader opens it.
      await lab.getByText("The output gradient, split", { exact: true }).click();
      const split = lab.locator(".table-scroll", { hasText: "prediction a" });
      // Its result column comes first, right after the pairing, inside the visible box.
      const [box, result] = [
        await split.boundingBox(),
        await split.getByRole("columnheader", { name: "∂L/∂z", exact: true }).boundingBox(),
      ];
      expect(result!.x + result!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
      expect(await split.evaluate((el) => getComputedStyle(el).backgroundAttachment)).toBe(
        "local, local, scroll, scroll",
      );
    });
  });
});
