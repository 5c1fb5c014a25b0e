/**
 * What readers and teachers already have keeps working: progress saved by the site as it was before the
 * 2026-12-07 changes (captured from that build: tests/fixtures/compat) and lab addresses written by its link
 * builder open in this build as they did then, with no notice.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openLab } from "./lab-helpers.ts";
import { watchProblems } from "./helpers.ts";

const SAVED: Record<string, string> = JSON.parse(
  readFileSync("tests/fixtures/compat/progress-before-2026-12-07.json", "utf8"),
);

test("progress saved by the earlier site loads: the name, the answer and the finished task", async ({ page }) => {
  const problems = watchProblems(page);
  await page.addInitScript((saved) => {
    if (sessionStorage.getItem("seeded")) return;
    for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
    sessionStorage.setItem("seeded", "1");
  }, SAVED);
  await page.goto("assignments/dying-relu/");
  await expect(page.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  await expect(page.getByLabel("Your name (it goes into the report)")).toHaveValue("Ada Lovelace");
  await expect(page.locator('[data-question="shock-count"]')).toHaveAttribute("data-answered", "true");
  await expect(page.locator('[data-task="kill"]')).toHaveAttribute("data-done", "true");
  await expect(page.locator("[data-notice]")).toHaveCount(0);
  expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
});

const ADDRESSES = [
  {
    id: "dying-relu",
    search: "?dr.act=leaky-relu&dr.alpha=0.1&dr.lock=lr",
    check: ["Activation", "leaky-relu"],
    locked: "lr",
  },
  { id: "vanishing-gradients", search: "?vg.activation=tanh&vg.init=xavier&vg.depth=6", check: ["Activation", "tanh"] },
  { id: "sandbox", search: "?sb.data=spirals&sb.act=relu&sb.opt=adam", check: ["Optimiser", "adam"] },
  { id: "output-loss", search: "?ol.mode=multiclass&ol.classes=5", check: null },
  { id: "step-function", search: "?sf.lr=0.5&sf.seed=7", check: null },
] as const;

for (const { id, search, check, ...rest } of ADDRESSES) {
  test(`an address the earlier link builder wrote for ${id} opens with its settings and no notice`, async ({
    page,
  }) => {
    const problems = watchProblems(page);
    const lab = await openLab(page, id, search);
    if (check) await expect(lab.getByLabel(new RegExp(`^${check[0]}`)).first()).toHaveValue(check[1]);
    if ("locked" in rest) await expect(lab).toHaveAttribute("data-locked", rest.locked);
    await expect(lab.locator(".notices li")).toHaveCount(0);
    // The lab writes its settings back: the address keeps every setting it was given.
    const kept = new URL(page.url()).searchParams;
    for (const [key, value] of new URLSearchParams(search)) expect(kept.get(key)).toBe(value);
    expect([...problems.pageErrors, ...problems.consoleErrors]).toEqual([]);
  });
}
