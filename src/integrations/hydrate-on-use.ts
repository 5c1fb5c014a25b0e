/** Adds the `client:use` hydration directive (see on-use-directive.ts): an island hydrates on the reader's first use. */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** The integration that registers `client:use`. */
export function hydrateOnUse(): AstroIntegration {
  return {
    name: "activation-labs:hydrate-on-use",
    hooks: {
      "astro:config:setup": ({ addClientDirective }) => {
        addClientDirective({
          name: "use",
          entrypoint: fileURLToPath(new URL("./on-use-directive.ts", import.meta.url)),
        });
      },
    },
  };
}

declare module "astro" {
  interface AstroClientDirectives {
    /** Hydrate on the reader's first use; the value is the island's address key (hydrate at once when the address holds it). */
    "client:use"?: string;
  }
}
