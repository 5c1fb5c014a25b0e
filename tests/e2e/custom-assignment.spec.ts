import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { watchProblems } from "./helpers.ts";
import { expectAccessible } from "./lab-helpers.ts";

/** Opens the builder with an empty draft, once its island has read the (empty) store. */
async function openBuilder(page: Page): Promise<void> {
  await page.goto("teacher/assignment-builder/");
  await expect(page.locator(".assignment-builder")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
}

/** The teacher writes two questions (a choice and a number) and one task on the Dying ReLU lab, with a lock. */
async function buildAssignment(page: Page): Promise<string> {
  await openBuilder(page);
  await page.getByLabel("Title").fill("Dead units on the moons");
  await page.getByLabel(/^Introduction/).fill("Answer first.\n\n<b>Then</b> train the network.");
  await page.getByLabel("Lock dataset").check();

  await page.getByRole("button", { name: "Add a multiple-choice question" }).click();
  const choice = page.locator("[data-question-editor]").nth(0);
  await choice.getByRole("textbox", { name: "Question" }).fill("Which activation can die?");
  await choice.getByLabel("Option A", { exact: true }).fill("ReLU");
  await choice.getByLabel("Option B", { exact: true }).fill("Leaky ReLU");
  await choice.getByLabel("Option A is the right one").check();
  await choice.getByLabel(/^Why/).fill("Its gradient is zero for negative inputs.");

  await page.getByRole("button", { name: "Add a number question" }).click();
  const number = page.locator("[data-question-editor]").nth(1);
  await number.getByRole("textbox", { name: "Question" }).fill("How many hidden units die after a big shock?");
  await number.getByLabel("Answer", { exact: true }).fill("6");
  await number.getByLabel("Right within ±").fill("2");
  await number.getByLabel(/^Why/).fill("A big shock pushes most biases negative.");

  await page.getByRole("button", { name: "Add a task" }).click();
  const task = page.locator("[data-task-editor]").nth(0);
  await task.getByLabel("Check").selectOption({ label: "Reach an accuracy" });
  await task.getByLabel("At least (%)").fill("97");

  await expect(page.getByText("The assignment is ready to share.")).toBeVisible();
  const link = page.locator("[data-student-link]");
  await expect(link).toHaveValue(/#a=/);
  return link.inputValue();
}

test("a teacher builds an assignment; a student opens its link, answers, trains until the task is done, and hands in", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const teacherProblems = watchProblems(page);
  const link = await buildAssignment(page);
  await expectAccessible(page, ".assignment-builder");
  // The draft survives a reload.
  await page.reload();
  await expect(page.locator(".assignment-builder")).toHaveAttribute("data-ready", "true");
  await expect(page.getByLabel("Title")).toHaveValue("Dead units on the moons");
  await expect(page.locator("[data-question-editor]")).toHaveCount(2);
  expect(teacherProblems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });

  // The student: another browser profile, nothing kept from the teacher.
  const student = await (await browser.newContext()).newPage();
  const problems = watchProblems(student);
  await student.goto(link);
  await expect(student).toHaveURL(/\/assignments\/custom\/dying-relu\/#a=/);
  await expect(student.locator("[data-custom-assignment]")).toHaveAttribute("data-custom-assignment", "open", {
    timeout: 15_000,
  });
  await expect(student.locator(".assignment-work")).toHaveAttribute("data-ready", "true");
  await expect(student.getByRole("heading", { level: 1 })).toHaveText("Dead units on the moons");
  // The introduction is text: its tag is shown as typed, never made markup.
  await expect(student.locator(".intro p")).toHaveText(["Answer first.", "<b>Then</b> train the network."]);
  await expect(student.locator(".intro b")).toHaveCount(0);
  await expectAccessible(student, ".custom > header, .custom > .intro, .assignment-work > section:first-of-type");

  const questions = student.locator("[data-question]");
  await expect(questions).toHaveCount(2);
  await questions.nth(0).getByRole("radio").nth(0).check();
  await questions.nth(0).getByRole("button", { name: "Lock in my prediction" }).click();
  await expect(questions.nth(0).locator("[data-correct]")).toHaveAttribute("data-correct", "true");
  await questions.nth(1).getByRole("textbox").fill("12");
  await questions.nth(1).getByRole("button", { name: "Lock in my prediction" }).click();
  await expect(questions.nth(1).locator("[data-correct]")).toHaveAttribute("data-correct", "false");
  await expect(questions.nth(1)).toContainText("A big shock pushes most biases negative.");

  const lab = student.locator('[data-lab="dying-relu"]');
  await expect(student.locator('astro-island[ssr]:has([data-lab="dying-relu"])')).toHaveCount(0, { timeout: 15_000 });
  await expect(lab.getByLabel(/^Dataset/)).toBeDisabled();
  const task = student.locator("[data-task]");
  await expect(task).toHaveCount(1);
  await expect(task).toHaveAttribute("data-done", "false");
  await lab.getByRole("button", { name: "Train" }).click();
  await expect(task).toHaveAttribute("data-done", "true", { timeout: 60_000 });
  await lab.getByRole("button", { name: "Pause" }).click();

  await student.getByLabel("Your name (it goes into the report)").fill("Grace Hopper");
  await student.getByLabel("Your name (it goes into the report)").blur();
  const [download] = await Promise.all([
    student.waitForEvent("download"),
    student.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  const report = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(report.assignment.slug).toMatch(/^custom-[a-z0-9]{10}$/);
  expect(download.suggestedFilename()).toBe(`${report.assignment.slug}-grace-hopper.json`);
  expect(report.assignment.title).toBe("Dead units on the moons");
  expect(report.student).toBe("Grace Hopper");
  expect(report.score).toMatchObject({ correct: 1, questions: 2 });
  expect(report.tasks.filter((t: { done: boolean }) => t.done)).toHaveLength(1);

  // A reload reopens the same work, kept per assignment id.
  await student.reload();
  await expect(student.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  await expect(student.locator("[data-question][data-answered=true]")).toHaveCount(2);
  await expect(student.locator("[data-task]")).toHaveAttribute("data-done", "true");
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});

test("a truncated or tampered link gives a message and no lab, never a half-loaded page", async ({ page }) => {
  test.setTimeout(90_000);
  const link = await buildAssignment(page);
  const fragment = link.slice(link.indexOf("#a=") + 3);
  const student = await (await page.context().browser()!.newContext()).newPage();
  const problems = watchProblems(student);
  for (const [broken, message] of [
    [fragment.slice(0, Math.floor(fragment.length / 2)), /incomplete or damaged/],
    [`${fragment.slice(0, 40)}!!${fragment.slice(42)}`, /damaged/],
    ["", /does not hold an assignment|incomplete or damaged/],
  ] as const) {
    await student.goto(`assignments/custom/#a=${broken}`);
    await expect(student.locator("[data-custom-assignment]")).toHaveAttribute("data-custom-assignment", "failed", {
      timeout: 15_000,
    });
    await expect(student.getByRole("alert")).toContainText("This assignment could not be opened.");
    await expect(student.locator("[data-faults] li").first()).toContainText(message);
    await expect(student.locator("[data-lab]")).toBeHidden();
    await expect(student.locator("[data-question]")).toHaveCount(0);
    await expect(student.getByLabel("Open an assignment file")).toBeVisible();
  }
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});

test("with the answers kept out, the student file carries no key: a student opens it, and answers are left to the teacher", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await buildAssignment(page);
  await page.getByRole("radio", { name: /Kept out of the student link/ }).check();
  await expect(page.getByText("The assignment is ready to share.")).toBeVisible();
  const save = async (name: RegExp) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    return { path: (await download.path())!, name: download.suggestedFilename() };
  };
  const studentFile = await save(/^Download the student file/);
  const teacherFile = await save(/^Download the teacher file/);
  expect(studentFile.name).toBe("dead-units-on-the-moons-student.json");
  const text = await readFile(studentFile.path, "utf8");
  expect(text).not.toContain("biases negative");
  expect(text).not.toMatch(/"answer"|"tolerance"|"explanation"/);

  const student = await (await browser.newContext()).newPage();
  const problems = watchProblems(student);
  await student.goto("assignments/custom/");
  await expect(student.locator("[data-custom-assignment]")).toHaveAttribute("data-custom-assignment", "choose");
  // The teacher's file is refused: it carries the key.
  await student.getByLabel("Open an assignment file").setInputFiles(teacherFile.path);
  await expect(student.locator("[data-faults]")).toContainText("This is the teacher's copy of the assignment");
  await student.getByLabel("Open an assignment file").setInputFiles(studentFile.path);
  await expect(student).toHaveURL(/\/assignments\/custom\/dying-relu\/#id=custom-[a-z0-9]{10}$/);
  await expect(student.locator(".assignment-work")).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
  const first = student.locator("[data-question]").nth(0);
  await first.getByRole("radio").nth(1).check();
  await first.getByRole("button", { name: "Lock in my prediction" }).click();
  await expect(first.locator("[data-correct]")).toHaveAttribute("data-correct", "ungraded");
  await expect(first).not.toContainText("negative inputs");
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] });
});
