import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, type Page } from "@playwright/test";

/** Every built page, as a site-relative URL ("lessons/relu/"), found by walking dist/. */
export function builtPages(dist = process.env.ASTRO_OUT_DIR || "dist"): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "index.html") pages.push(relative(dist, dir).split(sep).join("/"));
    }
  };
  walk(dist);
  return pages.map((p) => (p === "" ? "" : `${p}/`)).sort();
}

/**
 * The built pages less the embed pages of presets (embed/<lab>/<preset>/: the lab's embed page with other settings,
 * which tests/e2e/embed.spec.ts opens), for the page-by-page sweeps (axe, loading, offline), which would otherwise
 * spend a fifth of the browser suite on the same markup.
 */
export function distinctPages(dist?: string): string[] {
  return builtPages(dist).filter((p) => !/^embed\/[^/]+\/[^/]+\/$/.test(p));
}

/** What went wrong while a page was open: console errors, uncaught exceptions, failed or external requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

/** Starts recording a page's problems; read the returned object after interacting. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("requestfailed", (request) =>
    problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol.startsWith("http")) {
      problems.externalRequests.push(request.url());
    }
  });
  return problems;
}

/** Records CSP violations: the DOM event (registered before any page script) and Chromium's console report. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) reported.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => w.__cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI || "inline"} ${e.sample}`),
      true,
    );
  });
  return async () => [
    ...reported,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

/** Chooses the theme the page starts in, through the same stored value the toggle writes. */
export async function startInTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem("activation-labs:theme", t), theme);
}

/**
 * Brings every lab on the page into view and points at it, as a reader does before using it: labs that train hydrate
 * when seen, the explorer (client:use) when first reached for. Then waits until every lab has hydrated.
 */
export async function reachEveryLab(page: Page, timeout = 20_000): Promise<void> {
  const labs = page.locator("[data-lab]");
  const count = await labs.count();
  for (let i = 0; i < count; i++) {
    await labs.nth(i).scrollIntoViewIfNeeded();
    await labs.nth(i).hover({ position: { x: 4, y: 4 } });
  }
  await expect(page.locator("astro-island[ssr]:has([data-lab])")).toHaveCount(0, { timeout });
}
