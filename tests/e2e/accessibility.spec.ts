import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { distinctPages, startInTheme } from "./helpers.ts";

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// The lab gallery (dev/) is for developers; its labs are checked where readers meet them, in the lessons.
const pages = distinctPages().filter((p) => !p.startsWith("dev/"));
// What a theme changes is colour: the dark run checks the rules that read colours. The markup, names, roles and
// order are the same in both themes, so the light run checks them once (colour contrast is 70% of axe's time).
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

for (const theme of ["light", "dark"] as const) {
  for (const path of pages) {
    const what = theme === "light" ? "WCAG 2.2 AA violation" : "colour violation (contrast, links in text)";
    test(`axe finds no ${what} on /${path} in the ${theme} theme`, async ({ browser }) => {
      // The stored choice for the site's pages; the system's scheme for the embed pages, which follow the host's.
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await startInTheme(page, theme);
      await page.goto(path);
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      const axe = new AxeBuilder({ page });
      const results = await (theme === "light" ? axe.withTags(WCAG_22_AA) : axe.withRules(COLOUR_RULES)).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }
}
