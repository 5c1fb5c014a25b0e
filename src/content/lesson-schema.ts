import { z } from "astro/zod";
import { LAB_IDS } from "../../labs/index.ts";

/**
 * The frontmatter every lesson declares. `reference` is Astro's `reference("lessons")` in the
 * build and a plain string schema in unit tests. Messages are written for lesson authors.
 */
export function lessonSchema<R extends z.ZodType>(reference: R) {
  return z.object({
    /** Shown as the page heading, in the course map and in the browser tab. */
    title: z
      .string({ error: 'Every lesson needs a `title:` (a short heading, e.g. "Step and sigmoid").' })
      .min(3, "`title:` is too short to be a heading.")
      .max(80, "`title:` is over 80 characters: keep the heading short and move the rest to `summary:`."),
    /** One sentence for the course map: what the reader will understand afterwards. */
    summary: z
      .string({ error: "Every lesson needs a `summary:` (one sentence for the course map)." })
      .min(10, "`summary:` should be one full sentence.")
      .max(200, "`summary:` is over 200 characters: the course map shows one sentence."),
    /** Lessons to read first, by folder name without the number (e.g. `step-and-sigmoid`). */
    prerequisites: z.array(reference).default([]),
    /** Labs this lesson embeds, by id from labs/catalog.ts. */
    labs: z
      .array(
        z.enum(LAB_IDS, {
          error: (issue) =>
            `Unknown lab ${JSON.stringify(issue.input)} in \`labs:\`. Known labs: ${LAB_IDS.join(", ")}.`,
        }),
      )
      .default([]),
    /** A draft is built in development but left out of the production course. */
    draft: z.boolean({ error: "`draft:` must be true or false." }).default(false),
  });
}

/** What a lesson's frontmatter holds after validation. */
export type LessonFrontmatter = z.infer<ReturnType<typeof lessonSchema<z.ZodString>>>;
