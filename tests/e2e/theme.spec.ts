import { expect, test } from "@playwright/test";

test("with no stored choice the theme follows the system", async ({ browser }) => {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("");
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    await context.close();
  }
});

test("the toggle switches the theme and the choice survives a reload and another page", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.goto("lessons/step-and-sigmoid/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await context.close();
});

test("the theme is set before first paint (no flash of the wrong theme)", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem("activation-labs:theme", "dark"));
  // Read the attribute as soon as the body exists, before any module script has run.
  await page.addInitScript(() => {
    document.addEventListener("readystatechange", () => {
      if (document.readyState === "interactive") {
        (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.dataset.theme ?? "";
      }
    });
  });
  await page.goto("");
  expect(await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)).toBe("dark");
  await context.close();
});

for (const tampered of ["purple", '{"theme":"dark"}', "<script>alert(1)</script>", ""]) {
  test(`a tampered stored theme (${JSON.stringify(tampered)}) falls back to the system theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript((v) => localStorage.setItem("activation-labs:theme", v), tampered);
    await page.goto("");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(errors).toEqual([]);
    await context.close();
  });
}
