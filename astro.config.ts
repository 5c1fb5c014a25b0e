import { unified } from "@astrojs/markdown-remark";
import mdx from "@astrojs/mdx";
import svelte from "@astrojs/svelte";
import { defineConfig } from "astro/config";
import remarkMath from "remark-math";
import { normaliseBasePath } from "./src/site/base-path.ts";
import { normaliseSiteUrl } from "./src/site/site-url.ts";
import { compileHints } from "./src/integrations/compile-hints.ts";
import { cspStyleAttributes } from "./src/integrations/csp.ts";
import { hostingHeaders } from "./src/integrations/headers.ts";
import { hydrateOnUse } from "./src/integrations/hydrate-on-use.ts";
import { offline } from "./src/integrations/offline.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import rehypeKatexStrict from "./src/markdown/rehype-katex-strict.ts";
import rehypeTableScroll from "./src/markdown/rehype-table-scroll.ts";

// BASE_PATH=/course/ npm run build serves the whole site from a subpath (an intranet, a USB stick).
const base = normaliseBasePath(process.env.BASE_PATH);
// SITE_URL=https://school.example npm run build: the origin canonical links, link previews and the sitemap name.
const site = normaliseSiteUrl(process.env.SITE_URL);

/** Modules without import-time effects (see treeshake below): the core, and the labs' plain-data face. */
const PURE_MODULES =
  /[\\/](src[\\/]core[\\/]|labs[\\/](index|catalog|url-keys)\.ts$|labs[\\/][a-z-]+[\\/](settings|presets)\.ts$)/;

export default defineConfig({
  site,
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
      rehypePlugins: [rehypeKatexStrict, rehypeTableScroll],
    }),
  },
  // The CSP step completes each page's policy before _headers copies it; the offline step fingerprints the whole
  // build, so it comes last.
  integrations: [mdx(), svelte(), hydrateOnUse(), cspStyleAttributes(), hostingHeaders(), sitemap(), offline()],
  devToolbar: { enabled: false },
  security: {
    // A strict policy in every page's <meta> (a static host sets no headers). Astro adds the hashes of
    // its inline scripts and styles; src/integrations/csp.ts adds the style attributes' hashes and moves
    // the meta first in <head>. Pages widen it only where they must (search: WebAssembly, data: icons).
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "connect-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        // Training workers are bundled files and the service worker is sw.js: no blob: or data: workers.
        "worker-src 'self'",
      ],
      // Explicit, so a page that adds a source (search adds 'wasm-unsafe-eval') keeps 'self'.
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // V8 compiles the functions of the chunks a page hydrates with while they stream in (compile-hints.ts).
    plugins: [compileHints()],
    worker: { format: "es" },
    // Fonts stay files: Vite would inline the smallest KaTeX font as a data: URL, which font-src 'self' refuses.
    build: {
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
      // The compute core and the labs' plain-data modules have no import-time effects (their module-level
      // constants are pure), which the bundler cannot prove of calls such as getActivation("gelu"). Said here, a
      // page that imports a list of names through src/core/index.ts or labs/index.ts gets that list, not the
      // trainer or every lab's settings behind the same barrel. (Astro keeps only the output options of an
      // environment's rolldownOptions, so input options go here.)
      rolldownOptions: {
        treeshake: { moduleSideEffects: (id: string) => !PURE_MODULES.test(id) },
      },
    },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              // Fewer, larger chunks on lab pages: each file is gzipped on its own, so thirty small chunks
              // cost more than a few grouped ones (and a page with two labs shares all of them). The lab
              // settings group stays apart because the teacher's link builder uses it without the lab UI (with the
              // plain modules of labs/shared that settings, assignments and the sandbox's run file import, so that a
              // page loading them on demand does not list the lab UI's stylesheet, which Astro folds into the page's
              // and never emits: withastro/astro#8329); the labs' state summariser stays apart because only assignment pages use it, and
              // so does the reader of a kept run (kept-run.ts, loaded by a lab only when an assignment page hands it a
              // saved run to replay), and so does the embed bridge, which only embed pages load.
              codeSplitting: {
                groups: [
                  // The Svelte runtime every island loads, and with it the core's checks on outside values (checks.ts,
                  // under 400 bytes), which a lab's settings and every reader of saved progress call: in a chunk of their
                  // own they cost each page a file, and in the lab settings group they would make a page that only
                  // reads saved progress load that whole group.
                  {
                    name: "svelte",
                    test: /(node_modules[\\/](svelte|clsx|esm-env)[\\/]|src[\\/]core[\\/]checks\.ts$)/,
                    priority: 30,
                  },
                  {
                    name: "lab-settings",
                    test: /[\\/](src[\\/]settings[\\/](url-state|read-setting)|labs[\\/]url-keys|labs[\\/]shared[\\/](lab-event|precision|seed|history-views|off-word)|src[\\/]plots[\\/]format|src[\\/]core[\\/](names|limits|data[\\/]grid))\.ts$/,
                    priority: 20,
                  },
                  {
                    name: "lab-ui",
                    test: /[\\/](labs[\\/]shared[\\/](?!lab-state|kept-run|off-word|embed-bridge)|src[\\/]worker[\\/](client|protocol)\.ts|src[\\/]plots[\\/](LinePlot|Legend|DataTable|DecisionBoundary|boundary|scales|layout|downsample|theme|canvas|colormap|heatmap|fallback|types)\.)/,
                    priority: 10,
                  },
                  // The per-layer bars, which the vanishing-gradients lab and the sandbox both draw at once (their history
                  // heatmaps wait for the reader's first use: labs/README.md).
                  { name: "layer-plots", test: /src[\\/]plots[\\/](LayerBars|bars)\./, priority: 5 },
                ],
              },
            },
          },
        },
      },
    },
  },
});
