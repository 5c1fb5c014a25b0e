import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { distinctPages, startInTheme } from "./helpers.ts";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// The lab gallery (dev/) is for developers; its labs are checked where readers meet them, in the lessons.
const pages = distinctPages().filter((p) => !p.startsWith("dev/"));

for (const theme of ["light", "dark"] as const) {
  for (const path of pages) {
    test(`axe finds no WCAG 2.2 AA violation on /${path} in the ${theme} theme`, async ({ browser }) => {
      // The stored choice for the site's pages; the system's scheme for the embed pages, which follow the host's.
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await startInTheme(page, theme);
      await page.goto(path);
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }
}
