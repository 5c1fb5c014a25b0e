/**
 * What the course's MDX source asks each page to show, read from content/ at test time: the computed figures
 * it embeds and how many math expressions it writes. The no-JavaScript test finds each of them on the built page.
 */
import { readdirSync, readFileSync } from "node:fs";

/** A page of the course and its source file: lessons/<slug>/ ← content/lessons/NN-<slug>/index.mdx, reference/<name>/. */
export interface CoursePage {
  path: string;
  source: string;
}

/** Every lesson and reference page, with its MDX source. */
export function coursePages(root = "content"): CoursePage[] {
  const lessons = readdirSync(`${root}/lessons`)
    .sort()
    .map((dir) => ({
      path: `lessons/${dir.replace(/^\d+-/, "")}/`,
      source: readFileSync(`${root}/lessons/${dir}/index.mdx`, "utf8"),
    }));
  const reference = readdirSync(`${root}/reference`)
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .map((f) => ({
      path: `reference/${f.replace(/\.mdx$/, "")}/`,
      source: readFileSync(`${root}/reference/${f}`, "utf8"),
    }));
  return [...lessons, ...reference];
}

/** The ids of the computed figures the source embeds, in order (<ComputedFigure id="…" />). */
export function figureIds(source: string): string[] {
  return [...source.matchAll(/<ComputedFigure\s+id="([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * How many math expressions the source writes: <Tex … /> components, $$ … $$ displays and $ … $ inline math,
 * outside the frontmatter, code blocks and inline code (where a $ is only a character).
 */
export function mathCount(source: string): number {
  let s = source.replace(/^---[\s\S]*?\n---\n/, "");
  s = s.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const tex = (s.match(/<Tex\s/g) ?? []).length;
  s = s.replace(/<Tex\s[^>]*\/>/g, "");
  const display = (s.match(/\$\$[\s\S]*?\$\$/g) ?? []).length;
  s = s.replace(/\$\$[\s\S]*?\$\$/g, "");
  const inline = (s.match(/\$[^$\n]+?\$/g) ?? []).length;
  return tex + display + inline;
}
