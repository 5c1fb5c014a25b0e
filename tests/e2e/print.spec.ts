/**
 * A lesson on paper (issue 17, "Print"): under print media every lab is a static figure with one line of its
 * settings and no control, Predict answers show open, headings keep to their text and labs to one page, and
 * the dark theme prints on white. Both before the labs hydrate (the build-time picture) and after.
 */
import { expect, test, type Page } from "@playwright/test";
import { builtPages, reachEveryLab, startInTheme, watchProblems } from "./helpers.ts";

const lessons = () => builtPages().filter((p) => p.startsWith("lessons/"));

/** Controls a reader could press or drag: none may show on paper. */
const CONTROLS = "button, select, input, textarea, [role=slider], [role=button], .predict summary";

/** What print shows that it should not, and what it hides that it should show, in the lesson's main text. */
async function printProblems(page: Page): Promise<string[]> {
  return page.evaluate((controls) => {
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    const problems: string[] = [];
    const main = document.querySelector("main")!;
    for (const el of main.querySelectorAll(controls)) if (shown(el)) problems.push(`control shown: ${describe(el)}`);
    for (const lab of main.querySelectorAll("[data-lab]")) {
      const line = lab.querySelector("[data-print-summary]");
      if (!line || !shown(line) || !/^Settings: .+\.$/.test(line.textContent!.trim().replace(/\s+/g, " "))) {
        problems.push(`no settings line: ${lab.getAttribute("data-lab")}`);
      }
      const frame = lab.closest(".lab") ?? lab;
      if (getComputedStyle(frame).breakInside !== "avoid")
        problems.push(`lab may split: ${lab.getAttribute("data-lab")}`);
    }
    for (const answer of main.querySelectorAll(".predict .answer")) {
      if (!shown(answer) || (answer as HTMLElement).innerText.trim() === "")
        problems.push(`answer hidden: ${describe(answer)}`);
    }
    for (const heading of main.querySelectorAll("h2, h3")) {
      if (getComputedStyle(heading).breakAfter !== "avoid")
        problems.push(`heading may end a page: ${describe(heading)}`);
    }
    return problems;
  }, CONTROLS);
}

test.describe.configure({ mode: "parallel" });

for (const lesson of lessons()) {
  test(`${lesson} prints each lab as a figure with its settings, and Predict answers open`, async ({ page }) => {
    test.setTimeout(90_000);
    const problems = watchProblems(page);
    await page.goto(lesson);
    await page.emulateMedia({ media: "print" });
    // As the build made it: a reader who prints at once, before any lab has loaded.
    expect(await printProblems(page), "before the labs load").toEqual([]);

    await page.emulateMedia({ media: "screen" });
    await reachEveryLab(page);
    await page.emulateMedia({ media: "print" });
    expect(await printProblems(page), "with the labs loaded").toEqual([]);
    expect(await page.locator(".predict").count()).toBe(await page.locator(".predict .answer").count());
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
}

test("a dark-theme reader prints black on white, and the PDF has pages", async ({ page }) => {
  await startInTheme(page, "dark");
  await page.goto("lessons/vanishing-gradients/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ media: "print" });
  const colours = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  expect(colours).toEqual(["rgb(255, 255, 255)", "rgb(0, 0, 0)"]);
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect((pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(1);
});
