import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

/**
 * Unit tests live next to the code they test; browser tests live in tests/e2e and run through
 * Playwright. Lab controllers (.svelte.ts) are compiled by the Svelte plugin for the browser
 * runtime, so their runes ($state, $derived) behave in tests as they do in a page.
 */
export default defineConfig({
  plugins: [svelte({ compilerOptions: { runes: true } })],
  resolve: { conditions: ["browser"] },
  test: {
    include: ["src/**/*.test.ts", "labs/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/unit/wait-for-default.ts"],
  },
});
