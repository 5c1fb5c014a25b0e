/** The link preview image (Open Graph and Twitter cards), drawn from the core and rasterised while the site builds. */
import type { APIRoute } from "astro";
import { previewSvg } from "../images/preview-image.ts";
import { svgToPng } from "../images/rasterise.ts";

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await svgToPng(previewSvg())), { headers: { "content-type": "image/png" } });
