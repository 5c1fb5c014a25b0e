/** The web app manifest, for the base path this build serves (src/site/web-manifest.ts). */
import type { APIRoute } from "astro";
import { webManifest } from "../site/web-manifest.ts";

export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest(import.meta.env.BASE_URL), null, 2), {
    headers: { "content-type": "application/manifest+json" },
  });
