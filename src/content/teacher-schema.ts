import { z } from "astro/zod";

/**
 * The frontmatter of a teacher guide (content/teacher/<lesson-slug>.mdx, one per lesson). Every
 * section a guide must have is a field, so a missing one stops the build with a message for the
 * teacher who writes it. The MDX body holds optional extra notes. `reference` is Astro's
 * reference("lessons") in the build and a plain string schema in unit tests.
 */
export function teacherGuideSchema<R extends z.ZodType>(reference: R) {
  const line = (what: string) =>
    z
      .string({ error: `Write ${what}.` })
      .min(10, `${what} is too short to help.`)
      .max(600, `${what} is over 600 characters.`);
  return z
    .object({
      /** The lesson this guide is for (its slug); the guide's file name should be the same slug. */
      lesson: reference,
      /** Minutes the lesson takes in class, in all. */
      minutes: z.number({ error: "`minutes:` is the lesson's length in class (a number)." }).int().min(10).max(240),
      /** What students can do afterwards: 2 to 6 lines, each starting with a verb. */
      objectives: z
        .array(line("an objective"))
        .min(2, "Give at least two `objectives:`.")
        .max(6, "Keep `objectives:` to six."),
      /** The lesson's phases in class. */
      timing: z
        .array(z.object({ minutes: z.number().int().min(1).max(120), activity: line("the activity") }))
        .min(2, "Split the lesson into at least two `timing:` phases."),
      /** What students commonly believe, and what to say instead. */
      misconceptions: z
        .array(z.object({ belief: line("the belief"), correction: line("the correction") }))
        .min(2, "Give at least two `misconceptions:`."),
      /** Questions for class discussion. */
      prompts: z.array(line("a discussion prompt")).min(2, "Give at least two discussion `prompts:`."),
      /** "Explain this NaN": where a NaN or a diverged run shows up in this lesson's labs, and how to explain it. */
      nan: line("the `nan:` note (where a NaN or divergence appears in this lesson, and why)"),
      /** Assignments that go with the lesson, by slug (content/assignments). */
      assignments: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    })
    .refine((g) => g.timing.reduce((sum, t) => sum + t.minutes, 0) === g.minutes, {
      message: "The `timing:` phases must add up to `minutes:`.",
      path: ["timing"],
    });
}

/** A teacher guide's frontmatter after validation. */
export type TeacherGuideData = z.infer<ReturnType<typeof teacherGuideSchema<z.ZodString>>>;
