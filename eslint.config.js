// @ts-check
import astro from "eslint-plugin-astro";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

/** Framework and browser modules the compute core must never import: it runs unchanged in Node and a Worker. */
const FRAMEWORK_IMPORTS = ["svelte", "svelte/*", "astro", "astro:*", "astro/*", "@astrojs/*", "node:*"];

export default defineConfig(
  { ignores: ["dist/", "dist-*/", ".astro/", "node_modules/", ".bench-cache/", "test-results/", "playwright-report/"] },
  ...tseslint.configs.recommended,
  ...svelte.configs["flat/recommended"],
  ...astro.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: [".svelte"] } },
  },
  {
    // The core is pure: no DOM, no framework, no Node built-ins, and no global randomness.
    files: ["src/core/**/*.ts"],
    // Tests, and the claim tests' helpers (they run the labs to check the course), may import the rest.
    ignores: ["src/core/**/*.test.ts", "src/core/claims/**"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: FRAMEWORK_IMPORTS, message: "src/core imports nothing outside itself." }] },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use a seeded Rng passed as an argument." },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "self",
        "navigator",
        "localStorage",
        "performance",
        "process",
      ],
    },
  },
  {
    // Outside the core, the core is reached through its one public surface (src/core/index.ts), so its folders
    // can be rearranged without touching a lab. Tests of the core and the claim tests live inside it.
    files: ["**/*.ts", "**/*.svelte", "**/*.astro"],
    ignores: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)core/(?!index\\.ts$).+",
              message: "Import the compute core through src/core/index.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Lessons, labs and plots: no HTML sinks fed from outside (URL, storage). Build-time KaTeX HTML goes through Astro's set:html.
    files: ["**/*.svelte", "**/*.svelte.ts", "labs/**/*.ts", "src/plots/**/*.ts"],
    rules: {
      "svelte/no-at-html-tags": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "No HTML sinks: build DOM with Svelte." },
        { property: "outerHTML", message: "No HTML sinks: build DOM with Svelte." },
        { property: "insertAdjacentHTML", message: "No HTML sinks: build DOM with Svelte." },
      ],
    },
  },
);
