import { expect, test } from "@playwright/test";
import { labStep, openLab, trainUntil } from "./lab-helpers.ts";

test.describe("training kernels in the browser", () => {
  test("labs train with the WebAssembly SIMD kernels, under the site's own policy, without a violation", async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    const lab = await openLab(page, "sandbox");
    await expect(lab).toHaveAttribute("data-kernels", "simd");
    await trainUntil(lab, 200);
    expect(problems).toEqual([]);
  });

  test.describe("where a server's policy forbids compiling WebAssembly", () => {
    // Routes cannot see what the offline service worker answers from its cache, so these pages have none.
    test.use({ serviceWorkers: "block" });

    test("the labs train on with the JavaScript kernels", async ({ page }) => {
      // A school's server may send its own Content-Security-Policy with every file; a worker obeys the
      // policy that came with its script, so this one may not compile WebAssembly.
      let routed = 0;
      await page.route(/training\.worker-[^/]*\.js$/, async (route) => {
        routed++;
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), "content-security-policy": "default-src 'none'; script-src 'self'" },
        });
      });
      const lab = await openLab(page, "sandbox");
      expect(routed).toBeGreaterThan(0);
      await expect(lab).toHaveAttribute("data-kernels", "js");
      await trainUntil(lab, 200);
      expect(await labStep(lab)).toBeGreaterThanOrEqual(200);
      await expect(lab).toHaveAttribute("data-status", "paused");
      await expect(lab.getByRole("alert")).toHaveCount(0);
    });
  });
});
