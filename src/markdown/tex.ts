import katex from "katex";
import { styleToClasses } from "./katex-classes.ts";

/** Options every build-time KaTeX render shares: errors throw (a TeX typo fails the build), no \href/\url trust. */
export const KATEX_OPTIONS = {
  throwOnError: true,
  strict: "error",
  trust: false,
  output: "htmlAndMathml",
} as const;

/**
 * Renders TeX to KaTeX HTML at build time, its inline styles as classes (see katex-classes.ts); throws with
 * the offending TeX quoted so an author can find it.
 */
export function renderTex(tex: string, displayMode = false): string {
  try {
    return styleToClasses(katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`KaTeX could not render ${JSON.stringify(tex)}: ${reason}`, { cause: error });
  }
}
