/** Folder names look like "02-step-and-sigmoid": the number orders the course, the rest is the URL slug. */
const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\//;

/** The lesson's id (its slug) from its path inside content/lessons; throws an author-readable error for a badly named folder. */
export function lessonIdFromPath(entry: string): string {
  const match = FOLDER.exec(entry);
  if (!match?.[2]) {
    throw new Error(
      `Lesson folder ${JSON.stringify(entry.split("/")[0])} must be named NN-slug (two digits, a dash, lowercase words joined by dashes), e.g. 02-step-and-sigmoid.`,
    );
  }
  return match[2];
}

/** The lesson's position in the course from its file path (the NN of NN-slug). */
export function lessonOrderFromPath(filePath: string): number {
  const folder = filePath.split(/[\\/]/).at(-2) ?? "";
  const order = Number.parseInt(folder.slice(0, 2), 10);
  return Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER;
}
