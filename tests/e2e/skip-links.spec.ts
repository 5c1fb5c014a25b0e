import { expect, test } from "@playwright/test";

test.describe("skip links", () => {
  test("from the top of a lesson, a lab's controls are a few key presses away", async ({ page }) => {
    await page.goto("lessons/dying-relu/");
    let presses = 0;
    // The page's first links skip to its content and to each lab; the first lab's is among the first three.
    for (; presses < 3; presses++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent ?? "")).includes("Skip to the lab")) break;
    }
    const link = page.locator(":focus");
    await expect(link).toHaveText(/Skip to the lab: Dying ReLU/);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    presses += 3;
    // The next Tab lands inside the first dying-ReLU lab.
    const focused = page.locator(":focus");
    await expect(page.locator('[data-lab="dying-relu"]').first().locator(":focus")).toHaveCount(1);
    await expect(focused).toBeVisible();
    expect(presses).toBeLessThanOrEqual(5);
  });
});
