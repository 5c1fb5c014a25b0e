/**
 * Each lab's address prefix (`?sb.lr=…`), apart from the catalog's titles and summaries: every lab reads its own in
 * the browser, and a module is bundled whole.
 */
export const LAB_URL_KEYS = {
  "activation-explorer": "ae",
  "step-function": "sf",
  "vanishing-gradients": "vg",
  "dying-relu": "dr",
  "output-loss": "ol",
  sandbox: "sb",
} as const;
