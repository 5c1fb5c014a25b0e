/** A reader follows the lessons' links into a lab's preset, and each lab opens saying what is true of that preset. */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchProblems } from "./helpers.ts";
import { expectAccessible, expectNoNaNShown, trainUntil } from "./lab-helpers.ts";

/** The page's lab once it has hydrated and shows the worker's first run. */
async function hydrated(page: Page, id: string): Promise<Locator> {
  const lab = page.locator(`[data-lab="${id}"]`).first();
  await lab.scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island[ssr]:has([data-lab="${id}"])`)).toHaveCount(0, { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  return lab;
}

test("lesson 7's link opens the shock lab, where Shock then Leaky ReLU shows the units that came back at the switch", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto("lessons/leaky-relu-and-friends/");
  await page.getByRole("link", { name: /open the last lesson.s shock lab/ }).click();
  await expect(page).toHaveURL(/\/embed\/dying-relu\/shock\/$/);
  const lab = await hydrated(page, "dying-relu");
  await lab.getByRole("button", { name: "Shock" }).click();
  await expect(lab.getByText("8 of 32 units dead (layer 1: 3 of 16, layer 2: 5 of 16)", { exact: true })).toBeVisible();
  await lab.getByLabel(/^Activation/).selectOption({ label: "Leaky ReLU" });
  await expect(
    lab.getByText("4 of 32 units inactive (layer 1: 3 of 16, layer 2: 1 of 16)", { exact: true }),
  ).toBeVisible();
  await expect(
    lab.getByText(/4 units stopped counting as dead at the switch itself, with no weight moving/),
  ).toBeVisible();
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});

test("lesson 3's symmetry link opens the symmetric sandbox with its own intro", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("lessons/vanishing-gradients/");
  await page.getByRole("link", { name: "Open the sandbox with every weight at 0.5" }).click();
  await expect(page).toHaveURL(/\/embed\/sandbox\/symmetric-init\/$/);
  const lab = await hydrated(page, "sandbox");
  await expect(lab.locator("[data-intro=preset]")).toContainText("Every weight starts at 0.5");
  await expect(lab.getByText("Identical units.")).toBeVisible();
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});

test("the cheat sheet's sandbox says what its spirals preset shows when it opens, not the sandbox's general advice", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto("lessons/cheat-sheet/");
  const lab = await hydrated(page, "sandbox");
  await expect(lab.locator("[data-intro=preset]")).toContainText("it opens after 150 steps at 100% training accuracy");
  await expect(lab).not.toContainText("about 550 times shorter");
  await expect(lab).toHaveAttribute("data-step", "150");
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});

test("lesson 2's float32 link opens the output lab at z ≈ 20, where sigmoid + MSE's gradient is exactly 0 and Train changes nothing; in float64 it is 5.1×10⁻⁹", async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto("lessons/step-and-sigmoid/");
  await page.getByRole("link", { name: /Open the output lab in float32 with every point near/ }).click();
  await expect(page).toHaveURL(/\/embed\/output-loss\/float32-sigmoid-flat\/$/);
  const lab = await hydrated(page, "output-loss");
  await expect(lab.locator(".intro")).toContainText("σ(z) ≈ 1 − 2.1×10⁻⁹, exactly 1 in float32");
  await expect(lab.locator(".intro")).toContainText(
    'The model says "class 1" with near certainty: confidently wrong for every class-0 point.',
  );
  await expect(lab.getByLabel("Numbers")).toHaveValue("float32");
  const table = lab.locator("table.numbers", { has: page.locator("tr[data-dldz]") });
  await expect(table.locator("caption")).toHaveText("Training point #3 (class 0)");
  const mse = table.locator('tr[data-pairing="sigmoid-mse"]');
  const loss = lab.locator('tr[data-pairing="sigmoid-mse"][data-loss0]');
  await expect(mse).toHaveAttribute("data-dldz", "0");
  await expect(mse.locator("td").nth(3)).toHaveText("1");
  const before = await loss.getAttribute("data-loss");
  await trainUntil(lab, 200);
  // The three runs stop where Pause found them: wait for the last snapshots of the other two.
  await page.waitForTimeout(300);
  await expect(mse).toHaveAttribute("data-dldz", "0");
  expect(Number(await loss.getAttribute("data-step"))).toBeGreaterThanOrEqual(200);
  expect(await loss.getAttribute("data-loss")).toBe(before);

  await lab.getByLabel("Numbers").selectOption("float64");
  await expect(lab).toHaveAttribute("data-step", "0");
  await expect(lab.locator(".intro")).toContainText("σ(z) ≈ 1 − 2.1×10⁻⁹.");
  const dLdz = async () => Number(await mse.getAttribute("data-dldz"));
  await expect.poll(dLdz).toBeGreaterThan(5.05e-9);
  expect(await dLdz()).toBeLessThan(5.15e-9);
  await expect(mse.locator("td.product")).toHaveText("5.06×10⁻⁹");
  await trainUntil(lab, 200);
  await page.waitForTimeout(300);
  await expect(mse.locator("td.product")).toHaveText("5.06×10⁻⁹");
  await expectNoNaNShown(lab);
  await expectAccessible(page, '[data-lab="output-loss"]');
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});
