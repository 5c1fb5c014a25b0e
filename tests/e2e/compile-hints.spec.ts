/**
 * V8's compile hint (src/integrations/compile-hints.ts) opens every script a lab page runs to hydrate: V8 reads it
 * only on a file's first line, and without it the page compiles the lab's functions on the main thread, inside the
 * hydration task.
 */
import { expect, test } from "@playwright/test";
import { COMPILE_HINT } from "../../src/integrations/compile-hints.ts";

for (const path of ["dev/labs/sandbox/", "lessons/output-layers-and-losses/"]) {
  test(`${path}: every script the page loads to hydrate its labs opens with the compile hint`, async ({ page }) => {
    const scripts = new Map<string, string>();
    page.on("response", async (response) => {
      const url = response.url();
      if (response.request().resourceType() === "script" && /\/_astro\/[^/]+\.js$/.test(url) && !/worker/.test(url))
        scripts.set(url, await response.text());
    });
    await page.goto(path);
    const lab = page.locator("[data-lab]").first();
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
    expect(scripts.size).toBeGreaterThan(5);
    const without = [...scripts].filter(([, body]) => !body.startsWith(`${COMPILE_HINT}\n`)).map(([url]) => url);
    expect(without).toEqual([]);
  });
}
