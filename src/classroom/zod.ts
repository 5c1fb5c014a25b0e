/**
 * Zod for code that runs in the reader's browser (the teacher's report page), from the `zod` package
 * the site depends on (the same module Astro's `astro/zod` re-exports, so content schemas built with
 * it are Astro's). Zod compiles fast object parsers with `new Function` and first probes whether it
 * may; the site's Content Security Policy forbids eval, so the probe alone would report a violation.
 * jitless parsing needs no eval and is fast enough for a hand-in report.
 */
import * as z from "zod/v4";

z.config({ jitless: true });

export { z };
