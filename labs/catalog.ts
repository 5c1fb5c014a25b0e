/** Every lab's id, title and one-line purpose: plain data, so the content schema and pages can use it without loading a component. */
export const LAB_CATALOG = {
  "activation-explorer": {
    title: "Activation explorer",
    summary: "Every activation and its derivative side by side, with the saturated regions shaded.",
  },
} as const satisfies Record<string, { title: string; summary: string }>;

/** A lab's id, as lessons name it in their frontmatter and as it appears in data-lab. */
export type LabId = keyof typeof LAB_CATALOG;

/** All lab ids, in catalog order. */
export const LAB_IDS = Object.keys(LAB_CATALOG) as [LabId, ...LabId[]];

/** Whether a string names a lab in the catalog. */
export function isLabId(value: unknown): value is LabId {
  return typeof value === "string" && Object.hasOwn(LAB_CATALOG, value);
}
