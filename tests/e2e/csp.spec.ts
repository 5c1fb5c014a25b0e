/**
 * The Content Security Policy every built page carries (security.csp in astro.config.ts, completed by
 * src/integrations/csp.ts): strict on paper, and nothing the site itself does runs into it, on any
 * page or in any lab. A negative control shows the policy is enforced and the violation listener hears it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { builtPages, watchViolations } from "./helpers.ts";
import { labStep, openLab } from "./lab-helpers.ts";

const DIST = process.env.ASTRO_OUT_DIR || "dist";
const pages = builtPages();
const labs = pages.filter((p) => p.startsWith("dev/labs/")).map((p) => p.split("/")[2]!);

/** A page's policy as directive → sources, read from the <meta> in its built HTML. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
  const directives = content
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0]);
  return new Map(directives.map(([name, ...sources]) => [name!, sources]));
}

test("the build has pages and labs to check", () => {
  expect(pages.length).toBeGreaterThan(20);
  expect(labs).toEqual(expect.arrayContaining(["activation-explorer", "dying-relu", "output-loss", "sandbox"]));
});

test("every built page carries a strict policy first in its <head>", () => {
  const files = [...pages.map((p) => join(DIST, p, "index.html")), join(DIST, "404.html")];
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    // Before every script and stylesheet: a meta policy only governs what the parser meets after it.
    expect(html, file).toMatch(/<head><meta charset="utf-8"><meta http-equiv="content-security-policy"/i);
    const policy = policyOf(html);
    const script = policy.get("script-src") ?? [];
    expect(script, file).toContain("'self'");
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:", "https:"]) {
      expect(script, file).not.toContain(loose);
    }
    expect(script.filter((s) => s.startsWith("'sha256-")).length, file).toBeGreaterThan(0);
    expect(script.includes("'wasm-unsafe-eval'"), file).toBe(file.includes("/search/"));
    expect(policy.get("style-src"), file).not.toContain("'unsafe-inline'");
    // Style attributes: only the exact values this page ships, hashed (or none at all).
    const attr = policy.get("style-src-attr") ?? [];
    expect(attr, file).not.toContain("'unsafe-inline'");
    expect(attr[0] === "'none'" || (attr[0] === "'unsafe-hashes'" && attr.length > 1), file).toBe(true);
    expect(policy.get("default-src"), file).toEqual(["'none'"]);
    expect(policy.get("object-src"), file).toEqual(["'none'"]);
    for (const d of ["base-uri", "form-action", "connect-src", "font-src", "worker-src"]) {
      expect(policy.get(d), `${file} ${d}`).toEqual(["'self'"]);
    }
    expect(policy.get("img-src"), file).toEqual(file.includes("/search/") ? ["'self'", "data:"] : ["'self'"]);
  }
});

test("KaTeX's fonts ship as files, not data: URLs (font-src allows only 'self')", () => {
  const css = readdirSync(join(DIST, "_astro")).filter((f) => f.endsWith(".css"));
  const all = css.map((f) => readFileSync(join(DIST, "_astro", f), "utf8")).join("\n");
  expect(all).toContain("KaTeX_Size3-Regular");
  expect(all).not.toMatch(/url\(\s*["']?data:/);
});

// Every page loading and hydrating with 0 violations is checked in the page sweep (pages.spec.ts), which
// visits each page once for everything a load can show.

/** Train, Pause, Step, the learning rate from the keyboard and Reset, on every set of training controls in the lab. */
async function exerciseTraining(page: Page, lab: Locator): Promise<void> {
  const controls = lab.locator(".training-controls");
  for (let i = 0; i < (await controls.count()); i++) {
    const c = controls.nth(i);
    const start = await labStep(lab);
    await c.getByRole("button", { name: "Train" }).click();
    await expect.poll(() => labStep(lab), { timeout: 20_000 }).toBeGreaterThan(start);
    await c.getByRole("button", { name: "Pause" }).click();
    await expect(lab).toHaveAttribute("data-status", "paused");
    const paused = await labStep(lab);
    await c.getByRole("button", { name: "Step", exact: true }).click();
    await expect.poll(() => labStep(lab)).toBeGreaterThan(paused);
    await c.getByRole("slider", { name: /learning rate/i }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await c.getByRole("button", { name: "Reset" }).click();
  }
}

/** Moves every enabled select in the lab to its last option and back (activations, initialisers, modes, views). */
async function exerciseSelects(lab: Locator): Promise<void> {
  const selects = lab.locator("select:enabled");
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i);
    if (!(await select.isVisible())) continue;
    const before = await select.inputValue();
    // Enabled options only: the sandbox offers "your own data" disabled until the reader has loaded some.
    const values = await select
      .locator("option:enabled")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await select.selectOption(values.at(-1)!);
    await select.selectOption(before);
  }
}

