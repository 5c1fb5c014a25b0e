import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { assignmentSchema } from "./classroom/assignment-schema.ts";
import { lessonIdFromPath } from "./content/lesson-order.ts";
import { lessonSchema } from "./content/lesson-schema.ts";
import { referenceSchema } from "./content/reference-schema.ts";
import { teacherGuideSchema } from "./content/teacher-schema.ts";

/** Lessons: content/lessons/NN-slug/index.mdx. The id is the slug; the number only orders them. */
const lessons = defineCollection({
  loader: glob({
    pattern: "*/index.mdx",
    base: "./content/lessons",
    generateId: ({ entry }) => lessonIdFromPath(entry),
  }),
  schema: lessonSchema(reference("lessons")),
});

/** Reference pages: content/reference/<slug>.mdx, served at /reference/<slug>/. */
const pages = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/reference" }),
  schema: referenceSchema,
});

/** Assignments: content/assignments/<slug>.mdx, served at /assignments/<slug>/ (and /key/ for the answer key). */
const assignments = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/assignments" }),
  schema: assignmentSchema(reference("lessons")),
});

/** Teacher guides: content/teacher/<lesson-slug>.mdx, one per lesson, served at /teacher/<lesson-slug>/. */
const teacher = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/teacher" }),
  schema: teacherGuideSchema(reference("lessons")),
});

export const collections = { lessons, pages, assignments, teacher };
