import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { lessonIdFromPath } from "./content/lesson-order.ts";
import { lessonSchema } from "./content/lesson-schema.ts";

/** Lessons: content/lessons/NN-slug/index.mdx. The id is the slug; the number only orders them. */
const lessons = defineCollection({
  loader: glob({
    pattern: "*/index.mdx",
    base: "./content/lessons",
    generateId: ({ entry }) => lessonIdFromPath(entry),
  }),
  schema: lessonSchema(reference("lessons")),
});

export const collections = { lessons };
