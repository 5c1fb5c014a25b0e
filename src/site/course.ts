import { getCollection, type CollectionEntry } from "astro:content";
import { lessonOrderFromPath } from "../content/lesson-order.ts";

/** A lesson as pages use it: its entry, its number (the NN of its folder), and its URL relative to the site base. */
export interface CourseLesson {
  entry: CollectionEntry<"lessons">;
  number: number;
  path: string;
}

/** The published lessons in course order (drafts appear only in development). */
export async function getCourse(): Promise<CourseLesson[]> {
  const entries = await getCollection("lessons", (e) => import.meta.env.DEV || !e.data.draft);
  return entries
    .map((entry) => ({ entry, order: lessonOrderFromPath(entry.filePath ?? "") }))
    .sort((a, b) => a.order - b.order)
    .map(({ entry, order }) => ({ entry, number: order, path: lessonPath(entry.id) }));
}

/** The site-relative URL of a lesson. */
export function lessonPath(id: string): string {
  return `/lessons/${id}/`;
}
