import { z } from "astro/zod";

/** Frontmatter of a reference page (notation, glossary, cheat sheets outside the lesson order). */
export const referenceSchema = z.object({
  /** The page heading. */
  title: z.string({ error: "A reference page needs a `title:`." }).min(3),
  /** One sentence shown under the heading and in search results. */
  summary: z.string({ error: "A reference page needs a `summary:` (one sentence)." }).min(10).max(200),
});