for (const id of labs) {
  test(`the ${id} lab runs through its controls with 0 CSP violations`, async ({ page }) => {
    test.setTimeout(90_000);
    const violations = await watchViolations(page);
    if (id === "activation-explorer") {
      // The explorer does not train, so it has no status to wait for: wait for hydration alone.
      await page.goto(`dev/labs/${id}/`);
      await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
      const lab = page.locator(`[data-lab="${id}"]`);
      const probe = lab.getByRole("slider", { name: /probe x/i });
      await probe.focus();
      for (const key of ["ArrowRight", "ArrowRight", "End", "Home", "PageUp"]) await page.keyboard.press(key);
      await lab.getByLabel("Activation").selectOption("leaky-relu");
      await lab.getByRole("slider", { name: /α/ }).focus();
      await page.keyboard.press("ArrowRight");
      await lab.getByLabel("Compare with").selectOption("tanh");
    } else {
      const lab = await openLab(page, id);
      await exerciseTraining(page, lab);
      await exerciseSelects(lab);
      const multiclass = lab.getByRole("radio", { name: /Multiclass/ });
      if ((await multiclass.count()) > 0) {
        await multiclass.check();
        await exerciseTraining(page, lab);
      }
      for (const name of ["Pin this run", "Clear pin", "Shock"]) {
        const button = lab.getByRole("button", { name, exact: true });
        if ((await button.count()) > 0 && (await button.isEnabled())) await button.click();
      }
    }
    await page.waitForTimeout(300);
    expect(await violations()).toEqual([]);
  });
}

test("search: Pagefind (WebAssembly, its own CSS and JS) finds results with 0 CSP violations", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("search/");
  await page.locator("#search input").fill("dying relu");
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible();
  await page.locator("#search input").fill("softmax cross-entropy");
  await expect(page.locator(".pagefind-ui__result-link", { hasText: /./ }).first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("teacher pages: the link builder and report import run with 0 CSP violations", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("teacher/link-builder/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await page.getByLabel("Lab", { exact: true }).selectOption("dying-relu");
  await page.getByLabel("Fix initial bias").check();
  await page.getByLabel(/^initial bias value/).fill("-9");
  await page.getByLabel("Lock learning rate").check();
  await expect(page.locator("[data-share-link]")).toHaveValue(/dr\.lock=lr/);
  expect(await violations()).toEqual([]);

  await page.goto("teacher/reports/");
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
  await page
    .locator('input[type="file"]')
    .setInputFiles([{ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("not json at all") }]);
  await expect(page.locator("[data-invalid]")).toContainText("notes.json");
  expect(await violations()).toEqual([]);
});

test("negative control: injected script, handler, eval and style are blocked and reported; the page's own style values pass", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.goto("lessons/step-and-sigmoid/");
  await expect(page.locator(".katex").first()).toBeVisible();
  expect(await violations()).toEqual([]);
  // KaTeX's struts and offsets come from the page's stylesheet of KaTeX classes, not from style attributes.
  expect(await page.locator(".katex-html [style]").count()).toBe(0);
  const strut = await page
    .locator(".katex .strut")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).height));
  expect(strut).toBeGreaterThan(0);

  const outcome = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);

    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__handler = true");
    document.body.append(button);
    button.click();

    const host = document.createElement("div");
    document.body.append(host);
    // One style attribute value this page ships (a plot legend's swatch), and one it does not.
    const shipped = document.querySelector("main [style]")!.getAttribute("style")!;
    host.innerHTML = `<span id="own" style="${shipped}"></span><span id="foreign" style="color: rgb(1, 2, 3)">x</span>`;
    return {
      injected: w.__injected === true,
      handler: w.__handler === true,
      ownApplied: document.getElementById("own")!.style.length > 0,
      foreignColour: getComputedStyle(document.getElementById("foreign")!).color,
    };
  });
  // eval from a timer, as page code would call it (code evaluated by the test driver itself may eval).
  const evaluated = await page.evaluate(
    () =>
      new Promise<boolean>((done) =>
        setTimeout(() => {
          try {
            done((0, eval)("true") === true);
          } catch {
            done(false);
          }
        }),
      ),
  );
  expect(outcome.injected).toBe(false);
  expect(outcome.handler).toBe(false);
  expect(evaluated).toBe(false);
  expect(outcome.ownApplied).toBe(true);
  expect(outcome.foreignColour).not.toBe("rgb(1, 2, 3)");

  const reported = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  await expect.poll(async () => (await reported()).length).toBe(4);
  expect((await reported()).map((v) => v.split(":")[0]).sort()).toEqual([
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "style-src-attr",
  ]);
});
