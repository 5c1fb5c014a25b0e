/**
 * "Download as PyTorch" in two labs: the saved .py and .ipynb are the run on screen, and the losses they assert are
 * the ones the lab showed at those steps (the lab's readout at step 0 and where the reader paused).
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchProblems } from "./helpers.ts";
import { expectAccessible, labLoss, labStep, openLab, trainUntil } from "./lab-helpers.ts";
import { assertedLosses, downloadExport } from "./pytorch-helpers.ts";

/** Resets the lab and trains it a little, noting the loss it shows at step 0 and at the step it paused on. */
async function shortRun(lab: Locator, steps: number): Promise<Map<number, number>> {
  await lab.getByRole("button", { name: "Reset" }).click();
  await expect(lab).toHaveAttribute("data-step", "0");
  const shown = new Map([[0, await labLoss(lab)]]);
  await trainUntil(lab, steps);
  shown.set(await labStep(lab), await labLoss(lab));
  return shown;
}

/** The notebook's code, its cells joined, after checking it is an nbformat 4 notebook. */
function notebookCode(ipynb: string): string {
  const notebook = JSON.parse(ipynb) as { nbformat: number; cells: { cell_type: string; source: string[] }[] };
  expect(notebook.nbformat).toBe(4);
  return notebook.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => c.source.join(""))
    .join("\n");
}

async function expectExportMatches(page: Page, lab: Locator, shown: Map<number, number>): Promise<void> {
  const [last] = [...shown.keys()].slice(-1);
  const py = await downloadExport(page, lab, "py");
  expect(py).toContain(`STEPS = ${last}`);
  const asserted = assertedLosses(py);
  for (const [step, loss] of shown) expect(asserted.get(step), `the loss at step ${step}`).toBe(loss);
  // The notebook is the same run: the same losses asserted, with no second replay.
  const ipynb = await downloadExport(page, lab, "ipynb");
  expect(assertedLosses(notebookCode(ipynb))).toEqual(asserted);
}

test.describe("Download as PyTorch", () => {
  test("dying ReLU: the .py and .ipynb assert the losses the lab showed, the panel passes axe, a float32 run is not exported", async ({
    page,
  }) => {
    const problems = watchProblems(page);
    const lab = await openLab(page, "dying-relu");
    const shown = await shortRun(lab, 30);
    await expectExportMatches(page, lab, shown);
    await expectAccessible(page, '[data-lab="dying-relu"] [data-pytorch-export]');
    // A float32 run is not exported: the panel says so before anything is pressed.
    await lab.getByLabel(/^Numbers/).selectOption("float32");
    await expect(lab.locator("[data-pytorch-export]")).toContainText("the export is float64 only");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
  });

  test("step function: the perceptron's run, written by hand, asserts the losses the lab showed", async ({ page }) => {
    const problems = watchProblems(page);
    const lab = await openLab(page, "step-function");
    const shown = await shortRun(lab, 20);
    await expectExportMatches(page, lab, shown);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
  });
});
