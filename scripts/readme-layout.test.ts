import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The folders a newcomer meets: the top level, and the folders directly under src/ and labs/ (build output and tools' caches aside). */
function folders(): string[] {
  const dirs = (path: string) =>
    readdirSync(new URL(`../${path}`, import.meta.url), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !IGNORED.has(e.name))
      .map((e) => (path ? `${path}/${e.name}` : e.name));
  return [...dirs(""), ...dirs("src"), ...dirs("labs")];
}

/** Folders that are not the project's: installed packages, build output, test output (all in .gitignore). */
const IGNORED = new Set(["node_modules", "dist", "test-results", "playwright-report", "tmp"]);

/** The README's layout map: the code block under "## Layout". */
function layoutMap(): string {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Layout"));
  return section.slice(section.indexOf("```"), section.indexOf("```", section.indexOf("```") + 3));
}

describe("the README's layout map", () => {
  it("names every top-level folder and every folder under src/ and labs/", () => {
    const map = layoutMap();
    const missing = folders().filter((f) => !f.startsWith("dist-") && !map.includes(`${f}/`));
    expect(missing, "folders the README's layout map does not name").toEqual([]);
  });
});
