import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { lessonIdFromPath } from "./content/lesson-order.ts";
import { lessonSchema } from "./content/lesson-schema.ts";
import { referenceSchema } from "./content/reference-schema.ts";

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

export const collections = { lessons, pages };
