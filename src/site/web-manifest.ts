/**
 * The web app manifest (<base>manifest.webmanifest): what a browser needs to install the course as an app
 * that opens offline (the service worker serves it), under whatever base path the site is built for.
 */
import { ICONS, TOUCH_ICON } from "../images/icons.ts";
import { PAGE_LIGHT, SITE_DESCRIPTION, SITE_NAME } from "../images/brand.ts";
import { joinBase } from "./base-path.ts";

/** One icon entry of a manifest. */
export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: "any" | "maskable";
}

/** The manifest's fields (those browsers read to offer installing). */
export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: "standalone";
  background_color: string;
  theme_color: string;
  icons: ManifestIcon[];
}

/** The manifest of the site built under `base` ("/" or "/course/"): every address in it carries the base. */
export function webManifest(base: string): WebManifest {
  const at = (path: string) => joinBase(base, path);
  return {
    id: at("/"),
    name: SITE_NAME,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    lang: "en",
    start_url: at("/"),
    scope: at("/"),
    display: "standalone",
    background_color: PAGE_LIGHT,
    theme_color: PAGE_LIGHT,
    icons: [
      ...ICONS.filter((icon) => icon.file !== TOUCH_ICON).map((icon) => ({
        src: at(`/icons/${icon.file}`),
        sizes: `${icon.size}x${icon.size}`,
        type: "image/png",
        purpose: icon.purpose,
      })),
      // The drawing itself, sharp at any size where a browser takes SVG icons.
      { src: at("/favicon.svg"), sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
