import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGETS, classify, jsClosure, judge, weighPage, weighSite } from "./budget.ts";

/** A tiny build: one lab page (island → chunk → shared chunk, a worker, a lazy chunk) and one plain page. */
function fixture(): string {
  const dist = mkdtempSync(join(tmpdir(), "budget-"));
  mkdirSync(join(dist, "_astro"));
  mkdirSync(join(dist, "lessons", "a"), { recursive: true });
  const js = (name: string, code: string) => writeFileSync(join(dist, "_astro", name), code);
  js(
    "Lab.js",
    `import{a}from"./shared.js";new Worker(new URL(\`training.worker.js\`,import.meta.url));import("./lazy.js");`,
  );
  js("shared.js", `export const a=${JSON.stringify("x".repeat(500))};`);
  js("training.worker.js", `self.onmessage=()=>{};`);
  js("lazy.js", `export const never=${JSON.stringify("y".repeat(5000))};`);
  writeFileSync(
    join(dist, "lessons", "a", "index.html"),
    `<html><style>p{color:red}</style><script>document.documentElement.dataset.t="1"</script>` +
      `<astro-island component-url="/_astro/Lab.js" props="{}"><div data-lab="x"></div></astro-island></html>`,
  );
  writeFileSync(join(dist, "index.html"), `<html><p>${"word ".repeat(20)}</p></html>`);
  return dist;
}

describe("budget", () => {
  it("classifies pages: labs, teacher tools, the dev gallery, everything else", () => {
    expect(classify("lessons/relu/index.html", true)).toBe("lab");
    expect(classify("dev/labs/sandbox/index.html", true)).toBe("lab");
    expect(classify("embed/dying-relu/shock/index.html", true)).toBe("lab");
    expect(classify("embed/activation-explorer/index.html", false)).toBe("lab");
    expect(classify("dev/plots/index.html", false)).toBe("dev");
    expect(classify("teacher/reports/index.html", false)).toBe("tool");
    expect(classify("reference/glossary/index.html", false)).toBe("page");
  });

  it("flags what is over its kind's budget, and holds waived pages to their ceiling", () => {
    const base = { page: "p/index.html", kind: "page" as const, html: 1000, css: 1000, js: 1000, worker: 0, onUse: 0 };
    expect(judge(base).over).toEqual([]);
    expect(judge({ ...base, js: BUDGETS.page.js + 1 }).over).toEqual(["JS"]);
    expect(judge({ ...base, kind: "lab", js: BUDGETS.page.js + 1 }).over).toEqual([]);
    expect(judge({ ...base, kind: "dev", html: 1e9, js: 1e9 }).over).toEqual([]);
    const waivers = { "p/index.html": { html: 9000, reason: "test" } };
    expect(judge({ ...base, html: 8000 }, BUDGETS, waivers)).toMatchObject({ over: [], waived: ["HTML"] });
    expect(judge({ ...base, html: 9001 }, BUDGETS, waivers).over).toEqual(["HTML"]);
  });

  it("counts static imports and inline scripts as JS, the worker apart, lazy chunks not at all", () => {
    const dist = fixture();
    const pages = weighSite(dist);
    expect(pages.map((p) => p.page)).toEqual(["index.html", "lessons/a/index.html"]);
    const lab = pages[1]!;
    expect(lab.kind).toBe("lab");
    expect(lab.worker).toBeGreaterThan(0);
    const { main, workers } = jsClosure(dist, "/", [join(dist, "_astro", "Lab.js")]);
    expect([...main].map((f) => f.split("/").pop()).sort()).toEqual(["Lab.js", "shared.js"]);
    expect([...workers].map((f) => f.split("/").pop())).toEqual(["training.worker.js"]);
    expect(lab.css).toBeGreaterThan(0);
    // The inline style and script count as CSS and JS, not HTML.
    const bare = weighPage(
      dist,
      "/",
      "y.html",
      `<html><astro-island component-url="/_astro/Lab.js" props="{}"><div data-lab="x"></div></astro-island></html>`,
    );
    expect(lab.html).toBeLessThanOrEqual(bare.html + 20);
  });

  it("lists an island that hydrates on first use apart: its own chunks in 'on use', the chunks it shares in JS once", () => {
    const dist = fixture();
    writeFileSync(
      join(dist, "_astro", "Explorer.js"),
      `import{a}from"./shared.js";export const e=${JSON.stringify("z".repeat(800))};`,
    );
    const eager = `<astro-island component-url="/_astro/Lab.js" client="visible" props="{}"><div data-lab="x"></div></astro-island>`;
    const later = `<astro-island component-url="/_astro/Explorer.js" client="use" props="{}"><div data-lab="e"></div></astro-island>`;
    const alone = weighPage(dist, "/", "a.html", `<html>${eager}</html>`);
    const both = weighPage(dist, "/", "b.html", `<html>${eager}${later}</html>`);
    expect(both.js).toBe(alone.js);
    expect(both.onUse).toBeGreaterThan(0);
    expect(alone.onUse).toBe(0);
    // Seen, the same island counts in JS.
    const seen = weighPage(
      dist,
      "/",
      "c.html",
      `<html>${eager}${later.replace('client="use"', 'client="visible"')}</html>`,
    );
    expect(seen.js).toBe(alone.js + both.onUse);
    expect(seen.onUse).toBe(0);
  });
});
