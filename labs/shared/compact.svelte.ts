/**
 * Whether the lab is on a narrow screen (≤ 600 px), where it folds its settings and secondary instruments so the
 * main chart and the bar with the readout stay in view while it trains. False at build time and until mounted,
 * so the server-rendered lab (read without JavaScript, or printed) shows everything.
 */
import { onMount } from "svelte";

/** The width below which a lab folds (37.5rem at the default 16 px: a phone held upright). */
export const COMPACT_QUERY = "(max-width: 37.5rem)";

/** A reactive flag that follows COMPACT_QUERY once the calling component has mounted. */
export function useCompact(): { readonly value: boolean } {
  let value = $state(false);
  onMount(() => {
    if (typeof matchMedia === "undefined") return;
    const query = matchMedia(COMPACT_QUERY);
    value = query.matches;
    const follow = () => (value = query.matches);
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  });
  return {
    get value() {
      return value;
    },
  };
}
