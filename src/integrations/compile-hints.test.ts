import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints.ts";

describe("compile hints", () => {
  it("open every chunk a page loads at once, above Vite's preload map; chunks loaded on demand and assets stay as they are", () => {
    const bundle = {
      "lab-ui.js": {
        type: "chunk" as const,
        fileName: "_astro/lab-ui.js",
        isDynamicEntry: false,
        code: 'const __vite__mapDeps=(i)=>i;\nimport{a}from"./svelte.js";',
        map: { mappings: "AAAA;AACA" },
      },
      "menu.js": { type: "chunk" as const, fileName: "_astro/menu.js", isDynamicEntry: true, code: "export{}" },
      "page.css": { type: "asset" as const, fileName: "_astro/page.css" },
    };
    addCompileHints(bundle);
    expect(bundle["lab-ui.js"].code.split("\n")[0]).toBe(COMPILE_HINT);
    expect(bundle["lab-ui.js"].code).toContain("const __vite__mapDeps");
    // The source map's first line is now the hint's, which maps to nothing.
    expect(bundle["lab-ui.js"].map.mappings).toBe(";AAAA;AACA");
    expect(bundle["menu.js"].code).toBe("export{}");
    expect(bundle["page.css"]).toEqual({ type: "asset", fileName: "_astro/page.css" });
  });
});
