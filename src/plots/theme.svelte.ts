/** The theme as a reactive signal for canvas plots: SVG plots follow CSS tokens by themselves, canvases must repaint. */
import { createSubscriber } from "svelte/reactivity";
import { onThemeChange } from "./canvas.ts";

const subscribe = createSubscriber((update) => onThemeChange(update));

/** Call inside a painting $effect: the effect runs again whenever the reader's theme changes. */
export function trackTheme(): void {
  subscribe();
}
