/**
 * Wide tables on a phone (issue 17, the cheat-sheet table): at 360 px a lesson's table that is wider than the
 * screen scrolls sideways in its own box, which a keyboard can reach and a screen reader names, and an edge
 * shadow shows that there is more; the page itself never scrolls sideways. In both themes.
 */
import sharp from "sharp";
import { expect, test, type Locator } from "@playwright/test";
import { builtPages, startInTheme } from "./helpers.ts";

test.use({ viewport: { width: 360, height: 780 } });

/** The mean brightness (0–255) of the box's outermost 4 px on one side, as the reader sees it. */
async function edgeBrightness(box: Locator, side: "left" | "right"): Promise<number> {
  const png = await box.screenshot();
  const image = sharp(png);
  const { width, height } = await image.metadata();
  const strip = await image
    .extract({ left: side === "left" ? 0 : width! - 4, top: 0, width: 4, height: height! })
    .greyscale()
    .raw()
    .toBuffer();
  return strip.reduce((sum, v) => sum + v, 0) / strip.length;
}

for (const theme of ["light", "dark"] as const) {
  test(`the cheat sheet's tables scroll sideways in their own box with an edge shadow at 360 px (${theme})`, async ({
    page,
  }) => {
    await startInTheme(page, theme);
    await page.goto("lessons/cheat-sheet/");
    const boxes = page.locator("main .table-scroll");
    await expect(boxes.first()).toBeVisible();
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      await box.scrollIntoViewIfNeeded();
      const [scrollWidth, clientWidth] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scrollWidth, `table ${i + 1} is wider than the screen`).toBeGreaterThan(clientWidth);
      await expect(box).toHaveAttribute("tabindex", "0");
      await expect(box).toHaveAccessibleName(/^Table: /);

      // At the start the right edge is shaded (more to the right) and the left edge is not; at the end, the reverse.
      const start = { left: await edgeBrightness(box, "left"), right: await edgeBrightness(box, "right") };
      await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const end = { left: await edgeBrightness(box, "left"), right: await edgeBrightness(box, "right") };
      const shade = (shaded: number, plain: number) => (theme === "light" ? plain - shaded : shaded - plain);
      expect(shade(start.right, end.right), `table ${i + 1}: a shadow on the right before scrolling`).toBeGreaterThan(
        12,
      );
      expect(shade(end.left, start.left), `table ${i + 1}: a shadow on the left after scrolling`).toBeGreaterThan(12);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

test("no lesson scrolls sideways at 360 px: what is wide scrolls in its own box", async ({ page }) => {
  test.setTimeout(90_000);
  for (const lesson of builtPages().filter((p) => p.startsWith("lessons/"))) {
    await page.goto(lesson);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), lesson).toBeLessThanOrEqual(360);
  }
});
