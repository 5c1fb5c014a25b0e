import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { watchProblems } from "./helpers.ts";
import { expectAccessible, labLoss, labStep, openLab, trainUntil } from "./lab-helpers.ts";

const ID = "sandbox";
const ROOT = `[data-lab="${ID}"]`;

/** Two clusters far from the built-in data's box (x around 100, y around −40), 60 points: class "left" and "right". */
function clusters(): string {
  const lines = ["x1,x2,side"];
  for (let i = 0; i < 60; i++) {
    const right = i % 2 === 1;
    lines.push(`${(right ? 110 : 100) + (i % 7) * 0.3},${-40 + (i % 11) * 0.5},${right ? "right" : "left"}`);
  }
  return lines.join("\n");
}

/** The text of a download. */
async function text(download: Download): Promise<string> {
  return readFile((await download.path())!, "utf8");
}

/** Opens the "Your own data" panel (its code loads then). */
async function openOwnData(lab: Locator): Promise<Locator> {
  // The settings are open on a wide screen and folded on a phone.
  const settings = lab.locator("details.settings");
  if (!(await settings.evaluate((d: HTMLDetailsElement) => d.open))) await settings.locator("> summary").click();
  await lab.locator("summary", { hasText: "Your own data" }).click();
  const panel = lab.locator("[data-own-data]");
  await expect(panel).toBeVisible();
  return panel;
}

/** Picks a format from a chart's Export menu and returns the download. */
async function exportAs(page: Page, lab: Locator, chart: string, format: RegExp): Promise<Download> {
  // The button is named "Export"; its description (title) names the chart.
  await lab.locator(`button.export[title^="Export: ${chart}"]`).click();
  const menu = lab.getByRole("menu", { name: `Export: ${chart}` });
  await expect(menu).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: format }).click(),
  ]);
  return download;
}

test.describe("sandbox: own data, chart exports, the run as a file", () => {
  test("own data: bad lines are named and nothing loads; good points are plotted, train and survive a reload", async ({
    page,
  }) => {
    const problems = watchProblems(page);
    const lab = await openLab(page, ID);
    const panel = await openOwnData(lab);
    const paste = panel.getByLabel("Or paste the points");
    await paste.fill("x1,x2,label\n1,2,0\nabc,2,1\n3,4\n5,6,1\n7,,0");
    await panel.getByRole("button", { name: "Load the pasted points" }).click();
    const alert = panel.getByRole("alert");
    await expect(alert).toContainText("Nothing was loaded");
    await expect(alert).toContainText("3 lines have problems");
    await expect(alert).toContainText('Line 3: x1 is not a number: "abc".');
    await expect(alert).toContainText("Line 4: expected 3 values");
    await expect(alert).toContainText("Line 6: x2 is empty.");
    await expect(lab.getByLabel("Dataset")).toHaveValue("moons");
    await expect(panel.locator("[data-own-points]")).toHaveCount(0);

    await paste.fill(clusters());
    await panel.getByRole("button", { name: "Load the pasted points" }).click();
    await expect(alert).toHaveCount(0);
    await expect(panel.locator("[data-own-points]")).toHaveAttribute("data-own-points", "60");
    await expect(lab.getByLabel("Dataset")).toHaveValue("own");
    await expect(page).toHaveURL(/sb\.data=own/);
    await expect(lab).toHaveAttribute("data-step", "0");
    // The chart shows the reader's units: its table lists their points, named by their classes.
    const boundary = lab.getByRole("img", { name: /Decision regions/ });
    await expect(boundary).toBeVisible();
    const table = lab
      .locator("details", { has: page.getByRole("img", { name: /Decision regions/ }) })
      .locator("details.data-table");
    await table.locator("summary").click();
    await expect(table.locator("tbody")).toContainText(/1\d\d(\.\d+)?/);
    await expect(table.locator("tbody")).toContainText("right");
    const before = await labLoss(lab);
    await trainUntil(lab, 150);
    expect(await labLoss(lab)).toBeLessThan(0.7 * before);
    await expectAccessible(page, ROOT);

    await page.reload();
    await expect(lab).toHaveAttribute("data-live", "true", { timeout: 15_000 });
    await expect(lab.getByLabel("Dataset")).toHaveValue("own");
    await expect(lab.locator("[data-own-points]")).toHaveAttribute("data-own-points", "60");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
  });

  test("a chart's data downloads as CSV (it reads back) and its picture as a PNG of the chart's size", async ({
    page,
  }) => {
    const lab = await openLab(page, ID, "?sb.data=moons");
    await trainUntil(lab, 40);
    const step = await labStep(lab);

    const csv = await exportAs(page, lab, "Loss", /CSV/);
    const csvName = csv.suggestedFilename();
    expect(csvName).toMatch(new RegExp(`^sandbox-loss-[a-z-]+-step-${step}\\.csv$`));
    const lines = (await text(csv))
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("series,step,loss");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.length).toBeGreaterThan(10);
    for (const [, x, y] of rows) {
      expect(Number.isFinite(Number(x))).toBe(true);
      expect(Number(y)).toBeGreaterThan(0);
    }
    await expect(lab.getByRole("status").filter({ hasText: `Saved ${csvName}` })).toBeVisible();

    const png = await exportAs(page, lab, "Decision regions of the network", /PNG/);
    expect(png.suggestedFilename()).toBe(`sandbox-decision-regions-of-the-network-step-${step}.png`);
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const box = (await lab.locator("canvas").first().boundingBox())!;
    expect(width).toBeGreaterThanOrEqual(Math.round(box.width * dpr));
    expect(height).toBeGreaterThan(Math.round(box.height * dpr));
    // Not blank: the picture has the regions' colours and the points', not one colour.
    const colours = await page.evaluate(
      async (data) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: "image/png" }));
        const c = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = c.getContext("2d")!;
        ctx.drawImage(bitmap, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set<number>();
        for (let i = 0; i < px.length; i += 4 * 97) seen.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
        return seen.size;
      },
      [...bytes],
    );
    expect(colours).toBeGreaterThan(20);
  });

  test("the run saved as a file and opened again shows the same step and loss; a bad file changes nothing", async ({
    page,
  }) => {
    const lab = await openLab(page, ID, "?sb.data=circles&sb.act=tanh");
    await trainUntil(lab, 60);
    const [step, loss] = [await labStep(lab), await lab.getAttribute("data-loss")];
    await lab.locator("summary", { hasText: "Save or open this run" }).click();
    const panel = lab.locator("[data-run-file]");
    const [saved] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Save this run (JSON)" }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe(`sandbox-run-step-${step}.json`);
    const file = await text(saved);

    await lab.getByRole("button", { name: "Reset" }).click();
    await expect(lab).toHaveAttribute("data-step", "0");
    await panel.getByLabel("Open a saved run").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(file.replace('"version": 1', '"version": 9')),
    });
    await expect(panel.getByRole("alert")).toContainText("broken.json was not opened");
    await expect(lab).toHaveAttribute("data-step", "0");

    await panel.getByLabel("Open a saved run").setInputFiles({
      name: "run.json",
      mimeType: "application/json",
      buffer: Buffer.from(file),
    });
    await expect(panel.locator("[data-run-verdict]")).toContainText("as the file says", { timeout: 20_000 });
    await expect(lab).toHaveAttribute("data-step", String(step));
    await expect(lab).toHaveAttribute("data-loss", loss!);
    await expect(panel.getByRole("alert")).toHaveCount(0);
  });
});
