/**
 * V8's explicit compile hint (Chromium 136+) on the chunks a page loads to hydrate its islands: with
 * `//# allFunctionsCalledOnLoad` as a file's first line, V8 compiles its functions while the file streams in, on a
 * background thread, instead of one by one on the main thread when hydration first calls them (about 30 ms of a
 * lab's hydration task, for about 30 bytes a chunk). Chunks loaded on demand (import()) stay lazy: much of what they
 * hold may never run. Other engines read a comment.
 *
 * Why a plugin and not a banner: the comment must open the file, and Vite writes its map of a chunk's preloads
 * (`const __vite__mapDeps=…`) above any banner, so the chunks that import() something (the lab UI, the sandbox)
 * had the hint on their second line and were compiled lazily, on the main thread, during hydration.
 */
import type { Plugin } from "vite";

/** The magic comment. */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** What the plugin needs of an output file (Rollup's OutputChunk or OutputAsset). */
interface OutputFile {
  type: "chunk" | "asset";
  fileName: string;
  isDynamicEntry?: boolean;
  code?: string;
  map?: { mappings: string } | null;
}

/**
 * Puts the hint on the first line of every JavaScript chunk in `bundle` that is not loaded on demand (and moves a
 * source map's lines down one, ";" being an empty line in its mappings, for a build with source maps).
 */
export function addCompileHints(bundle: Record<string, OutputFile>): void {
  for (const file of Object.values(bundle)) {
    if (file.type !== "chunk" || file.isDynamicEntry || !file.fileName.endsWith(".js") || file.code === undefined)
      continue;
    file.code = `${COMPILE_HINT}\n${file.code}`;
    if (file.map) file.map.mappings = `;${file.map.mappings}`;
  }
}

/** The Vite plugin: the browser's chunks only, after every other plugin has written them. */
export function compileHints(): Plugin {
  return {
    name: "activation-labs:compile-hints",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        addCompileHints(bundle as Record<string, OutputFile>);
      },
    },
  };
}
