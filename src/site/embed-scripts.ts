/**
 * The two inline scripts in an embed page's <head> (layouts/EmbedLayout.astro), as the text the page carries: they
 * run before first paint, so the lab never flashes in the wrong theme and a preset named in the address loads its
 * own page before anything else does. Each page's CSP lists the hash of exactly this text (cspHash), and
 * embed-scripts.test.ts runs them against stand-ins for location, document and matchMedia.
 */

/** The address parameter that picks an embed's theme. */
export const THEME_PARAM = "theme";

/** The address parameter that picks an embed's preset. */
export const PRESET_PARAM = "preset";

/** A value as a JavaScript literal that is safe inside <script>: "<" escaped, so no text can close the element. */
function literal(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

/**
 * Sets data-theme on <html> from `?theme=light|dark`; without a valid one it follows the colour scheme of the
 * reader's system (which the host page follows too) and keeps following it, telling the plots with the same
 * "themechange" event as the site's toggle. The site's stored choice is not read: the host decides, not this site.
 */
export function embedThemeScript(): string {
  return `(function () {
  var root = document.documentElement;
  var asked = new URLSearchParams(location.search).get(${literal(THEME_PARAM)});
  if (asked === "light" || asked === "dark") {
    root.dataset.theme = asked;
    return;
  }
  var media = matchMedia("(prefers-color-scheme: dark)");
  var follow = function () {
    root.dataset.theme = media.matches ? "dark" : "light";
  };
  follow();
  media.addEventListener("change", function () {
    follow();
    root.dispatchEvent(new CustomEvent("themechange", { detail: root.dataset.theme }));
  });
})();`;
}

/**
 * Sends `?preset=<name>` to that preset's own embed page (`<root><name>/`, built with the preset, its intro and its
 * first picture), keeping the other parameters and the fragment. A name the lab does not have goes to the lab's
 * default page with the parameter kept, where the page says so (embed-notices.ts); the page already showing the
 * asked preset stays. `root`: the lab's embed folder under the base ("/course/embed/dying-relu/").
 */
export function presetRedirectScript(root: string, presets: readonly string[], own: string | null): string {
  return `(function () {
  var params = new URLSearchParams(location.search);
  var asked = params.get(${literal(PRESET_PARAM)});
  if (asked === null) return;
  var target = ${literal(presets)}.indexOf(asked) >= 0 ? asked : "";
  if (target === ${literal(own ?? "")}) return;
  if (target) params.delete(${literal(PRESET_PARAM)});
  var search = params.toString();
  location.replace(${literal(root)} + (target ? target + "/" : "") + (search ? "?" + search : "") + location.hash);
})();`;
}
