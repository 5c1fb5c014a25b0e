/** The app icons (src/images/icons.ts), rasterised from public/favicon.svg while the site builds. */
import type { APIRoute, GetStaticPaths } from "astro";
import favicon from "../../../public/favicon.svg?raw";
import { ICONS, iconSvg, type IconSpec } from "../../images/icons.ts";
import { svgToPng } from "../../images/rasterise.ts";

export const getStaticPaths = (() =>
  ICONS.map((icon) => ({ params: { file: icon.file }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: IconSpec }> = async ({ props }) =>
  new Response(new Uint8Array(await svgToPng(iconSvg(favicon, props.icon))), {
    headers: { "content-type": "image/png" },
  });
