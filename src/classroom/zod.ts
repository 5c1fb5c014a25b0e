/**
 * Zod for code that runs in the reader's browser. Zod compiles fast object parsers with `new Function`
 * and first probes whether it may; the site's Content Security Policy forbids eval, so the probe alone
 * would report a violation. jitless parsing needs no eval and is fast enough for a hand-in report.
 */
import { z } from "astro/zod";

z.config({ jitless: true });

export { z };
