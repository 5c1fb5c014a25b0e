import { expect, test } from "@playwright/test";
import { builtPages } from "./helpers.ts";

test.use({ viewport: { width: 360, height: 740 } });

for (const path of builtPages()) {
  test(`/${path} has no horizontal scroll at 360 px`, async ({ page }) => {
    await page.goto(path);
    await page.mouse.wheel(0, 20_000);
    await page.waitForLoadState("networkidle");
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
}

test("the explorer fits inside a 360 px phone screen", async ({ page }) => {
  await page.goto("dev/labs/activation-explorer/");
  const lab = page.locator('[data-lab="activation-explorer"]');
  const box = await lab.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/explorer-phone.png", fullPage: true });
});
