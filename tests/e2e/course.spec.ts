/** The course as a newcomer meets it: every lesson opens, shows its math, and its first lab works. */
import { expect, test } from "@playwright/test";
import { LAB_IDS } from "../../labs/catalog.ts";
import { builtPages, watchProblems } from "./helpers.ts";

const lessons = builtPages().filter((p) => p.startsWith("lessons/"));

test("the course has its nine lessons, in order, on the home page", async ({ page }) => {
  expect(lessons).toHaveLength(9);
  await page.goto("");
  const titles = await page.locator(".course-map .title").allTextContents();
  expect(titles).toEqual([
    "Should this neuron fire?",
    "Step and sigmoid",
    "Vanishing gradients",
    "Tanh",
    "ReLU",
    "Dying ReLU",
    "Leaky ReLU and friends",
    "Output layers and losses",
    "Cheat sheet",
  ]);
});

test("every lab is embedded in at least one lesson", async ({ page }) => {
  const embedded = new Set<string>();
  for (const path of lessons) {
    await page.goto(path);
    for (const id of await page
      .locator("[data-lab]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-lab")))) {
      if (id) embedded.add(id);
    }
  }
  expect([...embedded].sort()).toEqual([...LAB_IDS].sort());
});

for (const path of lessons) {
  test(`/${path} opens and its first lab runs`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto(path);
    await expect(page.locator(".katex").first()).toBeVisible();
    const lab = page.locator("[data-lab]").first();
    await lab.scrollIntoViewIfNeeded();
    const id = await lab.getAttribute("data-lab");
    // The explorer hydrates on the reader's first use: a pointer over it is one.
    if (id === "activation-explorer") await lab.hover();
    // Astro removes the island's ssr attribute when it hydrates (only this first lab has scrolled into view).
    await expect(lab.locator("xpath=ancestor::astro-island[1]")).not.toHaveAttribute("ssr", /.*/, { timeout: 20_000 });
    if (id === "activation-explorer") {
      // Not a training lab: it runs when the reader moves its probe.
      const readout = lab.locator("[data-readout] p").first();
      await lab.getByRole("slider", { name: /probe x/i }).fill("-4.5");
      await expect(readout).toContainText("x = −4.5");
    } else {
      const start = Number(await lab.getAttribute("data-step"));
      await lab.getByRole("button", { name: "Train" }).first().click();
      await expect
        .poll(async () => Number(await lab.getAttribute("data-step")), { timeout: 20_000 })
        .toBeGreaterThan(start + 5);
      await lab.getByRole("button", { name: "Pause" }).first().click();
    }
    expect(problems.pageErrors).toEqual([]);
  });
}
