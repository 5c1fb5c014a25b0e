/** The site's name, words and colours as its link preview, its icons and its web app manifest show them. */

/** The site's name. */
export const SITE_NAME = "Activation Labs";

/** What the site is, in one sentence (the home page's description, the manifest's). */
export const SITE_DESCRIPTION =
  "A hands-on course on activation functions: why a neuron fires, vanishing gradients, dying ReLU, and choosing the output layer and loss.";

/** The icon's background (public/favicon.svg's square): Okabe–Ito blue, the site's first data colour. */
export const BRAND_BLUE = "#0072b2";

/** The page colours of the light and dark themes (src/styles/tokens.css: --gray-0, --gray-950). */
export const PAGE_LIGHT = "#ffffff";
export const PAGE_DARK = "#0e1013";

/**
 * Fonts for text in pictures drawn at build time: the rasteriser uses the build machine's fonts, so the list
 * names common ones first and ends in a generic family that every machine has.
 */
export const IMAGE_FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
