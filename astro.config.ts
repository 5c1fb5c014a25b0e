import { unified } from "@astrojs/markdown-remark";
import mdx from "@astrojs/mdx";
import svelte from "@astrojs/svelte";
import { defineConfig } from "astro/config";
import remarkMath from "remark-math";
import { normaliseBasePath } from "./src/site/base-path.ts";
import { offline } from "./src/integrations/offline.ts";
import rehypeKatexStrict from "./src/markdown/rehype-katex-strict.ts";

// BASE_PATH=/course/ npm run build serves the whole site from a subpath (an intranet, a USB stick).
const base = normaliseBasePath(process.env.BASE_PATH);

export default defineConfig({
  base,
  // A separate output folder lets several builds (e.g. a subpath build for tests) live side by side.
  outDir: process.env.ASTRO_OUT_DIR || "dist",
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    // Plain code blocks: themed highlighting brings low-contrast colours and inline styles (a strict CSP forbids them).
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatexStrict],
    }),
  },
  integrations: [mdx(), svelte(), offline()],
  devToolbar: { enabled: false },
  vite: {
    worker: { format: "es" },
  },
});
