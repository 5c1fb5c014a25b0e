/** The id of a figure's element on a page: "figure-<id>" for its first showing, "figure-<id>-2" for the second, … */
export function figureDomId(id: string, nth: number): string {
  return nth <= 1 ? `figure-${id}` : `figure-${id}-${nth}`;
}
