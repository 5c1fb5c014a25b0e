import { LAB_URL_KEYS } from "./url-keys.ts";

/** Every lab's id, title, one-line purpose and URL key (url-keys.ts): plain data, so the content schema and pages can use it without loading a component. */
export const LAB_CATALOG = {
  "activation-explorer": {
    title: "Activation explorer",
    summary: "Every activation and its derivative side by side, with the saturated regions shaded.",
    urlKey: LAB_URL_KEYS["activation-explorer"],
  },
  "step-function": {
    title: "Step function vs. the perceptron rule",
    summary:
      "Gradient descent on a step unit gets a zero gradient and never moves; the perceptron rule on the same data learns.",
    urlKey: LAB_URL_KEYS["step-function"],
  },
  "vanishing-gradients": {
    title: "Vanishing gradients",
    summary: "Watch each layer's gradient shrink with depth, and how the activation and initialisation change that.",
    urlKey: LAB_URL_KEYS["vanishing-gradients"],
  },
  "dying-relu": {
    title: "Dying ReLU",
    summary: "See ReLU units die after a large step or a negative bias, and Leaky ReLU bring them back.",
    urlKey: LAB_URL_KEYS["dying-relu"],
  },
  "output-loss": {
    title: "Output layer and loss",
    summary: "Start confidently wrong and compare sigmoid+MSE, sigmoid+BCE and softmax+cross-entropy.",
    urlKey: LAB_URL_KEYS["output-loss"],
  },
  sandbox: {
    title: "Sandbox",
    summary: "Any network, any activation, every instrument, and the same setup as a PyTorch script.",
    urlKey: LAB_URL_KEYS.sandbox,
  },
} as const satisfies Record<string, { title: string; summary: string; urlKey: string }>;

/** A lab's id, as lessons name it in their frontmatter and as it appears in data-lab. */
export type LabId = keyof typeof LAB_CATALOG;

/** All lab ids, in catalog order. */
export const LAB_IDS = Object.keys(LAB_CATALOG) as [LabId, ...LabId[]];

/** Whether a string names a lab in the catalog. */
export function isLabId(value: unknown): value is LabId {
  return typeof value === "string" && Object.hasOwn(LAB_CATALOG, value);
}
