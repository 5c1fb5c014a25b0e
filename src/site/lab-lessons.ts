/**
 * Where the course uses each lab: every `<Lab id="…" preset="…" />` in the lessons' MDX, in reading order, with the
 * anchor Lab.astro gives that embed (embed-count.ts), and every link a lesson's text makes to a preset's embed page
 * (`[…](../../embed/<lab>/<preset>/)`). An embed page links to the lesson that opens its lab with the same preset,
 * and the link builder names presets by the lesson that uses them.
 */
import { labAnchor } from "../components/mdx/embed-count.ts";

/** A lesson as this module reads it: its place in the course and its MDX source. */
export interface LessonSource {
  number: number;
  title: string;
  /** Site-relative path, e.g. "/lessons/relu/". */
  path: string;
  body: string;
}

/** One place a lesson opens a lab: an embed, or a link in its text to the lab's embed page with a preset. */
export interface LabUse {
  lab: string;
  /** The preset's name, or null for a lab opened with its defaults or with settings written out. */
  preset: string | null;
  lesson: Omit<LessonSource, "body">;
  /** The embed's element id on the lesson page ("lab-dying-relu-2"); null for a link. */
  anchor: string | null;
}

// A self-closing <Lab … /> element: its attributes run over several lines, captions come after id and preset.
const LAB_ELEMENT = /<Lab\b([\s\S]*?)\/>/g;
// A Markdown link to a preset's embed page, as lessons write it: ](../../embed/output-loss/float32-tanh-flat/).
const PRESET_LINK = /\]\((?:\.\.\/)+embed\/([a-z0-9-]+)\/([a-z0-9-]+)\/\)/g;
const attribute = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;

/** Every lab embed in the lessons, then every link to a preset's page, lesson by lesson, each in reading order. */
export function labUses(lessons: readonly LessonSource[]): LabUse[] {
  const embeds = lessons.flatMap(({ body, ...lesson }) => {
    const nth = new Map<string, number>();
    return [...body.matchAll(LAB_ELEMENT)].flatMap(([, attrs = ""]) => {
      const lab = attribute(attrs, "id");
      if (!lab) return [];
      const n = (nth.get(lab) ?? 0) + 1;
      nth.set(lab, n);
      return [{ lab, preset: attribute(attrs, "preset"), lesson, anchor: labAnchor(lab, n) }];
    });
  });
  const links = lessons.flatMap(({ body, ...lesson }) =>
    [...body.matchAll(PRESET_LINK)].map(([, lab = "", preset = ""]) => ({ lab, preset, lesson, anchor: null })),
  );
  return [...embeds, ...links];
}

/**
 * Where the course opens `lab` with `preset`: its first embed with it, else the first lesson that links to it, else
 * the lab's first embed; null if none.
 */
export function courseUse(uses: readonly LabUse[], lab: string, preset: string | null): LabUse | null {
  return uses.find((u) => u.lab === lab && u.preset === preset) ?? uses.find((u) => u.lab === lab && u.anchor) ?? null;
}
