/**
 * Hostile or unlucky addresses on the labs (issue 18, items 9, 10 and 12): what the reader sees is the lab's
 * own valid settings, a notice for what was ignored, and never an error.
 */
import { expect, test } from "@playwright/test";
import { openLab } from "./lab-helpers.ts";

test("a setting the assignment locks keeps the assignment's value, whatever the address says, with a notice", async ({
  page,
}) => {
  await page.goto("assignments/dying-relu/?dr.shock=10&dr.data=circles&dr.lr=0.5");
  const lab = page.locator('[data-lab="dying-relu"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
  await expect(lab).toHaveAttribute("data-locked", /shock/);
  await expect(lab.getByLabel("Shock size")).toHaveValue("50");
  await expect(lab.getByLabel(/Dataset/)).toHaveValue("moons");
  await expect(lab.getByText("shock size is set by this page, so the address's value was ignored.")).toBeVisible();
  // A setting the assignment does not lock still comes from the address.
  await expect(lab.getByText(/Learning rate/).first()).toContainText("0.5");
});

test("the explorer shows the same activation twice, from the address or from the menus, without an error", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("dev/labs/activation-explorer/?ae.a=relu&ae.b=relu");
  const lab = page.locator('[data-lab="activation-explorer"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute("data-b", "relu");
  await expect(lab.locator("[data-readout] p")).toHaveCount(2);
  await lab.getByLabel("Activation").selectOption("tanh");
  await lab.getByLabel("Compare with").selectOption("tanh");
  await expect(lab).toHaveAttribute("data-a", "tanh");
  await expect(lab.locator("[data-readout] p")).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("an address over 4000 characters, mostly another application's, keeps the lab's own settings", async ({
  page,
}) => {
  const foreign = `utm_source=${"x".repeat(5000)}`;
  const lab = await openLab(page, "vanishing-gradients", `?${foreign}&vg.depth=3&vg.activation=relu&vg.init=he`);
  await expect(
    lab
      .getByRole("group", { name: /Hidden layers/ })
      .or(lab.getByText(/Hidden layers/))
      .first(),
  ).toContainText("3");
  await expect(lab.getByText(/too long/)).toHaveCount(0);
  await expect(lab.locator("[data-figure=step]")).toBeVisible();
});
